#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The booking's durable jobs (booking_jobs; docs/booking.md): reminders, deferred holds,
// no-shows, each leased by one node at a time (decision 008).
namespace cabinet::booking::store {

using storage::Executor;

struct Job {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::string kind;
  std::int64_t due_at = 0;
  int attempts = 0;
};
Task<Result<void>> add_job(Executor& db, std::int64_t appointment, const std::string& kind,
                           std::int64_t due_at, std::int64_t now);
// Adds the job, or moves an existing one of that kind back to pending at `due_at`.
Task<Result<void>> schedule_job(Executor& db, std::int64_t appointment, const std::string& kind,
                                std::int64_t due_at, std::int64_t now);
Task<Result<std::vector<Job>>> due_jobs(Executor& db, std::int64_t now, std::size_t limit);
// Takes the job for `lease` seconds; false when another node holds it or it is finished.
Task<Result<bool>> lease_job(Executor& db, std::int64_t job, std::int64_t now, std::int64_t lease);
// Ends the job ('done' or 'skipped'), only if still pending; false otherwise.
Task<Result<bool>> finish_job(Executor& db, std::int64_t job, const std::string& state,
                              std::int64_t now);
Task<Result<void>> retry_job(Executor& db, std::int64_t job, std::int64_t due_at,
                             const std::string& error, std::int64_t now);
// Ends every pending job of an appointment (cancelled, no-show): they would do nothing.
Task<Result<void>> skip_jobs(Executor& db, std::int64_t appointment, std::int64_t now);

}  // namespace cabinet::booking::store
