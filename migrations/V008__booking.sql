-- The booking lifecycle (issue 5, docs/booking.md): who cancelled, when the consultation began,
-- the card kept for a hold placed later, the ledger of every authorization, idempotent
-- requests, and the durable jobs (reminders, deferred hold, no-show).
ALTER TABLE appointments ADD COLUMN cancelled_by TEXT;       -- patient, practitioner, system
ALTER TABLE appointments ADD COLUMN started_at BIGINT;       -- the consultation began
ALTER TABLE appointments ADD COLUMN booked_by BIGINT;        -- practitioner or assistant, when they booked
ALTER TABLE appointments ADD COLUMN payment_state TEXT NOT NULL DEFAULT 'none';
  -- none, card_saved, card_required, held, captured, voided
ALTER TABLE appointments ADD COLUMN saved_method TEXT;       -- the provider's saved card, for a deferred hold
ALTER TABLE appointments ADD COLUMN card_brand TEXT;
ALTER TABLE appointments ADD COLUMN card_last4 TEXT;
ALTER TABLE appointments ADD COLUMN captured_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE appointments ADD COLUMN cancel_nonce TEXT;       -- part of the signed cancel link

-- Every authorization asked of the provider, written before the call: a crash between the
-- provider's answer and our commit leaves an 'authorizing' row that reconciliation voids,
-- finding the hold again through the same idempotency key.
CREATE TABLE payment_holds (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  provider TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  method TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('authorizing', 'held', 'failed', 'captured', 'voided')),
  hold_id TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX payment_holds_appointment ON payment_holds (appointment_id);
CREATE INDEX payment_holds_state ON payment_holds (state, updated_at);

-- A retried POST returns the first answer (BKG3). The row is claimed first in the booking's
-- transaction, so two concurrent requests with one key wait for each other.
CREATE TABLE idempotency_keys (
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (account_id, idempotency_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Reminders, the deferred hold and the no-show check: one row per (appointment, kind), so a
-- job runs once whatever the number of nodes; written with the confirmation, so it survives a
-- restart.
CREATE TABLE booking_jobs (
  id {{pk}},
  appointment_id BIGINT NOT NULL REFERENCES appointments (id),
  kind TEXT NOT NULL,
  due_at BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'skipped')),
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until BIGINT,
  last_error TEXT,
  updated_at BIGINT NOT NULL,
  UNIQUE (appointment_id, kind)
);
CREATE INDEX booking_jobs_due ON booking_jobs (state, due_at);

-- Cards the sandbox provider keeps for a later hold (only brand and last four digits).
CREATE TABLE sandbox_methods (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  token TEXT NOT NULL,
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
