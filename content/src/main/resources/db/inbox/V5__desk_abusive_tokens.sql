-- Tokens a supervisor marked as abusive (issue 20): the inbox refuses their new questions on every node, because
-- the mark is here and not in a node's memory. One row per token (only its hash, as everywhere); the question that
-- led to the mark names it at the desk, since the desk never shows a token. Undo deletes the row.
CREATE TABLE desk_abusive_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    question_id VARCHAR(64) NOT NULL,
    marked_by VARCHAR(64) NOT NULL,
    marked_at BIGINT NOT NULL);
