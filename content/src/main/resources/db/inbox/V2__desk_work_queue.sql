-- The desk's work queue (issue 20): an operator claims a question so that no one else answers it; the queue is
-- paged by (received_at, id), oldest first, with no cap.
ALTER TABLE inbox_question ADD COLUMN claimed_by VARCHAR(64);
ALTER TABLE inbox_question ADD COLUMN claimed_at BIGINT;

CREATE INDEX inbox_question_queue ON inbox_question (answered_at, received_at, id);
