-- Directory and agenda (issue 4): a practitioner's public profile, photo, motifs, weekly hours
-- and exceptions. Instants are Unix seconds; wall-clock times (opening hours) are minutes from
-- local midnight in the profile's IANA zone.
CREATE TABLE practitioner_profiles (
  account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  public_id TEXT NOT NULL UNIQUE,    -- in URLs; random, never the account's id
  address_line TEXT,
  commune_code TEXT,                 -- INSEE code, from the communes file
  postcode TEXT,
  lat DOUBLE PRECISION,
  lng DOUBLE PRECISION,
  timezone TEXT NOT NULL,
  department TEXT NOT NULL,          -- for public holidays (Alsace-Moselle, overseas)
  phone TEXT,
  languages TEXT NOT NULL,           -- ISO 639-1 codes, comma-separated
  sector TEXT NOT NULL CHECK (sector IN ('1', '2', '2_optam', 'nc')),
  carte_vitale INTEGER NOT NULL,
  tiers_payant INTEGER NOT NULL,
  payment_modes TEXT NOT NULL,       -- comma-separated: card, cheque, cash, transfer
  video INTEGER NOT NULL,
  in_person INTEGER NOT NULL,
  presentation TEXT,
  min_notice_minutes INTEGER NOT NULL CHECK (min_notice_minutes BETWEEN 0 AND 10080),
  horizon_days INTEGER NOT NULL CHECK (horizon_days BETWEEN 1 AND 365),
  closed_on_public_holidays INTEGER NOT NULL,
  published INTEGER NOT NULL,
  delay_minutes INTEGER NOT NULL DEFAULT 0,
  delay_announced_at BIGINT,
  photo_version INTEGER NOT NULL DEFAULT 0,
  updated_at BIGINT NOT NULL
);

-- Kept apart so that loading the directory never reads image bytes.
CREATE TABLE practitioner_photos (
  account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  jpeg {{blob}} NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE motifs (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  label TEXT NOT NULL,
  duration_min INTEGER NOT NULL CHECK (duration_min BETWEEN 5 AND 240),
  mode TEXT NOT NULL CHECK (mode IN ('video', 'in_person', 'both')),
  price_cents INTEGER NOT NULL CHECK (price_cents BETWEEN 0 AND 100000),
  position INTEGER NOT NULL,
  archived_at BIGINT,                -- appointments keep pointing at an archived motif
  created_at BIGINT NOT NULL
);
CREATE INDEX motifs_practitioner ON motifs (practitioner_id, position);

CREATE TABLE opening_hours (
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),   -- Monday = 1
  mode TEXT NOT NULL CHECK (mode IN ('video', 'in_person')),
  start_min INTEGER NOT NULL,
  end_min INTEGER NOT NULL,
  CHECK (start_min >= 0 AND start_min < end_min AND end_min <= 1440)
);
CREATE INDEX opening_hours_practitioner ON opening_hours (practitioner_id);

CREATE TABLE agenda_exceptions (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  kind TEXT NOT NULL CHECK (kind IN ('absence', 'block', 'extra')),
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  mode TEXT CHECK (mode IS NULL OR mode IN ('video', 'in_person')),
  note TEXT,
  created_by BIGINT NOT NULL REFERENCES accounts (id),
  created_at BIGINT NOT NULL,
  CHECK (start_at < end_at)
);
CREATE INDEX agenda_exceptions_range ON agenda_exceptions (practitioner_id, end_at);

-- Every change that a directory search can see appends a row here, in the same transaction;
-- each node's in-memory index polls it to pick up changes made on other nodes.
CREATE TABLE directory_changes (
  id {{pk}},
  practitioner_id BIGINT NOT NULL,
  changed_at BIGINT NOT NULL
);
