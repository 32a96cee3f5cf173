-- An email may carry one text file: the appointment's .ics (BKG1), so that the confirmation adds
-- the event to the calendar and a cancellation removes it. Erased with the body once sent.
ALTER TABLE outbox ADD COLUMN attachment_name TEXT;
ALTER TABLE outbox ADD COLUMN attachment_type TEXT;
ALTER TABLE outbox ADD COLUMN attachment_body TEXT;
