-- The teleconsultation room (issue 6, docs/consultation.md): when the consultation ended, and its
-- chat, kept in the consultation record, sealed (XChaCha20-Poly1305, key id inside the sealed
-- value; src/crypto/keyring.hpp) with the message's row as authenticated context.
ALTER TABLE appointments ADD COLUMN ended_at BIGINT;

CREATE TABLE consultation_messages (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  sender_account_id BIGINT NOT NULL REFERENCES accounts (id),
  sender_role TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  body {{blob}} NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consultation_messages_appointment ON consultation_messages (appointment_id, id);
