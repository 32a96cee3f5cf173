-- Appointments (issue 5). The no-double-booking rule (BKG3) lives in the database: an active
-- appointment — held while the patient pays, or confirmed — owns one row per 5-minute granule it
-- covers, under a primary key on (practitioner, granule). Two overlapping appointments of any
-- durations need a common granule, so the second insert fails on SQLite and PostgreSQL alike,
-- whichever node it comes from. Agendas run on that grid (docs/directory.md).
CREATE TABLE appointments (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  patient_account_id BIGINT NOT NULL REFERENCES accounts (id),
  profile_id BIGINT NOT NULL REFERENCES profiles (id),
  motif_id BIGINT NOT NULL REFERENCES motifs (id),
  mode TEXT NOT NULL CHECK (mode IN ('video', 'in_person')),
  start_at BIGINT NOT NULL,
  end_at BIGINT NOT NULL,
  status TEXT NOT NULL
    CHECK (status IN ('pending_payment', 'confirmed', 'cancelled', 'expired', 'no_show', 'done')),
  hold_expires_at BIGINT,            -- pending_payment only: the slot is released after it
  price_cents INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  CHECK (start_at < end_at)
);
CREATE INDEX appointments_practitioner ON appointments (practitioner_id, start_at);
CREATE INDEX appointments_patient ON appointments (patient_account_id, start_at);
CREATE INDEX appointments_holds ON appointments (status, hold_expires_at);

CREATE TABLE appointment_granules (
  practitioner_id BIGINT NOT NULL,
  granule BIGINT NOT NULL,           -- Unix seconds, a multiple of 300
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  PRIMARY KEY (practitioner_id, granule)
);
CREATE INDEX appointment_granules_appointment ON appointment_granules (appointment_id);
