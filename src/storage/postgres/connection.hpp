#pragma once

#include <boost/asio/posix/stream_descriptor.hpp>
#include <memory>
#include <string>
#include <unordered_map>

#include "core/async.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

struct pg_conn;
struct pg_result;

namespace cabinet::storage::postgres {

struct ConnectOptions {
  std::string url;
  int connect_timeout_s = 3;
  int statement_timeout_ms = 30000;
};

// One libpq connection driven asynchronously: statements are sent with PQsend*, and the
// coroutine waits on the socket through Asio instead of blocking a thread.
class Connection {
 public:
  // Blocking (run it on the blocking pool): connects and switches to non-blocking mode.
  static Result<std::unique_ptr<Connection>> connect(const boost::asio::any_io_executor& executor,
                                                     const ConnectOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Task<Result<QueryResult>> query(std::string_view sql, const Params& params);
  Task<Result<void>> execute_script(std::string_view sql);

  // False once the server closed the connection or a protocol error broke it; checks the
  // socket without blocking so that a connection killed while idle is not lent out.
  [[nodiscard]] bool healthy();

 private:
  Connection(pg_conn* conn, boost::asio::posix::stream_descriptor socket)
      : conn_(conn), socket_(std::move(socket)) {}
  Task<Result<void>> flush();
  // Collects every result of the statement in flight; returns the last one.
  Task<Result<std::shared_ptr<pg_result>>> collect(std::string_view sql);
  Error connection_error(std::string_view what);

  pg_conn* conn_;
  boost::asio::posix::stream_descriptor socket_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL + param types -> name
};

}  // namespace cabinet::storage::postgres
