-- The built-in sandbox payment provider (PAY6): card holds that behave like a real processor's
-- manual-capture payment intents — authorized for at most 7 days, captured once for at most the
-- authorized amount, or voided — kept in the database so that every node sees the same holds.
-- Only the card's brand and last four digits are stored.
CREATE TABLE sandbox_holds (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  idempotency_key TEXT NOT NULL UNIQUE,
  amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
  captured_cents INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('authorized', 'captured', 'voided')),
  brand TEXT NOT NULL,
  last4 TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
