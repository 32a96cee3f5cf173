#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

namespace cabinet::storage {

struct OpenOptions {
  std::string url;  // "sqlite:PATH" or "postgresql://..." / "postgres://..."
  std::size_t pool_size = 8;
  std::size_t sqlite_readers = 4;
  int busy_timeout_ms = 5000;
  int connect_timeout_s = 3;
  int statement_timeout_ms = 30000;
};

// Chooses the engine from the URL scheme.
Result<std::unique_ptr<Database>> open(boost::asio::io_context& io, BlockingPool& blocking,
                                       const OpenOptions& options);

// True when the URL names an engine we know; used by configuration validation.
bool is_supported_url(std::string_view url);
// The URL with any password replaced by "***", for logs and --help.
std::string redact_url(std::string_view url);

}  // namespace cabinet::storage
