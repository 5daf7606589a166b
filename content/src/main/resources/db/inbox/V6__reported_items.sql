-- Reports of numbers that do not work, for editors (issue 20): the item of the guide a report of a problem names
-- (contact/CC/id, as QuestionRules let it through) and the number the person tried, kept on the question. The desk's
-- editors' page groups by the item; the index serves that grouping (first and last report per item). Deleting the
-- question on the phone deletes its report too, as it deletes its text.
ALTER TABLE inbox_question ADD COLUMN about_item VARCHAR(80);
ALTER TABLE inbox_question ADD COLUMN about_number VARCHAR(32);

CREATE INDEX inbox_question_about ON inbox_question (about_item, received_at);
