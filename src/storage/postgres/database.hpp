#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

namespace cabinet::storage::postgres {

struct Options {
  std::string url;  // postgresql://user@host:port/db?...
  std::size_t pool_size = 8;
  int connect_timeout_s = 3;
  int statement_timeout_ms = 30000;
};

// Opens the PostgreSQL engine. Connections are made lazily and remade after a failure, so the
// process starts while the server is down and recovers when it comes back (readiness says
// which). Statements run with libpq's asynchronous API on the I/O threads.
std::unique_ptr<Database> open(boost::asio::io_context& io, BlockingPool& blocking,
                               const Options& options);

}  // namespace cabinet::storage::postgres
