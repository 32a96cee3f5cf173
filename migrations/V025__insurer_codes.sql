-- Insurers' activation codes and quotas (issue 19 item 5, docs/operator.md "Insurers'
-- activation codes"). A partner of kind 'insurer' covers N teleconsultations a calendar year,
-- per profile or per family, and a share of what the patient would pay (100: nothing to pay).
ALTER TABLE partners ADD COLUMN quota_per_year INTEGER NOT NULL DEFAULT 0;
ALTER TABLE partners ADD COLUMN quota_scope TEXT NOT NULL DEFAULT 'profile';
ALTER TABLE partners ADD COLUMN covered_percent INTEGER NOT NULL DEFAULT 100;

-- A code is kept only as the SHA-256 of its normalised form (upper case, no dashes): it is
-- shown once, to whoever issued it. A redeemed code is the member's entitlement: for a profile,
-- or for every profile of the account (scope 'family', fixed when it is redeemed).
CREATE TABLE insurer_codes (
  id {{pk}},
  partner_id BIGINT NOT NULL REFERENCES partners (id),
  code_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  created_by BIGINT REFERENCES accounts (id),
  redeemed_at BIGINT,
  account_id BIGINT REFERENCES accounts (id),
  profile_id BIGINT REFERENCES profiles (id),
  scope TEXT
);
CREATE INDEX insurer_codes_account ON insurer_codes (account_id);
CREATE INDEX insurer_codes_partner ON insurer_codes (partner_id);

-- The insurer that pays part of an appointment and how much: the card hold is on the rest.
-- The quota used is the count of such appointments not cancelled nor expired.
ALTER TABLE appointments ADD COLUMN insurer_partner_id BIGINT REFERENCES partners (id);
ALTER TABLE appointments ADD COLUMN insurer_cents INTEGER NOT NULL DEFAULT 0;
CREATE INDEX appointments_insurer ON appointments (insurer_partner_id);
