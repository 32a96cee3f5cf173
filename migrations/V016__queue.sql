-- Immediate teleconsultation (issue 16, docs/queue.md): queues per specialty, the
-- practitioners on duty, and what an appointment taken from a queue carries.
--
-- A practitioner's motif for the queue: archived from the start (never offered for booking),
-- priced at the queue's consultation price; the appointments taken from a queue point at it.
ALTER TABLE motifs ADD COLUMN immediate INTEGER NOT NULL DEFAULT 0;
-- 'queue' for an appointment taken from a queue; its service fee is captured with the
-- consultation at the close (PAY3), 0 when waived.
ALTER TABLE appointments ADD COLUMN origin TEXT NOT NULL DEFAULT 'booking';
ALTER TABLE appointments ADD COLUMN fee_cents INTEGER NOT NULL DEFAULT 0;

CREATE TABLE queue_duty (
  practitioner_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  specialty TEXT NOT NULL,
  since BIGINT NOT NULL
);
CREATE INDEX queue_duty_specialty ON queue_duty (specialty);

-- One patient's place in a queue. The reason is sealed like the rest of the record; the
-- commune and the patient's age are what the practitioners see before taking (with the
-- reason). The card hold is placed at joining and passed to the appointment when taken
-- (payment_holds), or voided when the entry ends otherwise.
CREATE TABLE queue_entries (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  specialty TEXT NOT NULL,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  profile_id BIGINT NOT NULL REFERENCES profiles (id),
  reason {{blob}} NOT NULL,
  commune_code TEXT NOT NULL,
  department TEXT NOT NULL,
  lat DOUBLE PRECISION NOT NULL,
  lng DOUBLE PRECISION NOT NULL,
  age_years INTEGER NOT NULL,
  price_cents INTEGER NOT NULL,
  fee_cents INTEGER NOT NULL,       -- 0 when waived (CSS, ALD)
  state TEXT NOT NULL
    CHECK (state IN ('joining', 'waiting', 'called', 'taken', 'left', 'removed')),
  skips INTEGER NOT NULL DEFAULT 0,
  hold_key TEXT NOT NULL UNIQUE,    -- the authorization's idempotency key
  hold_id TEXT,
  hold_state TEXT NOT NULL DEFAULT 'authorizing'
    CHECK (hold_state IN ('authorizing', 'held', 'failed', 'transferred', 'voided')),
  card_brand TEXT,
  card_last4 TEXT,
  practitioner_id BIGINT REFERENCES accounts (id),
  appointment_id BIGINT REFERENCES appointments (id),
  joined_at BIGINT NOT NULL,        -- the place in the queue (kept when skipped once)
  called_at BIGINT,
  seen_at BIGINT NOT NULL,          -- the patient's page last watched it (queue.grace)
  ended_at BIGINT,
  end_reason TEXT,                  -- left, no_answer, gone, closed, declined
  updated_at BIGINT NOT NULL
);
-- One live place per profile (409 already_queued).
CREATE UNIQUE INDEX queue_entries_live ON queue_entries (profile_id)
  WHERE state IN ('joining', 'waiting', 'called');
CREATE INDEX queue_entries_order ON queue_entries (specialty, state, joined_at);
CREATE INDEX queue_entries_account ON queue_entries (account_id, state);
