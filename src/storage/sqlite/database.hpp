#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

namespace cabinet::storage::sqlite {

struct Options {
  std::string path;
  std::size_t readers = 4;  // read-only connections; writes go through one writer connection
  int busy_timeout_ms = 5000;
};

// Opens the SQLite engine: WAL, foreign keys, busy timeout; every call runs on the blocking
// pool. Writes are serialised through one connection that callers wait for asynchronously,
// so writers queue without holding threads and never meet SQLITE_BUSY inside one process.
Result<std::unique_ptr<Database>> open(boost::asio::io_context& io, BlockingPool& blocking,
                                       const Options& options);

}  // namespace cabinet::storage::sqlite
