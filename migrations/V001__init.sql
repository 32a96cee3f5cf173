-- Cabinet schema, version 1: the installation itself.
-- Shared SQL for SQLite and PostgreSQL. Instants are Unix seconds (BIGINT), money integer
-- cents; {{pk}} and {{blob}} expand per engine (src/storage/migrations.cpp).

CREATE TABLE instance (
  id TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL
);
