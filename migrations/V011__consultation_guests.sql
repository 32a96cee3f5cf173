-- Guests of a teleconsultation (issue 6, ROOM8; docs/consultation.md "Guests"): a trusted person
-- or an interpreter invited by the patient or the practitioner through a one-time link. One row
-- is one invitation and, once claimed, its guest (the guest's id is the invitation's). Only
-- hashes are kept: SHA-256 of the link's token and of the guest's cookie.
CREATE TABLE consultation_invitations (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  kind TEXT NOT NULL CHECK (kind IN ('guest', 'interpreter')),
  hint TEXT,                        -- the name the inviter typed, if any
  token_hash TEXT NOT NULL UNIQUE,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,       -- the end of the appointment + 2 h
  revoked_at BIGINT,
  claimed_at BIGINT,
  guest_name TEXT,                  -- as the guest typed it when claiming
  credential_hash TEXT UNIQUE,      -- the guest's cookie, set by the claim
  admitted_at BIGINT                -- first admitted by the practitioner
);
CREATE INDEX consultation_invitations_appointment ON consultation_invitations (appointment_id);

-- A chat message is now sent by an account or by a guest: sender_account_id becomes nullable,
-- beside the new sender_guest_id, exactly one of them set. PostgreSQL alters the column in
-- place; SQLite cannot drop a NOT NULL, so the table is rebuilt under the same name (children
-- keep referencing it by name; foreign keys are checked at commit, once the rows are back).
{{postgres}}
ALTER TABLE consultation_messages ALTER COLUMN sender_account_id DROP NOT NULL;
ALTER TABLE consultation_messages
  ADD COLUMN sender_guest_id BIGINT REFERENCES consultation_invitations (id);
ALTER TABLE consultation_messages ADD CONSTRAINT consultation_messages_one_sender
  CHECK ((sender_account_id IS NULL) <> (sender_guest_id IS NULL));
{{end}}
{{sqlite}}
PRAGMA defer_foreign_keys = ON;
CREATE TEMPORARY TABLE consultation_messages_copy AS SELECT * FROM consultation_messages;
DROP TABLE consultation_messages;
CREATE TABLE consultation_messages (
  id INTEGER PRIMARY KEY,
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  sender_account_id BIGINT REFERENCES accounts (id),
  sender_role TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  body BLOB NOT NULL,
  created_at BIGINT NOT NULL,
  sender_guest_id BIGINT REFERENCES consultation_invitations (id),
  CHECK ((sender_account_id IS NULL) <> (sender_guest_id IS NULL))
);
INSERT INTO consultation_messages (id, appointment_id, sender_account_id, sender_role,
                                   sender_name, body, created_at)
  SELECT id, appointment_id, sender_account_id, sender_role, sender_name, body, created_at
  FROM consultation_messages_copy;
DROP TABLE consultation_messages_copy;
CREATE INDEX consultation_messages_appointment ON consultation_messages (appointment_id, id);
{{end}}
