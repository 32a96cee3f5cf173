#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace cabinet::auth {

struct Limit {
  std::string_view name;  // part of the bucket key: "login-ip", "signup-ip"…
  std::int64_t max;       // hits allowed per window
  std::chrono::seconds window;
};

// Fixed-window counters in the database, so that every node enforces the same limits (SEC4).
// hit() counts one attempt and fails with rate_limited (429, Retry-After = the end of the
// window) once the window's allowance is used up.
class RateLimiter {
 public:
  RateLimiter(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Task<Result<void>> hit(const Limit& limit, std::string_view key);
  // Removes windows that ended more than a day ago.
  Task<Result<void>> prune();

 private:
  storage::Database& db_;
  const Clock& clock_;
};

Error rate_limited(std::int64_t retry_after_seconds);

}  // namespace cabinet::auth
