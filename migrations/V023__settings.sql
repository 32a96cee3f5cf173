-- Platform settings the operator changes without a restart (ADM1, docs/operator.md "Settings").
-- cabinet.toml keeps the bootstrap settings and the defaults; these rows hold only what the
-- operator changed, as text in cabinet.toml's syntax ("700", "10m", "5MiB"), checked by the
-- configuration loader's own rules before they are written.
CREATE TABLE settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_by BIGINT,  -- the operator's account (no foreign key: the history outlives accounts)
  updated_at BIGINT NOT NULL
);

-- Every change, in order: who, when, which key, the value before and after (NULL: the default
-- of cabinet.toml). version is the settings_version the change produced.
CREATE TABLE settings_history (
  id {{pk}},
  version BIGINT NOT NULL,
  name TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  account_id BIGINT,
  changed_at BIGINT NOT NULL
);
CREATE INDEX settings_history_version ON settings_history (version);

-- One row, bumped by each change: every node reads it every couple of seconds (one cheap query)
-- and reloads the settings when it moved.
CREATE TABLE settings_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO settings_version (id, version) VALUES (1, 0);
