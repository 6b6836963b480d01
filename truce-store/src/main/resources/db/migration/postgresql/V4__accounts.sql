-- People who sign in (org.truce.accounts): accounts with their password hashes, and API tokens kept only as the
-- SHA-256 of the token. Times are epoch nanoseconds (BIGINT), as in V1. V2 and V3 are left to other parts of the schema.
-- The H2 twin (../h2/V4__accounts.sql) has the same tables and columns.

CREATE TABLE accounts (
    user_id       VARCHAR(64)  COLLATE "C" PRIMARY KEY,
    display_name  VARCHAR(200) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    contingent    VARCHAR(64),             -- staff roles only
    party         VARCHAR(64),             -- the liaison officer only
    lang          VARCHAR(8)   NOT NULL,
    disabled      BOOLEAN      NOT NULL,
    created_ns    BIGINT       NOT NULL,
    password_hash VARCHAR(512) NOT NULL    -- self-describing ($argon2id$v=19$m=...,t=...,p=...$salt$hash)
);

CREATE TABLE api_tokens (
    token_hash CHAR(64)    PRIMARY KEY,    -- lower-case hex SHA-256 of the token; the token is never stored
    user_id    VARCHAR(64) NOT NULL REFERENCES accounts (user_id),
    created_ns BIGINT      NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
