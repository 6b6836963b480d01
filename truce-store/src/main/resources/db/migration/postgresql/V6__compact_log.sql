-- Truce store, schema 6 (PostgreSQL): the twin of ../h2/V6__compact_log.sql. Bodies are already TEXT here (kept in
-- the row, compressed and moved out only when large), so only the observation id goes: it is OBS-<seq> by definition
-- (AcceptedObservation.idFor), and its column and unique index only repeated the primary key.
ALTER TABLE observations DROP CONSTRAINT observations_id_unique;
ALTER TABLE observations DROP COLUMN id;
