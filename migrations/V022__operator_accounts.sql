-- The operator's account tools (issue 19 item 1, docs/operator.md "Accounts") and the
-- practitioner's teleconsultation share (item 6, "Teleconsultation share").

-- A suspension: why, when, and the status to give back on reactivation (an account may be
-- suspended while still 'pending'). The history of suspensions is in the audit log.
ALTER TABLE accounts ADD COLUMN suspended_at BIGINT;
ALTER TABLE accounts ADD COLUMN suspension_reason TEXT;
ALTER TABLE accounts ADD COLUMN status_before_suspension TEXT;

-- The operator's last import of the public RPPS extract ("Annuaire Santé",
-- PS_LibreAcces_Personne_activite), replaced whole on each import: one row per RPPS number,
-- the activities' specialties joined. Public directory data about practitioners, no patient.
CREATE TABLE rpps_extract (
  rpps TEXT PRIMARY KEY,
  last_name TEXT NOT NULL,
  first_name TEXT NOT NULL,
  profession_code TEXT NOT NULL,
  profession TEXT NOT NULL,
  specialties TEXT NOT NULL,           -- "Libellé savoir-faire" of each activity, "; "-joined
  imported_at BIGINT NOT NULL
);

-- The in-person consultations a practitioner declares for a year, against which the
-- teleconsultations held on Cabinet are counted (convention médicale, art. 87.7).
CREATE TABLE teleconsultation_declarations (
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  year INTEGER NOT NULL,
  in_person BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (practitioner_id, year)
);
