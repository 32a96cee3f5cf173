-- White-label partners (ADM3, docs/operator.md "Partners"): another organisation runs the
-- patient front under its own name and terms on the same platform (seed 000: "Urgence
-- Docteurs"; seed 003: insurers' teleconsultation services).
--
-- A request whose Host is one of partner_hosts is served under that partner's brand. What a
-- patient does there is tagged with the partner (accounts at sign-up, appointments, queue
-- entries) so that its statistics are its own. kind 'insurer' may issue activation codes.
-- The texts (legal notice, terms, privacy) are shown as they are, as plain text paragraphs.
CREATE TABLE partners (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('brand', 'insurer')),
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  logo {{blob}},                     -- re-encoded PNG or NULL
  color_primary TEXT NOT NULL DEFAULT '#1d4ed8',
  color_accent TEXT NOT NULL DEFAULT '#0f766e',
  contact_email TEXT NOT NULL DEFAULT '',
  contact_phone TEXT NOT NULL DEFAULT '',
  legal_notice TEXT NOT NULL DEFAULT '',
  terms TEXT NOT NULL DEFAULT '',
  privacy TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Lower-cased host names without port; one host belongs to one partner.
CREATE TABLE partner_hosts (
  host TEXT PRIMARY KEY,
  partner_id BIGINT NOT NULL REFERENCES partners (id)
);
CREATE INDEX partner_hosts_partner ON partner_hosts (partner_id);

-- For a patient: the partner whose front the account was created on. For an operator
-- account: the partner it administers (a partner administrator sees that partner only).
ALTER TABLE accounts ADD COLUMN partner_id BIGINT REFERENCES partners (id);
ALTER TABLE appointments ADD COLUMN partner_id BIGINT REFERENCES partners (id);
ALTER TABLE queue_entries ADD COLUMN partner_id BIGINT REFERENCES partners (id);
CREATE INDEX appointments_partner ON appointments (partner_id);
