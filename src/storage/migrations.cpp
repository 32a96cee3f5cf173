#include "storage/migrations.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <map>

namespace cabinet::storage {
namespace {

constexpr std::string_view kCreateVersionTable =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version BIGINT PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " checksum TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";
constexpr std::string_view kSelectApplied =
    "SELECT version, checksum FROM schema_version ORDER BY version";
constexpr std::string_view kInsertApplied =
    "INSERT INTO schema_version (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)";
// Any constant works; it only has to be the same on every node.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_xact_lock(7311620526)";

struct ParsedName {
  int version = 0;
  std::string name;
  std::string engine;  // "", "sqlite" or "postgres"
};

std::optional<ParsedName> parse_name(std::string_view file) {
  if (!file.ends_with(".sql") || !file.starts_with("V")) return std::nullopt;
  file.remove_suffix(4);
  ParsedName out;
  for (std::string_view engine : {"sqlite", "postgres"}) {
    const std::string suffix = "." + std::string(engine);
    if (file.ends_with(suffix)) {
      out.engine = engine;
      file.remove_suffix(suffix.size());
    }
  }
  const auto sep = file.find("__");
  if (sep == std::string_view::npos || sep < 2) return std::nullopt;
  auto digits = file.substr(1, sep - 1);
  if (std::from_chars(digits.data(), digits.data() + digits.size(), out.version).ptr !=
          digits.data() + digits.size() ||
      out.version <= 0) {
    return std::nullopt;
  }
  out.name = file.substr(sep + 2);
  if (out.name.empty()) return std::nullopt;
  for (char c : out.name) {
    if (std::islower(static_cast<unsigned char>(c)) == 0 &&
        std::isdigit(static_cast<unsigned char>(c)) == 0 && c != '_') {
      return std::nullopt;
    }
  }
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
  for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size())) {
    s.replace(pos, from.size(), to);
  }
}

// Keeps the "{{sqlite}} … {{end}}" or "{{postgres}} … {{end}}" blocks of `engine` (their
// text only) and drops the other engine's: for the rare change no placeholder can bridge, in
// a migration that stays one file.
void keep_engine_blocks(std::string& s, std::string_view engine) {
  static constexpr std::string_view kEnd = "{{end}}";
  for (;;) {
    const auto lite = s.find("{{sqlite}}");
    const auto pg = s.find("{{postgres}}");
    const auto start = std::min(lite, pg);
    if (start == std::string::npos) return;
    const std::string_view tag = start == lite ? "{{sqlite}}" : "{{postgres}}";
    const auto end = s.find(kEnd, start);
    if (end == std::string::npos) return;  // unbalanced: left as is, the SQL then fails
    const bool mine = tag.substr(2, tag.size() - 4) == engine;
    const auto inner = s.substr(start + tag.size(), end - start - tag.size());
    s.replace(start, end + kEnd.size() - start, mine ? inner : std::string());
  }
}

}  // namespace

Result<std::vector<Migration>> load_migrations(std::span<const embedded::File> files) {
  std::map<int, Migration> by_version;
  std::map<int, std::string> shared;
  for (const auto& f : files) {
    auto base = f.name.substr(f.name.find_last_of('/') + 1);
    auto parsed = parse_name(base);
    if (!parsed) {
      return Error(ErrorCode::internal, "malformed migration file name: " + std::string(f.name));
    }
    auto& m = by_version[parsed->version];
    if (!m.name.empty() && m.name != parsed->name) {
      return Error(ErrorCode::internal,
                   "two migrations share version " + std::to_string(parsed->version));
    }
    m.version = parsed->version;
    m.name = parsed->name;
    if (parsed->engine.empty()) {
      shared[parsed->version] = std::string(f.data);
    } else if (parsed->engine == "sqlite") {
      m.sqlite_sql = std::string(f.data);
    } else {
      m.postgres_sql = std::string(f.data);
    }
  }
  std::vector<Migration> out;
  int expected = 1;
  for (auto& [version, m] : by_version) {
    if (version != expected) {
      return Error(ErrorCode::internal, "migration V" + std::to_string(expected) + " is missing");
    }
    ++expected;
    const auto it = shared.find(version);
    if (m.sqlite_sql.empty() && it != shared.end())
      m.sqlite_sql = expand_dialect(it->second, Engine::sqlite);
    if (m.postgres_sql.empty() && it != shared.end())
      m.postgres_sql = expand_dialect(it->second, Engine::postgres);
    if (m.sqlite_sql.empty() || m.postgres_sql.empty()) {
      return Error(ErrorCode::internal,
                   "migration V" + std::to_string(version) + " lacks an engine's SQL");
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::string expand_dialect(std::string_view sql, Engine engine) {
  std::string out(sql);
  const bool lite = engine == Engine::sqlite;
  keep_engine_blocks(out, lite ? "sqlite" : "postgres");
  // SQLite only auto-numbers a column spelled exactly "INTEGER PRIMARY KEY".
  replace_all(out, "{{pk}}",
              lite ? "INTEGER PRIMARY KEY" : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  replace_all(out, "{{blob}}", lite ? "BLOB" : "BYTEA");
  return out;
}

std::string checksum(std::string_view sql) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : sql) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

Task<Result<MigrationReport>> migrate(Database& db, const std::vector<Migration>& migrations,
                                      const Clock& clock) {
  MigrationReport report;
  const Engine engine = db.engine();
  auto body = [&](Transaction& tx) -> Task<Result<void>> {
    if (engine == Engine::postgres) {
      if (auto r = co_await tx.query(kLockMigrations); !r) co_return std::move(r).error();
    }
    if (auto r = co_await tx.query(kCreateVersionTable); !r) co_return std::move(r).error();
    auto applied = co_await tx.query(kSelectApplied);
    if (!applied) co_return std::move(applied).error();
    std::map<int, std::string> done;
    for (std::size_t i = 0; i < applied->size(); ++i) {
      auto row = applied->row(i);
      done[static_cast<int>(row.integer(0))] = row.text(1);
    }
    report.from_version = done.empty() ? 0 : done.rbegin()->first;
    for (const auto& [version, sum] : done) {
      if (version > static_cast<int>(migrations.size())) {
        co_return Error(ErrorCode::internal,
                        "the database is at schema version " + std::to_string(version) +
                            ", newer than this binary knows (" + std::to_string(migrations.size()) +
                            "); upgrade Cabinet");
      }
      const auto& m = migrations[static_cast<std::size_t>(version - 1)];
      if (checksum(m.sql(engine)) != sum) {
        co_return Error(ErrorCode::internal, "migration V" + std::to_string(version) + "__" +
                                                 m.name + " was changed after being applied");
      }
    }
    for (const auto& m : migrations) {
      if (done.contains(m.version)) continue;
      if (auto r = co_await tx.execute_script(m.sql(engine)); !r) {
        auto e = std::move(r).error();
        e.detail = "V" + std::to_string(m.version) + "__" + m.name + ": " + e.detail;
        co_return e;
      }
      Params params{std::int64_t{m.version}, m.name, checksum(m.sql(engine)), clock.unix_seconds()};
      if (auto r = co_await tx.query(kInsertApplied, std::move(params)); !r) {
        co_return std::move(r).error();
      }
      report.applied.push_back(m.version);
    }
    co_return ok();
  };
  if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
  report.to_version = migrations.empty() ? 0 : migrations.back().version;
  co_return report;
}

}  // namespace cabinet::storage
