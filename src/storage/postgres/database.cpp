#include "storage/postgres/database.hpp"

#include <boost/asio/io_context.hpp>

#include "storage/pool.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/text_check.hpp"
#include "storage/transaction_runner.hpp"

namespace cabinet::storage::postgres {
namespace {

// A pool place; its connection is (re)made on demand.
struct Slot {
  std::unique_ptr<Connection> conn;
};

class PgTransaction final : public Transaction {
 public:
  explicit PgTransaction(Connection& conn) : conn_(conn) {}
  using Executor::query;
  Task<Result<QueryResult>> query(std::string_view sql, Params params) override {
    if (auto r = check_params(params); !r) co_return std::move(r).error();
    co_return co_await conn_.query(sql, params);
  }
  Task<Result<void>> execute_script(std::string_view sql) override {
    co_return co_await conn_.execute_script(sql);
  }

 private:
  Connection& conn_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(boost::asio::io_context& io, BlockingPool& blocking, Options options)
      : io_(io),
        blocking_(blocking),
        options_(std::move(options)),
        slots_(make_slots(options_.pool_size)),
        pool_(io.get_executor(), raw_pointers(slots_)) {}

  [[nodiscard]] Engine engine() const override { return Engine::postgres; }

  using Executor::query;
  Task<Result<QueryResult>> query(std::string_view sql, Params params) override {
    if (auto r = check_params(params); !r) co_return std::move(r).error();
    Lease<Slot> slot(&pool_, co_await pool_.acquire());
    if (auto r = co_await ready(slot); !r) co_return std::move(r).error();
    auto result = co_await slot->conn->query(sql, params);
    forget_if_broken(*slot, result);
    co_return result;
  }

  Task<Result<void>> transact(TransactionBody body) override {
    Lease<Slot> slot(&pool_, co_await pool_.acquire());
    if (auto r = co_await ready(slot); !r) co_return r;
    Connection& conn = *slot->conn;
    PgTransaction tx(conn);
    auto result = co_await run_in_transaction(
        [&conn](std::string_view sql) { return conn.execute_script(sql); }, "BEGIN", tx, body);
    forget_if_broken(*slot, result);
    co_return result;
  }

  // Readiness means "the database answers now": a pooled connection left over from before a
  // database restart fails on first use, so it is dropped and the check tried again on another.
  Task<Result<void>> ping() override {
    for (std::size_t attempt = 0;; ++attempt) {
      Lease<Slot> slot(&pool_, co_await pool_.acquire());
      const bool reused = slot && slot->conn;
      if (auto r = co_await ready(slot); !r) co_return r;
      Params none;
      auto result = co_await slot->conn->query("SELECT 1", none);
      forget_if_broken(*slot, result);
      if (result) co_return ok();
      if (!reused || attempt >= slots_.size()) co_return std::move(result).error();
    }
  }

  [[nodiscard]] PoolStats pool_stats() const override { return pool_.stats(); }

  void close() override { pool_.close(); }

 private:
  static std::vector<std::unique_ptr<Slot>> make_slots(std::size_t n) {
    std::vector<std::unique_ptr<Slot>> v;
    v.reserve(std::max<std::size_t>(n, 1));
    for (std::size_t i = 0; i < std::max<std::size_t>(n, 1); ++i)
      v.push_back(std::make_unique<Slot>());
    return v;
  }

  // Makes sure the slot holds a live connection, connecting on the blocking pool if needed.
  Task<Result<void>> ready(Lease<Slot>& slot) {
    if (!slot) co_return Error(ErrorCode::unavailable, "database closed");
    if (slot->conn && slot->conn->healthy()) co_return ok();
    slot->conn.reset();
    auto executor = io_.get_executor();
    auto conn = co_await blocking_.call([&] {
      return Connection::connect(
          executor, {options_.url, options_.connect_timeout_s, options_.statement_timeout_ms});
    });
    if (!conn) co_return std::move(conn).error();
    slot->conn = std::move(*conn);
    co_return ok();
  }

  // After a connection-level failure the connection is dropped; the next borrower reconnects.
  template <class R>
  static void forget_if_broken(Slot& slot, const R& result) {
    if (!result && result.error().code == ErrorCode::unavailable) slot.conn.reset();
  }

  boost::asio::io_context& io_;
  BlockingPool& blocking_;
  Options options_;
  std::vector<std::unique_ptr<Slot>> slots_;
  AsyncPool<Slot> pool_;
};

}  // namespace

std::unique_ptr<Database> open(boost::asio::io_context& io, BlockingPool& blocking,
                               const Options& options) {
  return std::make_unique<PostgresDatabase>(io, blocking, options);
}

}  // namespace cabinet::storage::postgres
