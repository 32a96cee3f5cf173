#include "booking/store.hpp"

namespace cabinet::booking::store {
namespace {

using storage::Params;

constexpr std::string_view kInsert =
    "INSERT INTO appointments (public_id, practitioner_id, patient_account_id, profile_id,"
    " motif_id, mode, start_at, end_at, status, hold_expires_at, price_cents, created_at,"
    " updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id";
constexpr std::string_view kClaim =
    "INSERT INTO appointment_granules (practitioner_id, granule, appointment_id)"
    " VALUES ($1, $2, $3)";
constexpr std::string_view kRelease = "DELETE FROM appointment_granules WHERE appointment_id = $1";
constexpr std::string_view kStatus =
    "UPDATE appointments SET status = $1, hold_expires_at = NULL, updated_at = $2"
    " WHERE id = $3 AND status IN ('pending_payment', 'confirmed')";
constexpr std::string_view kActive =
    "SELECT id, public_id, practitioner_id, patient_account_id, profile_id, motif_id, mode,"
    " start_at, end_at, status, hold_expires_at, price_cents FROM appointments"
    " WHERE practitioner_id = $1 AND start_at < $3 AND end_at > $2"
    " AND status IN ('pending_payment', 'confirmed') ORDER BY start_at, id";

}  // namespace

Task<Result<std::int64_t>> hold(Transaction& tx, const Appointment& a, std::int64_t now) {
  if (a.start_at % kGranule != 0 || a.end_at % kGranule != 0 || a.end_at <= a.start_at)
    co_return Error(ErrorCode::invalid_request, "appointment off the 5-minute grid");
  Params row{a.public_id,
             a.practitioner_id,
             a.patient_account_id,
             a.profile_id,
             a.motif_id,
             a.mode,
             a.start_at,
             a.end_at,
             a.status,
             storage::optional(a.hold_expires_at),
             std::int64_t{a.price_cents},
             now};
  auto inserted = co_await tx.query(kInsert, std::move(row));
  if (!inserted) co_return std::move(inserted).error();
  const auto id = inserted->row(0).integer(0);
  for (auto g = a.start_at; g < a.end_at; g += kGranule) {
    Params claim{a.practitioner_id, g, id};
    auto r = co_await tx.query(kClaim, std::move(claim));
    if (!r) {
      if (r.error().code == ErrorCode::conflict) co_return Error(ErrorCode::conflict, "slot_taken");
      co_return std::move(r).error();
    }
  }
  co_return id;
}

Task<Result<bool>> release(Transaction& tx, std::int64_t appointment, const std::string& status,
                           std::int64_t now) {
  Params update{status, now, appointment};
  auto changed = co_await tx.query(kStatus, std::move(update));
  if (!changed) co_return std::move(changed).error();
  if (changed->affected != 1) co_return false;  // already released: nothing to give back
  Params which{appointment};
  auto freed = co_await tx.query(kRelease, std::move(which));
  if (!freed) co_return std::move(freed).error();
  co_return true;
}

Task<Result<std::vector<Appointment>>> active_between(Executor& db, std::int64_t practitioner,
                                                      std::int64_t from, std::int64_t to) {
  Params params{practitioner, from, to};
  auto rows = co_await db.query(kActive, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Appointment> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Appointment a;
    a.id = r.integer(0);
    a.public_id = r.text(1);
    a.practitioner_id = r.integer(2);
    a.patient_account_id = r.integer(3);
    a.profile_id = r.integer(4);
    a.motif_id = r.integer(5);
    a.mode = r.text(6);
    a.start_at = r.integer(7);
    a.end_at = r.integer(8);
    a.status = r.text(9);
    a.hold_expires_at = r.opt_integer(10);
    a.price_cents = static_cast<int>(r.integer(11));
    out.push_back(std::move(a));
  }
  co_return out;
}

}  // namespace cabinet::booking::store
