#include "storage/sqlite/database.hpp"

#include <boost/asio/io_context.hpp>
#include <cctype>
#include <filesystem>

#include "storage/pool.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/text_check.hpp"
#include "storage/transaction_runner.hpp"

namespace cabinet::storage::sqlite {
namespace {

// Statements that cannot write may run on a reader connection. "WITH" may precede a write in
// SQLite, so only SELECT and VALUES qualify; a misrouted write would fail loudly anyway, since
// readers are opened read-only.
bool is_read_only(std::string_view sql) {
  std::size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i])) != 0) ++i;
  auto starts = [&](std::string_view word) {
    if (sql.size() - i < word.size()) return false;
    for (std::size_t k = 0; k < word.size(); ++k) {
      if (std::toupper(static_cast<unsigned char>(sql[i + k])) != word[k]) return false;
    }
    return true;
  };
  return starts("SELECT") || starts("VALUES");
}

class SqliteTransaction final : public Transaction {
 public:
  SqliteTransaction(Connection& conn, BlockingPool& blocking) : conn_(conn), blocking_(blocking) {}
  using Executor::query;
  Task<Result<QueryResult>> query(std::string_view sql, Params params) override {
    if (auto r = check_params(params); !r) co_return std::move(r).error();
    co_return co_await blocking_.call([&] { return conn_.query(sql, params); });
  }
  Task<Result<void>> execute_script(std::string_view sql) override {
    co_return co_await blocking_.call([&] { return conn_.execute_script(sql); });
  }

 private:
  Connection& conn_;
  BlockingPool& blocking_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(boost::asio::io_context& io, BlockingPool& blocking,
                 std::unique_ptr<Connection> writer,
                 std::vector<std::unique_ptr<Connection>> readers)
      : blocking_(blocking),
        writer_(std::move(writer)),
        readers_(std::move(readers)),
        writer_pool_(io.get_executor(), {writer_.get()}),
        reader_pool_(io.get_executor(), raw_pointers(readers_)) {}

  [[nodiscard]] Engine engine() const override { return Engine::sqlite; }

  using Executor::query;
  Task<Result<QueryResult>> query(std::string_view sql, Params params) override {
    if (auto r = check_params(params); !r) co_return std::move(r).error();
    auto& pool = is_read_only(sql) ? reader_pool_ : writer_pool_;
    Lease<Connection> conn(&pool, co_await pool.acquire());
    if (!conn) co_return Error(ErrorCode::unavailable, "database closed");
    co_return co_await blocking_.call([&] { return conn->query(sql, params); });
  }

  Task<Result<void>> transact(TransactionBody body) override {
    Lease<Connection> conn(&writer_pool_, co_await writer_pool_.acquire());
    if (!conn) co_return Error(ErrorCode::unavailable, "database closed");
    // IMMEDIATE takes the write lock up front: a deferred transaction that later upgrades
    // could fail with SQLITE_BUSY against another process (e.g. `cabinet migrate`).
    SqliteTransaction tx(*conn, blocking_);
    Connection& c = *conn;
    co_return co_await run_in_transaction([this, &c](std::string_view sql) { return run(c, sql); },
                                          "BEGIN IMMEDIATE", tx, body);
  }

  Task<Result<void>> ping() override {
    auto r = co_await query("SELECT 1");
    if (!r) co_return std::move(r).error();
    co_return ok();
  }

  [[nodiscard]] PoolStats pool_stats() const override {
    auto w = writer_pool_.stats();
    auto r = reader_pool_.stats();
    return {w.size + r.size, w.in_use + r.in_use, w.waiting + r.waiting};
  }

  void close() override {
    writer_pool_.close();
    reader_pool_.close();
  }

 private:
  Task<Result<void>> run(Connection& conn, std::string_view sql) {
    co_return co_await blocking_.call([&] { return conn.execute_script(sql); });
  }

  BlockingPool& blocking_;
  std::unique_ptr<Connection> writer_;
  std::vector<std::unique_ptr<Connection>> readers_;
  AsyncPool<Connection> writer_pool_;
  AsyncPool<Connection> reader_pool_;
};

}  // namespace

Result<std::unique_ptr<Database>> open(boost::asio::io_context& io, BlockingPool& blocking,
                                       const Options& options) {
  std::error_code ec;
  const auto parent = std::filesystem::path(options.path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  if (ec)
    return Error(ErrorCode::unavailable, "cannot create " + parent.string() + ": " + ec.message());

  // The writer first: it creates the file and switches it to WAL before readers attach.
  auto writer = Connection::open({options.path, false, options.busy_timeout_ms});
  if (!writer) return std::move(writer).error();
  // Health data: only the service's user reads the files, whatever umask created them (an older
  // version left them 0644). The WAL and shared-memory files exist once the writer is open.
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::permissions(
        options.path + suffix,
        std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  }
  std::vector<std::unique_ptr<Connection>> readers;
  for (std::size_t i = 0; i < std::max<std::size_t>(options.readers, 1); ++i) {
    auto reader = Connection::open({options.path, true, options.busy_timeout_ms});
    if (!reader) return std::move(reader).error();
    readers.push_back(std::move(*reader));
  }
  return std::unique_ptr<Database>(
      new SqliteDatabase(io, blocking, std::move(*writer), std::move(readers)));
}

}  // namespace cabinet::storage::sqlite
