#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.hpp"
#include "storage/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace cabinet::storage::sqlite {

// One SQLite connection with its prepared-statement cache. Blocking; used by one thread at a
// time (the engine lends it out through a pool and runs it on the blocking pool).
class Connection {
 public:
  struct Options {
    std::string path;
    bool read_only = false;
    int busy_timeout_ms = 5000;
  };

  static Result<std::unique_ptr<Connection>> open(const Options& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Result<QueryResult> query(std::string_view sql, const Params& params);
  Result<void> execute_script(std::string_view sql);

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql);
  Error error(int rc, std::string_view sql) const;

  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace cabinet::storage::sqlite
