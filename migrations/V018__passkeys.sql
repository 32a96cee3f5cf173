-- Passkeys (ACC9, docs/security.md "Passkeys"): WebAuthn credentials an account signs in with,
-- and the single-use challenges of their ceremonies.
--
-- credential_id is the authenticator's id in base64url (at most 1023 bytes raw), unique across
-- the installation: a sign-in finds the account from it. public_key is the COSE key exactly as
-- the authenticator sent it; sign_count is the last signature counter seen (0: the
-- authenticator keeps none). transports is what the browser reported, comma-separated.
CREATE TABLE passkeys (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  account_id BIGINT NOT NULL REFERENCES accounts (id),
  credential_id TEXT NOT NULL UNIQUE,
  public_key {{blob}} NOT NULL,
  alg INTEGER NOT NULL,
  sign_count BIGINT NOT NULL DEFAULT 0,
  aaguid TEXT NOT NULL,
  name TEXT NOT NULL,
  transports TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  last_used_at BIGINT
);
CREATE INDEX passkeys_account ON passkeys (account_id);

-- 32 random bytes (base64url) per ceremony, valid 5 minutes, used once: bound to the account
-- for a registration; for a sign-in, to the browser that asked (it holds the id).
CREATE TABLE webauthn_challenges (
  id TEXT PRIMARY KEY,
  purpose TEXT NOT NULL CHECK (purpose IN ('register', 'login')),
  account_id BIGINT REFERENCES accounts (id),
  challenge TEXT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT,
  created_at BIGINT NOT NULL,
  ip TEXT
);
CREATE INDEX webauthn_challenges_expiry ON webauthn_challenges (expires_at);
