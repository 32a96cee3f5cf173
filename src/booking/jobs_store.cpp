#include "booking/jobs_store.hpp"

#include "storage/query.hpp"

namespace cabinet::booking::store {
namespace {

using storage::Params;

// Durable jobs (booking_jobs).
constexpr std::string_view kAddJob =
    "INSERT INTO booking_jobs (appointment_id, kind, due_at, state, updated_at)"
    " VALUES ($1, $2, $3, 'pending', $4)";
constexpr std::string_view kRescheduleJob =
    "UPDATE booking_jobs SET due_at = $1, state = 'pending', lease_until = NULL, updated_at = $2"
    " WHERE appointment_id = $3 AND kind = $4";
constexpr std::string_view kDueJobs =
    "SELECT id, appointment_id, kind, due_at, attempts FROM booking_jobs"
    " WHERE state = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)"
    " ORDER BY due_at, id LIMIT $2";
constexpr std::string_view kLeaseJob =
    "UPDATE booking_jobs SET lease_until = $1, attempts = attempts + 1, updated_at = $2"
    " WHERE id = $3 AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $2)";
constexpr std::string_view kFinishJob =
    "UPDATE booking_jobs SET state = $1, lease_until = NULL, updated_at = $2"
    " WHERE id = $3 AND state = 'pending'";
constexpr std::string_view kRetryJob =
    "UPDATE booking_jobs SET due_at = $1, last_error = $2, lease_until = NULL, updated_at = $3"
    " WHERE id = $4 AND state = 'pending'";
constexpr std::string_view kSkipJobs =
    "UPDATE booking_jobs SET state = 'skipped', lease_until = NULL, updated_at = $1"
    " WHERE appointment_id = $2 AND state = 'pending'";

Job read_job(const storage::Row& r) {
  Job j;
  j.id = r.integer(0);
  j.appointment_id = r.integer(1);
  j.kind = r.text(2);
  j.due_at = r.integer(3);
  j.attempts = static_cast<int>(r.integer(4));
  return j;
}

}  // namespace

Task<Result<void>> add_job(Executor& db, std::int64_t appointment, const std::string& kind,
                           std::int64_t due_at, std::int64_t now) {
  co_return co_await storage::run(db, kAddJob, storage::bind(appointment, kind, due_at, now));
}

Task<Result<void>> schedule_job(Executor& db, std::int64_t appointment, const std::string& kind,
                                std::int64_t due_at, std::int64_t now) {
  auto moved =
      co_await storage::execute(db, kRescheduleJob, storage::bind(due_at, now, appointment, kind));
  if (!moved) co_return std::move(moved).error();
  if (*moved == 1) co_return ok();
  co_return co_await add_job(db, appointment, kind, due_at, now);
}

Task<Result<std::vector<Job>>> due_jobs(Executor& db, std::int64_t now, std::size_t limit) {
  co_return co_await storage::all(db, kDueJobs,
                                  storage::bind(now, static_cast<std::int64_t>(limit)), read_job);
}

Task<Result<bool>> lease_job(Executor& db, std::int64_t job, std::int64_t now, std::int64_t lease) {
  co_return co_await storage::changed_one(db, kLeaseJob, storage::bind(now + lease, now, job));
}

Task<Result<bool>> finish_job(Executor& db, std::int64_t job, const std::string& state,
                              std::int64_t now) {
  co_return co_await storage::changed_one(db, kFinishJob, storage::bind(state, now, job));
}

Task<Result<void>> retry_job(Executor& db, std::int64_t job, std::int64_t due_at,
                             const std::string& error, std::int64_t now) {
  co_return co_await storage::run(db, kRetryJob,
                                  storage::bind(due_at, error.substr(0, 500), now, job));
}

Task<Result<void>> skip_jobs(Executor& db, std::int64_t appointment, std::int64_t now) {
  co_return co_await storage::run(db, kSkipJobs, storage::bind(now, appointment));
}

}  // namespace cabinet::booking::store
