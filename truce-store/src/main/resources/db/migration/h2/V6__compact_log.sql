-- Truce store, schema 6 (H2 2.x): a smaller, cheaper accepted-input log and projections.
-- Bodies become CHARACTER VARYING: H2 keeps a CLOB out of the row in its LOB storage (a second write and map entry
-- per row, and a LOB copy on every read), which made most of the file's 15-100 KB per observation; these bodies are
-- a few hundred bytes to a few KB (track and incident evidence is bounded), far below VARCHAR's 1,000,000 characters.
-- meta and the casework tables keep CLOB: their values are rare and may be long.
-- The observation id is OBS-<seq> by definition (AcceptedObservation.idFor), so its column and unique index only
-- repeated the primary key: the store derives the id from seq.
ALTER TABLE observations ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE observations DROP CONSTRAINT observations_id_unique;
ALTER TABLE observations DROP COLUMN id;
ALTER TABLE tracks ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE incidents ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
ALTER TABLE assets ALTER COLUMN body SET DATA TYPE CHARACTER VARYING;
