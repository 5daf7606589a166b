-- The inbox's first tables (issue 13), as InboxStore created them before Flyway: IF NOT EXISTS, so that a SQLite
-- file made by an older server is taken over as it is (Flyway baselines it at version 0 and runs this).
-- Portable SQL: the same file runs on SQLite and PostgreSQL. Times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS inbox_question (
    id VARCHAR(64) PRIMARY KEY,
    token_hash VARCHAR(64) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    topic VARCHAR(32) NOT NULL,
    country VARCHAR(2) NOT NULL,
    language VARCHAR(8) NOT NULL,
    message TEXT NOT NULL,
    contact VARCHAR(254),
    received_at BIGINT NOT NULL,
    answer TEXT,
    answered_at BIGINT,
    UNIQUE (token_hash, idempotency_key));

CREATE INDEX IF NOT EXISTS inbox_question_by_token ON inbox_question (token_hash, received_at);

CREATE INDEX IF NOT EXISTS inbox_question_open ON inbox_question (answered_at, topic, country);

-- Exactly-once rests here, in the database, never in a node's memory: one row per (token, key), claimed by the
-- first request; any node that sees the row replays its stored response or answers 409.
CREATE TABLE IF NOT EXISTS inbox_submission (
    token_hash VARCHAR(64) NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    body_sha256 VARCHAR(64) NOT NULL,
    started_at BIGINT NOT NULL,
    completed_at BIGINT,
    response_status INTEGER,
    response_body TEXT,
    PRIMARY KEY (token_hash, idempotency_key));
