-- Truce store, schema 1 (PostgreSQL). Times are epoch nanoseconds (BIGINT) so Instants round-trip exactly;
-- bodies are the TruceJson text of the domain record. The H2 twin (../h2/V1__store.sql) keeps the same
-- tables and columns; here bodies are TEXT and ids sort in the "C" collation, as Java's String order does.
-- V2 is reserved for the transparency log.

-- The log's head: one row whose row lock serialises appenders (also across processes) and whose
-- value is the last sequence number handed out, so sequence numbers stay gap-free.
CREATE TABLE log_head (
    id       INT    PRIMARY KEY,
    last_seq BIGINT NOT NULL
);
INSERT INTO log_head (id, last_seq) VALUES (1, 0);

CREATE TABLE observations (
    seq         BIGINT  PRIMARY KEY,
    id          VARCHAR NOT NULL,
    asset       VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    time_ns     BIGINT  NOT NULL,
    received_ns BIGINT  NOT NULL,
    channel     VARCHAR NOT NULL,
    body        TEXT    NOT NULL,
    CONSTRAINT observations_id_unique UNIQUE (id)
);
CREATE INDEX observations_asset_time ON observations (asset, time_ns);
CREATE INDEX observations_kind_time ON observations (kind, time_ns);
CREATE INDEX observations_time ON observations (time_ns);

CREATE TABLE incidents (
    id           VARCHAR COLLATE "C" PRIMARY KEY,
    start_ns     BIGINT  NOT NULL,
    end_ns       BIGINT  NOT NULL,
    rule_type    VARCHAR NOT NULL,
    zone_id      VARCHAR NOT NULL,
    party_id     VARCHAR,
    provision_id VARCHAR NOT NULL,
    state        VARCHAR NOT NULL,
    body         TEXT    NOT NULL
);
CREATE INDEX incidents_start ON incidents (start_ns, id);
CREATE INDEX incidents_end ON incidents (end_ns);
CREATE INDEX incidents_rule_type ON incidents (rule_type);
CREATE INDEX incidents_zone ON incidents (zone_id);
CREATE INDEX incidents_party ON incidents (party_id);
CREATE INDEX incidents_provision ON incidents (provision_id);
CREATE INDEX incidents_state ON incidents (state);

CREATE TABLE assets (
    id        VARCHAR COLLATE "C" PRIMARY KEY,
    system_id INT,
    body      TEXT    NOT NULL
);
CREATE INDEX assets_system_id ON assets (system_id);

CREATE TABLE tracks (
    id      VARCHAR COLLATE "C" PRIMARY KEY,
    time_ns BIGINT  NOT NULL,
    body    TEXT    NOT NULL
);
CREATE INDEX tracks_time ON tracks (time_ns);

CREATE TABLE meta (
    meta_key   VARCHAR COLLATE "C" PRIMARY KEY,
    meta_value TEXT    NOT NULL
);
