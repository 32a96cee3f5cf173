#include "auth/rate_limit.hpp"

#include <algorithm>

#include "auth/store.hpp"

namespace cabinet::auth {
namespace {

// Streaks live in the rate-limit table under their own prefix, one row each: `hits` is the
// number of failures in a row and `window_start` the time of the last one, so the daily prune
// forgets a streak quiet for a day, and no migration was needed.
std::string streak_bucket(std::string_view streak) { return "streak:" + std::string(streak); }

}  // namespace

Error rate_limited(std::int64_t retry_after_seconds) {
  Error e(ErrorCode::rate_limited);
  e.retry_after = std::max<std::int64_t>(retry_after_seconds, 1);
  return e;
}

Task<Result<void>> RateLimiter::hit(Limit Limits::*which, std::string_view key) {
  const Limit limit = (*limits_.get()).*which;
  co_return co_await hit(limit, key);
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

std::int64_t RateLimiter::required_wait(std::int64_t failures) const {
  const auto limits = limits_.get();
  if (failures < limits->free_failures) return 0;
  const auto shift = std::min<std::int64_t>(failures - limits->free_failures, 30);
  return std::min<std::int64_t>(std::int64_t{1} << shift, limits->max_delay.count());
}

Task<Result<void>> RateLimiter::check_streak(std::string_view streak) {
  auto row = co_await store::streak(db_, streak_bucket(streak));
  if (!row) co_return std::move(row).error();
  if (!*row) co_return ok();
  const auto wait = required_wait((*row)->failures);
  const auto now = clock_.unix_seconds();
  if (wait > 0 && now < (*row)->last_at + wait)
    co_return rate_limited((*row)->last_at + wait - now);
  co_return ok();
}

Task<Result<void>> RateLimiter::fail_streak(std::string_view streak) {
  co_return co_await store::bump_streak(db_, streak_bucket(streak), clock_.unix_seconds());
}

Task<Result<void>> RateLimiter::clear_streak(std::string_view streak) {
  co_return co_await store::delete_rate_bucket(db_, streak_bucket(streak));
}

Task<Result<void>> RateLimiter::prune() {
  co_return co_await store::delete_rate_windows_before(db_, clock_.unix_seconds() - 86400);
}

}  // namespace cabinet::auth
