-- Documents issued after a consultation (issue 14, docs/documents.md): every version of every
-- compte-rendu, ordonnance, arrêt de travail, certificate and feuille de soins. Issued documents
-- are never updated except to point at the version that replaced them. Their content (the
-- practitioner's words, as JSON) and their PDF are sealed (XChaCha20-Poly1305, key outside the
-- database: src/crypto/keyring.hpp) with the document's public id as authenticated context.
CREATE TABLE documents (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  account_id BIGINT NOT NULL REFERENCES accounts (id),   -- the patient's account
  profile_id BIGINT NOT NULL REFERENCES profiles (id),   -- whom it is about (a relative too)
  kind TEXT NOT NULL
    CHECK (kind IN ('report', 'prescription', 'sick_leave', 'certificate', 'care_sheet')),
  -- Which part of the closing form issued it ("prescription", "certificate:0"): a retried close
  -- finds what it already issued instead of issuing it twice. NULL for a later addition.
  close_part TEXT,
  version INTEGER NOT NULL,
  replaces_id BIGINT REFERENCES documents (id),
  replaced_by_id BIGINT REFERENCES documents (id),
  standin INTEGER NOT NULL,          -- made by a built-in stand-in, not the national service
  content {{blob}} NOT NULL,
  pdf {{blob}} NOT NULL,
  issued_at BIGINT NOT NULL
);
CREATE INDEX documents_account ON documents (account_id, issued_at);
CREATE INDEX documents_appointment ON documents (appointment_id, id);
CREATE UNIQUE INDEX documents_close_part ON documents (appointment_id, close_part);

-- What a pharmacist checks from the QR: the number, the per-prescription key (sealed: it is
-- what lets a holder of the paper see the items), the platform's Ed25519 signature over the
-- signed payload (sealed: it names the patient), whether it was dispensed, and the pharmacy
-- the patient sent it to with its answer.
CREATE TABLE prescriptions (
  document_id BIGINT PRIMARY KEY REFERENCES documents (id),
  number TEXT NOT NULL UNIQUE,
  sealed_key {{blob}} NOT NULL,
  payload {{blob}} NOT NULL,
  signature TEXT NOT NULL,
  dispensed_at BIGINT,
  pharmacy_public_id TEXT,
  pharmacy_name TEXT,
  pharmacy_city TEXT,
  pharmacy_status TEXT CHECK (pharmacy_status IN ('sent', 'prepared', 'ready')),
  pharmacy_updated_at BIGINT
);

-- The stand-in's prescription numbers: one counter shared by every node of the database.
CREATE TABLE document_counters (
  name TEXT PRIMARY KEY,
  value BIGINT NOT NULL
);
INSERT INTO document_counters (name, value) VALUES ('prescription', 0);

-- The closing form as last typed, one per consultation, sealed like the documents.
CREATE TABLE closing_drafts (
  appointment_id BIGINT PRIMARY KEY REFERENCES appointments (id),
  author_account_id BIGINT NOT NULL REFERENCES accounts (id),
  body {{blob}} NOT NULL,
  updated_at BIGINT NOT NULL
);
