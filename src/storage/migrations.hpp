#pragma once

#include <span>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/embedded.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace cabinet::storage {

// A numbered schema change from migrations/: V001__init.sql applies to both engines;
// V001__init.sqlite.sql / V001__init.postgres.sql, when present, replace it for one engine.
struct Migration {
  int version = 0;
  std::string name;
  std::string sqlite_sql;
  std::string postgres_sql;
  [[nodiscard]] const std::string& sql(Engine engine) const {
    return engine == Engine::sqlite ? sqlite_sql : postgres_sql;
  }
};

// Parses the embedded files; fails on a malformed name, a gap or a duplicate version.
Result<std::vector<Migration>> load_migrations(std::span<const embedded::File> files);

// The placeholders migrations may use where the dialects differ: {{pk}}, {{blob}}, and
// "{{sqlite}} … {{end}}" / "{{postgres}} … {{end}}" around statements for one engine only.
std::string expand_dialect(std::string_view sql, Engine engine);

// FNV-1a 64 of the SQL as applied: recorded per version so that an edited, already applied
// migration is detected instead of silently diverging between installations.
std::string checksum(std::string_view sql);

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<int> applied;
};

// Applies every pending migration in one transaction and records it in schema_version.
// Concurrent starters (several nodes) serialise: PostgreSQL through an advisory lock,
// SQLite through its write lock.
Task<Result<MigrationReport>> migrate(Database& db, const std::vector<Migration>& migrations,
                                      const Clock& clock);

}  // namespace cabinet::storage
