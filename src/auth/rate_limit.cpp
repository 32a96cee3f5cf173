#include "auth/rate_limit.hpp"

#include <algorithm>

#include "auth/store.hpp"

namespace cabinet::auth {

Error rate_limited(std::int64_t retry_after_seconds) {
  Error e(ErrorCode::rate_limited);
  e.retry_after = std::max<std::int64_t>(retry_after_seconds, 1);
  return e;
}

Task<Result<void>> RateLimiter::hit(const Limit& limit, std::string_view key) {
  const auto now = clock_.unix_seconds();
  const auto window = limit.window.count();
  const auto start = now - now % window;
  const auto bucket = std::string(limit.name) + ":" + std::string(key);
  auto hits = co_await store::hit_rate_window(db_, bucket, start);
  if (!hits) co_return std::move(hits).error();
  if (*hits > limit.max) co_return rate_limited(start + window - now);
  co_return ok();
}

Task<Result<void>> RateLimiter::prune() {
  co_return co_await store::delete_rate_windows_before(db_, clock_.unix_seconds() - 86400);
}

}  // namespace cabinet::auth
