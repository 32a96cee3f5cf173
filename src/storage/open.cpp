#include "storage/open.hpp"

#include "storage/postgres/database.hpp"
#include "storage/sqlite/database.hpp"

namespace cabinet::storage {
namespace {
constexpr std::string_view kSqlite = "sqlite:";
bool is_postgres(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}
}  // namespace

bool is_supported_url(std::string_view url) {
  return (url.starts_with(kSqlite) && url.size() > kSqlite.size()) || is_postgres(url);
}

Result<std::unique_ptr<Database>> open(boost::asio::io_context& io, BlockingPool& blocking,
                                       const OpenOptions& options) {
  if (is_postgres(options.url)) {
    return postgres::open(
        io, blocking,
        {options.url, options.pool_size, options.connect_timeout_s, options.statement_timeout_ms});
  }
  if (options.url.starts_with(kSqlite)) {
    return sqlite::open(
        io, blocking,
        {options.url.substr(kSqlite.size()), options.sqlite_readers, options.busy_timeout_ms});
  }
  return Error(ErrorCode::invalid_request,
               "unsupported database URL (use sqlite:PATH or postgresql://...)");
}

std::string redact_url(std::string_view url) {
  // postgresql://user:secret@host -> postgresql://user:***@host
  const auto scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  const auto at = url.find('@', scheme + 3);
  if (at == std::string_view::npos) return std::string(url);
  const auto colon = url.find(':', scheme + 3);
  if (colon == std::string_view::npos || colon > at) return std::string(url);
  return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

}  // namespace cabinet::storage
