-- An authenticator code is good once (ASVS V2.8.4): the last accepted 30-second step is kept,
-- and only a later step is accepted after it.
ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT;
