-- The desk for a Ministry team (issue 20): operator accounts (bcrypt hashes, never passwords), their lockout kept
-- here so that it holds across nodes and restarts, sessions (only the hash of the cookie's token), and the audit
-- log: who did what to which question, when. Ids are random texts, so the same SQL runs on SQLite and PostgreSQL.
CREATE TABLE desk_operator (
    name VARCHAR(64) PRIMARY KEY,
    password_hash VARCHAR(100) NOT NULL,
    role VARCHAR(16) NOT NULL,
    created_at BIGINT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until BIGINT);

CREATE TABLE desk_session (
    token_hash VARCHAR(64) PRIMARY KEY,
    operator VARCHAR(64) NOT NULL,
    csrf VARCHAR(64) NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL);

CREATE TABLE desk_audit (
    id VARCHAR(32) PRIMARY KEY,
    at BIGINT NOT NULL,
    operator VARCHAR(64) NOT NULL,
    action VARCHAR(32) NOT NULL,
    question_id VARCHAR(64),
    detail VARCHAR(500) NOT NULL);

CREATE INDEX desk_audit_by_time ON desk_audit (at, id);
