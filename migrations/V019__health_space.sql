-- The patient's health space (issue 15, docs/health-space.md): the files a patient adds to a
-- profile, which issued documents the patient hid from practitioners, the documents attached to
-- an appointment before it, and the medical profile. Titles, names, bodies and the medical
-- profile are sealed (XChaCha20-Poly1305, src/crypto/keyring.hpp) with the row's public id (or
-- the profile's) as authenticated context; kind, type and size stay clear for the lists.
CREATE TABLE health_files (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  profile_id BIGINT NOT NULL REFERENCES profiles (id),
  kind TEXT NOT NULL
    CHECK (kind IN ('prescription', 'lab_result', 'imaging', 'letter', 'vaccination', 'other')),
  title {{blob}} NOT NULL,
  name {{blob}} NOT NULL,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  body {{blob}} NOT NULL,
  hidden INTEGER NOT NULL DEFAULT 0,
  added_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX health_files_profile ON health_files (profile_id, added_at);

-- Issued documents are immutable (V014): the patient's choice to hide one lives beside it.
CREATE TABLE document_visibility (
  document_id BIGINT PRIMARY KEY REFERENCES documents (id),
  hidden INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

-- What the patient attached to an appointment before it, in their order: an own file or an
-- issued document of the same profile.
CREATE TABLE appointment_shares (
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  position INTEGER NOT NULL,
  file_id BIGINT REFERENCES health_files (id),
  document_id BIGINT REFERENCES documents (id),
  PRIMARY KEY (appointment_id, position),
  CHECK ((file_id IS NULL AND document_id IS NOT NULL)
         OR (file_id IS NOT NULL AND document_id IS NULL))
);
CREATE INDEX appointment_shares_file ON appointment_shares (file_id);

-- One sealed JSON document per profile (antécédents, allergies, treatments…).
CREATE TABLE medical_profiles (
  profile_id BIGINT PRIMARY KEY REFERENCES profiles (id),
  body {{blob}} NOT NULL,
  updated_at BIGINT NOT NULL
);
