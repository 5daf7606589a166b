-- Answer templates per topic (issue 20): a supervisor writes them, an operator picks one of the question's topic to
-- fill the answer, then edits it. Editing keeps the id (one row per template); who changed it last and when is kept
-- here, every change is in desk_audit too.
CREATE TABLE desk_template (
    id VARCHAR(32) PRIMARY KEY,
    topic VARCHAR(32) NOT NULL,
    title VARCHAR(100) NOT NULL,
    body TEXT NOT NULL,
    updated_by VARCHAR(64) NOT NULL,
    updated_at BIGINT NOT NULL);

CREATE INDEX desk_template_by_topic ON desk_template (topic, title);
