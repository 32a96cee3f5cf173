#include "storage/sqlite/connection.hpp"

#include <sqlite3.h>

#include <charconv>

namespace cabinet::storage::sqlite {
namespace {

// Past this many distinct statements the cache stops growing; statements are then prepared
// for each call. Application SQL is a fixed set of constants, so this is a safety net.
constexpr std::size_t kMaxCachedStatements = 512;

Result<void> bind(sqlite3_stmt* stmt, const Params& params) {
  const int count = sqlite3_bind_parameter_count(stmt);
  for (int i = 1; i <= count; ++i) {
    const char* name = sqlite3_bind_parameter_name(stmt, i);
    // Placeholders are written $1..$n for both engines; SQLite sees "$1" as a named parameter.
    std::size_t index = 0;
    if (name == nullptr || name[0] != '$' ||
        std::from_chars(name + 1, name + std::char_traits<char>::length(name), index).ec !=
            std::errc{} ||
        index == 0 || index > params.size()) {
      return Error(ErrorCode::internal,
                   std::string("unbound SQL parameter ") + (name ? name : "?"));
    }
    const Value& v = params[index - 1];
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(v)) {
      rc = sqlite3_bind_null(stmt, i);
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, i, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, i, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, i, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      rc = sqlite3_bind_blob64(stmt, i, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) return Error(ErrorCode::internal, "bind failed");
  }
  return ok();
}

Value column_value(sqlite3_stmt* stmt, int i) {
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
      return static_cast<std::int64_t>(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, i);
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      return std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
    }
    case SQLITE_BLOB: {
      const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, i));
      const auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt, i));
      return Blob{p == nullptr ? std::string() : std::string(p, n)};
    }
    default:
      return nullptr;
  }
}

}  // namespace

Result<std::unique_ptr<Connection>> Connection::open(const Options& options) {
  sqlite3* db = nullptr;
  // NOMUTEX: a connection is only ever used by one thread at a time (the pool guarantees it).
  const int flags =
      (options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
      SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(options.path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Error(ErrorCode::unavailable, "cannot open " + options.path + ": " + message);
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, options.busy_timeout_ms);
  std::unique_ptr<Connection> conn(new Connection(db));
  // WAL lets readers run beside the single writer; synchronous=FULL makes every commit
  // durable across power loss ("nothing acknowledged is ever lost"). secure_delete zeroes what
  // a write frees, so that an erased value (an email's login code) leaves no bytes in the file;
  // the WAL's older copies of the page go at the next truncating checkpoint (notify/outbox).
  std::string pragmas = "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;";
  if (!options.read_only)
    pragmas = "PRAGMA journal_mode = WAL; PRAGMA secure_delete = ON; " + pragmas;
  if (auto r = conn->execute_script(pragmas); !r) return std::move(r).error();
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

Error Connection::error(int rc, std::string_view sql) const {
  const int ext = sqlite3_extended_errcode(db_);
  std::string detail = sqlite3_errmsg(db_);
  switch (ext) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error(ErrorCode::conflict, detail);
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Error(ErrorCode::invalid_request, detail);
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_CORRUPT:
    case SQLITE_READONLY:
      return Error(ErrorCode::unavailable, detail);
    default:
      return Error(ErrorCode::internal, detail + " in: " + std::string(sql));
  }
}

Result<sqlite3_stmt*> Connection::prepare(std::string_view sql) {
  if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, sql);
  if (statements_.size() < kMaxCachedStatements) statements_.emplace(std::string(sql), stmt);
  return stmt;
}

Result<QueryResult> Connection::query(std::string_view sql, const Params& params) {
  auto prepared = prepare(sql);
  if (!prepared) return std::move(prepared).error();
  sqlite3_stmt* stmt = *prepared;
  const bool cached = statements_.contains(std::string(sql));
  // Resets a cached statement for its next use, or frees a one-off, however we leave.
  struct Cleanup {
    sqlite3_stmt* stmt;
    bool cached;
    Cleanup(sqlite3_stmt* s, bool c) : stmt(s), cached(c) {}
    Cleanup(const Cleanup&) = delete;
    Cleanup& operator=(const Cleanup&) = delete;
    ~Cleanup() {
      if (cached) {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
      } else {
        sqlite3_finalize(stmt);
      }
    }
  } cleanup{stmt, cached};

  if (auto r = bind(stmt, params); !r) return std::move(r).error();
  QueryResult result;
  const int ncols = sqlite3_column_count(stmt);
  result.columns.reserve(static_cast<std::size_t>(ncols));
  for (int i = 0; i < ncols; ++i) result.columns.emplace_back(sqlite3_column_name(stmt, i));
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) return error(rc, sql);
    auto& row = result.rows.emplace_back();
    row.reserve(static_cast<std::size_t>(ncols));
    for (int i = 0; i < ncols; ++i) row.push_back(column_value(stmt, i));
  }
  result.affected = sqlite3_stmt_readonly(stmt) != 0 ? 0 : sqlite3_changes64(db_);
  return result;
}

Result<void> Connection::execute_script(std::string_view sql) {
  std::string copy(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    auto e = error(rc, "script");
    e.detail = detail;
    return e;
  }
  return ok();
}

}  // namespace cabinet::storage::sqlite
