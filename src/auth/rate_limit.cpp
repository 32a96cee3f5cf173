#include "auth/rate_limit.hpp"

#include <algorithm>

namespace cabinet::auth {
namespace {

constexpr std::string_view kHit =
    "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)"
    " ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1"
    " RETURNING hits";
constexpr std::string_view kPrune = "DELETE FROM rate_limits WHERE window_start < $1";

}  // namespace

Error rate_limited(std::int64_t retry_after_seconds) {
  Error e(ErrorCode::rate_limited);
  e.retry_after = std::max<std::int64_t>(retry_after_seconds, 1);
  return e;
}

Task<Result<void>> RateLimiter::hit(const Limit& limit, std::string_view key) {
  const auto now = clock_.unix_seconds();
  const auto window = limit.window.count();
  const auto start = now - now % window;
  storage::Params params{std::string(limit.name) + ":" + std::string(key), start};
  auto r = co_await db_.query(kHit, std::move(params));
  if (!r) co_return std::move(r).error();
  if (r->row(0).integer(0) > limit.max) co_return rate_limited(start + window - now);
  co_return ok();
}

Task<Result<void>> RateLimiter::prune() {
  storage::Params params{clock_.unix_seconds() - 86400};
  auto r = co_await db_.query(kPrune, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

}  // namespace cabinet::auth
