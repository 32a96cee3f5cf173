#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "auth/limits.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "storage/database.hpp"

namespace cabinet::auth {

// Fixed-window counters in the database, so that every node enforces the same limits (SEC4).
// hit() counts one attempt and fails with rate_limited (429, Retry-After = the end of the
// window) once the window's allowance is used up.
//
// Streaks count failures in a row (of a password for one address, of the current password of
// one account): after `free_failures` each new try must wait 1 s, 2 s, 4 s… up to `max_delay`,
// right or wrong (no oracle while waiting). A streak quiet for a day is forgotten.
class RateLimiter {
 public:
  RateLimiter(storage::Database& db, const Clock& clock, Limits limits = {})
      : db_(db), clock_(clock), limits_(limits) {}

  // A copy of the current limits: the operator may change them while the server runs
  // (docs/operator.md "Settings").
  [[nodiscard]] Limits limits() const { return *limits_.get(); }
  void set_limits(Limits next) { limits_.set(next); }

  Task<Result<void>> hit(const Limit& limit, std::string_view key);
  // The same with one of the configured limits, as it is at this moment.
  Task<Result<void>> hit(Limit Limits::*which, std::string_view key);
  // rate_limited while the streak's wait since its last failure is not over.
  Task<Result<void>> check_streak(std::string_view streak);
  Task<Result<void>> fail_streak(std::string_view streak);
  Task<Result<void>> clear_streak(std::string_view streak);
  // Removes windows that ended, and streaks that stopped, more than a day ago.
  Task<Result<void>> prune();

  // The wait after `failures` in a row: 0 for the free ones, then 1 s doubling to max_delay.
  [[nodiscard]] std::int64_t required_wait(std::int64_t failures) const;

 private:
  storage::Database& db_;
  const Clock& clock_;
  Live<Limits> limits_;
};

Error rate_limited(std::int64_t retry_after_seconds);

}  // namespace cabinet::auth
