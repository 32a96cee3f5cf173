-- Accounts, profiles (the holder and relatives), practitioners and assistants, single-use
-- links, login challenges, sessions, rate-limit counters, the notification outbox and the
-- audit log. Secrets are stored hashed (tokens, codes) or sealed with the data key (TOTP
-- secrets, administrative data): see src/crypto/keyring.hpp.

CREATE TABLE accounts (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  email TEXT UNIQUE,                 -- lower-cased; NULL once the account is erased (RGPD)
  email_confirmed_at BIGINT,
  phone TEXT,
  password_hash TEXT,
  role TEXT NOT NULL CHECK (role IN ('patient', 'practitioner', 'assistant', 'operator')),
  status TEXT NOT NULL CHECK (status IN ('active', 'pending', 'rejected', 'suspended', 'deleted')),
  locale TEXT NOT NULL DEFAULT 'fr' CHECK (locale IN ('fr', 'en')),
  totp_secret {{blob}},              -- sealed; enabled only once confirmed with a code
  totp_enabled INTEGER NOT NULL DEFAULT 0,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  last_failed_login_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  deleted_at BIGINT
);

CREATE TABLE profiles (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  is_holder INTEGER NOT NULL,
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  birth_date TEXT,                   -- YYYY-MM-DD; required for patients and relatives
  sex TEXT CHECK (sex IN ('female', 'male', 'other')),
  relationship TEXT NOT NULL
    CHECK (relationship IN ('self', 'child', 'parent', 'spouse', 'sibling', 'other')),
  administrative {{blob}},           -- sealed JSON: NIR, médecin traitant, coverage, complementary
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX profiles_account ON profiles (account_id);
CREATE UNIQUE INDEX profiles_one_holder ON profiles (account_id) WHERE is_holder = 1;

CREATE TABLE practitioners (
  account_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  rpps TEXT NOT NULL UNIQUE,
  specialty TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'verified', 'rejected')),
  decided_by BIGINT REFERENCES accounts (id),
  decided_at BIGINT,
  rejection_reason TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX practitioners_status ON practitioners (status, created_at);

CREATE TABLE assistants (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  email TEXT NOT NULL,
  account_id BIGINT REFERENCES accounts (id),  -- set when the invitation is accepted
  invited_at BIGINT NOT NULL,
  accepted_at BIGINT,
  removed_at BIGINT
);
CREATE UNIQUE INDEX assistants_current ON assistants (practitioner_id, email) WHERE removed_at IS NULL;

-- Single-use links sent by email; only the SHA-256 of the token is kept.
CREATE TABLE tokens (
  token_hash TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('confirm_email', 'reset_password', 'invitation')),
  account_id BIGINT REFERENCES accounts (id),
  assistant_id BIGINT REFERENCES assistants (id),
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE login_challenges (
  id TEXT PRIMARY KEY,               -- random, handed to the client
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  method TEXT NOT NULL CHECK (method IN ('email', 'totp')),
  code_hash TEXT,                    -- keyed hash of the emailed code; NULL for TOTP
  attempts INTEGER NOT NULL DEFAULT 0,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL,
  ip TEXT
);

CREATE TABLE sessions (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  token_hash TEXT NOT NULL UNIQUE,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  profile_id BIGINT REFERENCES profiles (id),
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,        -- absolute end (12 h after creation)
  idle_seconds BIGINT NOT NULL,      -- 30 min for patients and operators, 15 for practitioners
  ip TEXT,
  user_agent TEXT,
  revoked_at BIGINT
);
CREATE INDEX sessions_account ON sessions (account_id);

-- Fixed-window counters shared by every node.
CREATE TABLE rate_limits (
  bucket TEXT NOT NULL,
  window_start BIGINT NOT NULL,
  hits BIGINT NOT NULL,
  PRIMARY KEY (bucket, window_start)
);

-- Written in the same transaction as the change that causes the message; delivered by the
-- courier with a lease, retries and backoff. Bodies are erased once delivered (they may hold
-- single-use links).
CREATE TABLE outbox (
  id {{pk}},
  message_id TEXT NOT NULL UNIQUE,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
  recipient TEXT NOT NULL,
  subject TEXT,
  body_text TEXT NOT NULL,
  body_html TEXT,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  lease_until BIGINT,
  attempts INTEGER NOT NULL DEFAULT 0,
  delivered_at BIGINT,
  failed_at BIGINT,
  last_error TEXT
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;

-- Every access to health data, hash-chained: hash = SHA-256(previous hash, this entry).
-- Ids are consecutive (previous + 1) so that a removed entry is a visible gap.
CREATE TABLE audit_log (
  id BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  actor_account_id BIGINT,
  actor_role TEXT,
  profile_id BIGINT,
  action TEXT NOT NULL,
  object TEXT,
  ip TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_profile ON audit_log (profile_id, id);
