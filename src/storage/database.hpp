#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "storage/value.hpp"

namespace cabinet::storage {

// One row of a result, with typed accessors. Accessors on a NULL or mismatched cell throw
// std::logic_error: a schema/code mismatch is a bug, not an expected failure.
class Row {
 public:
  Row(const std::vector<std::string>* columns, const std::vector<Value>* cells)
      : columns_(columns), cells_(cells) {}

  [[nodiscard]] std::size_t size() const { return cells_->size(); }
  [[nodiscard]] const Value& at(std::size_t i) const;
  [[nodiscard]] const Value& at(std::string_view column) const;
  [[nodiscard]] bool is_null(std::size_t i) const;
  [[nodiscard]] std::int64_t integer(std::size_t i) const;
  [[nodiscard]] double real(std::size_t i) const;
  [[nodiscard]] const std::string& text(std::size_t i) const;
  [[nodiscard]] const std::string& bytes(std::size_t i) const;
  [[nodiscard]] std::optional<std::int64_t> opt_integer(std::size_t i) const;
  [[nodiscard]] std::optional<std::string> opt_text(std::size_t i) const;

 private:
  const std::vector<std::string>* columns_;
  const std::vector<Value>* cells_;
};

struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<Value>> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE

  [[nodiscard]] bool empty() const { return rows.empty(); }
  [[nodiscard]] std::size_t size() const { return rows.size(); }
  [[nodiscard]] Row row(std::size_t i) const { return {&columns, &rows.at(i)}; }
};

enum class Engine { sqlite, postgres };

struct PoolStats {
  std::size_t size = 0;     // connections the pool may hold
  std::size_t in_use = 0;   // currently lent out
  std::size_t waiting = 0;  // callers waiting for a connection
};

// Something that runs one statement at a time: the database itself (each statement in its own
// implicit transaction) or an open transaction. SQL uses $1..$n placeholders on both engines.
class Executor {
 public:
  virtual ~Executor() = default;
  // Errors: conflict (unique/foreign-key violation, `detail` names the constraint),
  // unavailable (the database cannot be reached or is busy), internal (a bad statement).
  virtual Task<Result<QueryResult>> query(std::string_view sql, Params params) = 0;
  Task<Result<QueryResult>> query(std::string_view sql) { return query(sql, Params{}); }
};

class Transaction : public Executor {
 public:
  // Runs several statements without parameters (migrations only).
  virtual Task<Result<void>> execute_script(std::string_view sql) = 0;
};

using TransactionBody = std::function<Task<Result<void>>(Transaction&)>;

class Database : public Executor {
 public:
  [[nodiscard]] virtual Engine engine() const = 0;
  // Runs `body` in one transaction: committed when it returns ok, rolled back when it returns
  // an error or throws. Nothing half-written survives a failure.
  virtual Task<Result<void>> transact(TransactionBody body) = 0;
  // Answers ok only when the database executes a statement right now (readiness).
  virtual Task<Result<void>> ping() = 0;
  [[nodiscard]] virtual PoolStats pool_stats() const = 0;
  // Refuses new work and closes idle connections; used at shutdown.
  virtual void close() = 0;
};

std::string_view to_string(Engine engine);

}  // namespace cabinet::storage
