-- What the teleconsultation room keeps in the consultation record besides the chat (issue 6,
-- docs/consultation.md): the files shared during the call, the switches to a phone call with
-- their cause (traceability of technical incidents, ROOM7), and the practitioner's private
-- notes (ROOM9). Contents are sealed like the chat (V009): XChaCha20-Poly1305, key id inside the
-- sealed value, the consultation as authenticated context.

-- A file as stored: images re-encoded without their metadata, other accepted types as sent.
-- The name is sealed too (a name can say as much as the file); the type and size are not.
CREATE TABLE consultation_files (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  sender_account_id BIGINT NOT NULL REFERENCES accounts (id),
  sender_role TEXT NOT NULL,
  sender_name TEXT NOT NULL,
  name {{blob}} NOT NULL,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  body {{blob}} NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX consultation_files_appointment ON consultation_files (appointment_id, id);

-- Every switch is kept (never updated): the latest one is the consultation's current state.
CREATE TABLE consultation_incidents (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  kind TEXT NOT NULL,
  cause TEXT NOT NULL,
  note {{blob}},
  actor_account_id BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL
);
CREATE INDEX consultation_incidents_appointment ON consultation_incidents (appointment_id, id);

-- One current note per consultation, replaced as the practitioner types.
CREATE TABLE consultation_notes (
  appointment_id BIGINT PRIMARY KEY REFERENCES appointments (id),
  author_account_id BIGINT NOT NULL REFERENCES accounts (id),
  body {{blob}} NOT NULL,
  updated_at BIGINT NOT NULL
);
