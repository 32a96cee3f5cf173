-- "Contacter mon praticien" (issue 15, MSG1; docs/messaging.md): a patient writes to a
-- practitioner they consulted. Texts, attachment names and bodies are sealed with the data key
-- (src/crypto/keyring.hpp), each bound to its conversation and row (src/messaging/sealing.hpp).

-- The practitioner's choice, off until they turn it on. No row: off.
CREATE TABLE messaging_settings (
  practitioner_id BIGINT PRIMARY KEY REFERENCES accounts (id),
  enabled INTEGER NOT NULL,
  assistants_see_conversations INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE conversations (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  patient_account_id BIGINT NOT NULL REFERENCES accounts (id),
  profile_id BIGINT NOT NULL REFERENCES profiles (id),      -- whom it is about (a relative too)
  practitioner_id BIGINT NOT NULL REFERENCES accounts (id),
  reason TEXT NOT NULL
    CHECK (reason IN ('renewal', 'result', 'treatment', 'administrative', 'other')),
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  created_at BIGINT NOT NULL,
  last_message_at BIGINT NOT NULL,
  last_message_role TEXT NOT NULL CHECK (last_message_role IN ('patient', 'practitioner')),
  closed_by BIGINT REFERENCES accounts (id),
  closed_at BIGINT
);
CREATE INDEX conversations_patient ON conversations (patient_account_id, last_message_at);
CREATE INDEX conversations_practitioner ON conversations (practitioner_id, last_message_at);

-- `body` is the sealed text (an empty text for an attachment sent alone). `read_at`: when the
-- other side first opened the conversation after it arrived.
CREATE TABLE conversation_messages (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  conversation_id BIGINT NOT NULL REFERENCES conversations (id),
  sender_account_id BIGINT NOT NULL REFERENCES accounts (id),
  sender_role TEXT NOT NULL CHECK (sender_role IN ('patient', 'practitioner')),
  body {{blob}} NOT NULL,
  created_at BIGINT NOT NULL,
  read_at BIGINT
);
CREATE INDEX conversation_messages_conversation ON conversation_messages (conversation_id, id);

-- One file per message, checked by the upload gate (src/uploads) before it is sealed.
CREATE TABLE conversation_attachments (
  id {{pk}},
  public_id TEXT NOT NULL UNIQUE,
  message_id BIGINT NOT NULL REFERENCES conversation_messages (id),
  name {{blob}} NOT NULL,
  mime TEXT NOT NULL,
  size BIGINT NOT NULL,
  body {{blob}} NOT NULL
);
CREATE INDEX conversation_attachments_message ON conversation_attachments (message_id);
