#include "booking/ledger_store.hpp"

#include "storage/query.hpp"

namespace cabinet::booking::store {
namespace {

using storage::Params;

// The ledger of authorizations (payment_holds).
#define LEDGER_SELECT                                                                    \
  "SELECT h.id, h.appointment_id, h.idempotency_key, h.method, h.amount_cents, h.state," \
  " h.hold_id, a.status FROM payment_holds h JOIN appointments a ON a.id = h.appointment_id "
constexpr std::string_view kBeginAuthorization =
    "INSERT INTO payment_holds (appointment_id, provider, idempotency_key, method,"
    " amount_cents, state, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, 'authorizing', $6, $6)";
constexpr std::string_view kLedgerByKey = LEDGER_SELECT "WHERE h.idempotency_key = $1";
constexpr std::string_view kSetLedger =
    "UPDATE payment_holds SET state = $1, hold_id = COALESCE($2, hold_id), updated_at = $3"
    " WHERE id = $4";
constexpr std::string_view kForgetLedger =
    "UPDATE payment_holds SET state = 'failed', updated_at = $1,"
    " idempotency_key = idempotency_key || ':refused:' || CAST(id AS TEXT) WHERE id = $2";
constexpr std::string_view kLiveHold =
    LEDGER_SELECT "WHERE h.appointment_id = $1 AND h.state = 'held' ORDER BY h.id DESC LIMIT 1";
constexpr std::string_view kOrphans = LEDGER_SELECT
    "WHERE (h.state = 'held' AND a.status NOT IN ('confirmed', 'done'))"
    " OR (h.state = 'authorizing' AND h.updated_at <= $1) ORDER BY h.id LIMIT $2";

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

}  // namespace

Task<Result<LedgerRow>> begin_authorization(Executor& db, std::int64_t appointment,
                                            const std::string& provider, const std::string& key,
                                            const std::string& method, int amount,
                                            std::int64_t now) {
  auto r = co_await storage::execute(
      db, kBeginAuthorization,
      storage::bind(appointment, provider, key, method, static_cast<std::int64_t>(amount), now));
  // A conflict is the same key again (a retried confirmation): the existing row is the answer.
  if (!r && r.error().code != ErrorCode::conflict) co_return std::move(r).error();
  auto row = co_await storage::first(db, kLedgerByKey, storage::bind(key), read_ledger);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::internal, "ledger row vanished");
  co_return std::move(**row);
}

Task<Result<void>> set_ledger(Executor& db, std::int64_t row, const std::string& state,
                              const std::optional<std::string>& hold_id, std::int64_t now) {
  co_return co_await storage::run(db, kSetLedger,
                                  storage::bind(state, storage::optional(hold_id), now, row));
}

Task<Result<void>> forget_ledger(Executor& db, std::int64_t row, std::int64_t now) {
  co_return co_await storage::run(db, kForgetLedger, storage::bind(now, row));
}

Task<Result<std::optional<LedgerRow>>> live_hold(Executor& db, std::int64_t appointment) {
  co_return co_await storage::first(db, kLiveHold, storage::bind(appointment), read_ledger);
}

Task<Result<std::vector<LedgerRow>>> orphans(Executor& db, std::int64_t now, std::int64_t stale,
                                             std::size_t limit) {
  co_return co_await storage::all(
      db, kOrphans, storage::bind(now - stale, static_cast<std::int64_t>(limit)), read_ledger);
}

}  // namespace cabinet::booking::store
