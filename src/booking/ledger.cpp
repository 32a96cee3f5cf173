// The booking tables other than appointments: the authorization ledger, idempotent answers
// and durable jobs (store.hpp).
#include "booking/store.hpp"

namespace cabinet::booking::store {
namespace {

using storage::Params;

constexpr std::string_view kLedgerColumns =
    "SELECT h.id, h.appointment_id, h.idempotency_key, h.method, h.amount_cents, h.state,"
    " h.hold_id, a.status FROM payment_holds h JOIN appointments a ON a.id = h.appointment_id ";

LedgerRow read_ledger(const storage::Row& r) {
  LedgerRow l;
  l.id = r.integer(0);
  l.appointment_id = r.integer(1);
  l.idempotency_key = r.text(2);
  l.method = r.text(3);
  l.amount_cents = static_cast<int>(r.integer(4));
  l.state = r.text(5);
  l.hold_id = r.opt_text(6);
  l.appointment_status = r.text(7);
  return l;
}

Task<Result<std::vector<LedgerRow>>> ledger(Executor& db, std::string_view where, Params params) {
  std::string sql(kLedgerColumns);
  sql += where;
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<LedgerRow> out;
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(read_ledger(rows->row(i)));
  co_return out;
}

}  // namespace

Task<Result<LedgerRow>> begin_authorization(Executor& db, std::int64_t appointment,
                                            const std::string& provider, const std::string& key,
                                            const std::string& method, int amount,
                                            std::int64_t now) {
  Params insert{appointment, provider, key, method, std::int64_t{amount}, now};
  auto r = co_await db.query(
      "INSERT INTO payment_holds (appointment_id, provider, idempotency_key, method,"
      " amount_cents, state, created_at, updated_at)"
      " VALUES ($1, $2, $3, $4, $5, 'authorizing', $6, $6)",
      std::move(insert));
  // A conflict is the same key again (a retried confirmation): the existing row is the answer.
  if (!r && r.error().code != ErrorCode::conflict) co_return std::move(r).error();
  Params which{key};
  auto rows = co_await ledger(db, "WHERE h.idempotency_key = $1", std::move(which));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "ledger row vanished");
  co_return std::move(rows->front());
}

Task<Result<void>> set_ledger(Executor& db, std::int64_t row, const std::string& state,
                              const std::optional<std::string>& hold_id, std::int64_t now) {
  Params params{state, storage::optional(hold_id), now, row};
  auto r = co_await db.query(
      "UPDATE payment_holds SET state = $1, hold_id = COALESCE($2, hold_id), updated_at = $3"
      " WHERE id = $4",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> forget_ledger(Executor& db, std::int64_t row, std::int64_t now) {
  Params params{now, row};
  auto r = co_await db.query(
      "UPDATE payment_holds SET state = 'failed', updated_at = $1,"
      " idempotency_key = idempotency_key || ':refused:' || CAST(id AS TEXT) WHERE id = $2",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<std::optional<LedgerRow>>> live_hold(Executor& db, std::int64_t appointment) {
  Params params{appointment};
  auto rows = co_await ledger(db, "WHERE h.appointment_id = $1 AND h.state = 'held' ORDER BY h.id",
                              std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<LedgerRow>{};
  co_return std::optional<LedgerRow>(std::move(rows->back()));
}

Task<Result<std::vector<LedgerRow>>> orphans(Executor& db, std::int64_t now, std::int64_t stale,
                                             std::size_t limit) {
  Params params{now - stale, static_cast<std::int64_t>(limit)};
  co_return co_await ledger(
      db,
      "WHERE (h.state = 'held' AND a.status NOT IN ('confirmed', 'done'))"
      " OR (h.state = 'authorizing' AND h.updated_at <= $1) ORDER BY h.id LIMIT $2",
      std::move(params));
}

Task<Result<std::optional<StoredAnswer>>> stored_answer(Executor& db, std::int64_t account,
                                                        const std::string& key) {
  Params params{account, key};
  auto rows = co_await db.query(
      "SELECT request_hash, status, body FROM idempotency_keys"
      " WHERE account_id = $1 AND idempotency_key = $2",
      std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<StoredAnswer>{};
  const auto r = rows->row(0);
  StoredAnswer a;
  a.request_hash = r.text(0);
  a.status = static_cast<int>(r.integer(1));
  a.body = r.text(2);
  co_return std::optional<StoredAnswer>(std::move(a));
}

Task<Result<void>> store_answer(Executor& db, std::int64_t account, const std::string& key,
                                const std::string& hash, int status, const std::string& body,
                                std::int64_t now) {
  Params params{account, key, hash, std::int64_t{status}, body, now};
  auto r = co_await db.query(
      "INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status, body,"
      " created_at) VALUES ($1, $2, $3, $4, $5, $6)",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> forget_answers_before(Executor& db, std::int64_t before) {
  Params params{before};
  auto r =
      co_await db.query("DELETE FROM idempotency_keys WHERE created_at < $1", std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> add_job(Executor& db, std::int64_t appointment, const std::string& kind,
                           std::int64_t due_at, std::int64_t now) {
  Params params{appointment, kind, due_at, now};
  auto r = co_await db.query(
      "INSERT INTO booking_jobs (appointment_id, kind, due_at, state, updated_at)"
      " VALUES ($1, $2, $3, 'pending', $4)",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> schedule_job(Executor& db, std::int64_t appointment, const std::string& kind,
                                std::int64_t due_at, std::int64_t now) {
  Params params{due_at, now, appointment, kind};
  auto moved = co_await db.query(
      "UPDATE booking_jobs SET due_at = $1, state = 'pending', lease_until = NULL, updated_at = $2"
      " WHERE appointment_id = $3 AND kind = $4",
      std::move(params));
  if (!moved) co_return std::move(moved).error();
  if (moved->affected == 1) co_return ok();
  co_return co_await add_job(db, appointment, kind, due_at, now);
}

Task<Result<std::vector<Job>>> due_jobs(Executor& db, std::int64_t now, std::size_t limit) {
  Params params{now, static_cast<std::int64_t>(limit)};
  auto rows = co_await db.query(
      "SELECT id, appointment_id, kind, due_at, attempts FROM booking_jobs"
      " WHERE state = 'pending' AND due_at <= $1 AND (lease_until IS NULL OR lease_until <= $1)"
      " ORDER BY due_at, id LIMIT $2",
      std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Job> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Job j;
    j.id = r.integer(0);
    j.appointment_id = r.integer(1);
    j.kind = r.text(2);
    j.due_at = r.integer(3);
    j.attempts = static_cast<int>(r.integer(4));
    out.push_back(std::move(j));
  }
  co_return out;
}

Task<Result<bool>> lease_job(Executor& db, std::int64_t job, std::int64_t now, std::int64_t lease) {
  Params params{now + lease, now, job};
  auto r = co_await db.query(
      "UPDATE booking_jobs SET lease_until = $1, attempts = attempts + 1, updated_at = $2"
      " WHERE id = $3 AND state = 'pending' AND (lease_until IS NULL OR lease_until <= $2)",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<bool>> finish_job(Executor& db, std::int64_t job, const std::string& state,
                              std::int64_t now) {
  Params params{state, now, job};
  auto r = co_await db.query(
      "UPDATE booking_jobs SET state = $1, lease_until = NULL, updated_at = $2"
      " WHERE id = $3 AND state = 'pending'",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<void>> retry_job(Executor& db, std::int64_t job, std::int64_t due_at,
                             const std::string& error, std::int64_t now) {
  Params params{due_at, error.substr(0, 500), now, job};
  auto r = co_await db.query(
      "UPDATE booking_jobs SET due_at = $1, last_error = $2, lease_until = NULL, updated_at = $3"
      " WHERE id = $4 AND state = 'pending'",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> skip_jobs(Executor& db, std::int64_t appointment, std::int64_t now) {
  Params params{now, appointment};
  auto r = co_await db.query(
      "UPDATE booking_jobs SET state = 'skipped', lease_until = NULL, updated_at = $1"
      " WHERE appointment_id = $2 AND state = 'pending'",
      std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

}  // namespace cabinet::booking::store
