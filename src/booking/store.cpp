#include "booking/store.hpp"

#include "storage/query.hpp"

namespace cabinet::booking::store {
namespace {

using storage::Params;

constexpr std::string_view kInsert =
    "INSERT INTO appointments (public_id, practitioner_id, patient_account_id, profile_id,"
    " motif_id, mode, start_at, end_at, status, hold_expires_at, price_cents, booked_by,"
    " payment_state, cancel_nonce, origin, fee_cents, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $16, $17, $15, $15)"
    " RETURNING id";
constexpr std::string_view kClaim =
    "INSERT INTO appointment_granules (practitioner_id, granule, appointment_id)"
    " VALUES ($1, $2, $3)";
// Abandoned payments overlapping the new appointment: expired here, in the booking's own
// transaction, rather than waiting for the sweep.
constexpr std::string_view kExpireOverlapping =
    "UPDATE appointments SET status = 'expired', hold_expires_at = NULL, cancelled_by = 'system',"
    " updated_at = $4 WHERE practitioner_id = $1 AND status = 'pending_payment'"
    " AND hold_expires_at <= $4 AND start_at < $3 AND end_at > $2 RETURNING id";
constexpr std::string_view kRelease = "DELETE FROM appointment_granules WHERE appointment_id = $1";
constexpr std::string_view kStatus =
    "UPDATE appointments SET status = $1, hold_expires_at = NULL, cancelled_by = $2,"
    " updated_at = $3 WHERE id = $4 AND status IN ('pending_payment', 'confirmed')";

// The appointment's columns, and the joins of its view: pieces of the named statements below.
#define APPOINTMENT_COLUMNS                                                                    \
  "a.id, a.public_id, a.practitioner_id, a.patient_account_id, a.profile_id, a.motif_id,"      \
  " a.mode, a.start_at, a.end_at, a.status, a.hold_expires_at, a.price_cents, a.cancelled_by," \
  " a.started_at, a.booked_by, a.payment_state, a.saved_method, a.card_brand, a.card_last4,"   \
  " a.captured_cents, a.cancel_nonce, a.created_at, a.ended_at, a.origin, a.fee_cents,"        \
  " a.insurer_cents, (SELECT ip.name FROM partners ip WHERE ip.id = a.insurer_partner_id)"
constexpr std::size_t kColumnCount = 27;
#define VIEW_SELECT                                                                      \
  "SELECT " APPOINTMENT_COLUMNS                                                          \
  ", pp.public_id, ph.first_name, ph.last_name, pr.specialty, pp.timezone, m.public_id," \
  " m.label, m.duration_min, p.public_id, p.first_name, p.last_name, p.birth_date,"      \
  " pa.email, pa.phone, pa.locale, prac.email, prac.locale, m.label_en,"                 \
  " (SELECT h.first_name FROM profiles h WHERE h.account_id = a.patient_account_id"      \
  " AND h.is_holder = 1)"                                                                \
  " FROM appointments a"                                                                 \
  " JOIN practitioner_profiles pp ON pp.account_id = a.practitioner_id"                  \
  " JOIN practitioners pr ON pr.account_id = a.practitioner_id"                          \
  " JOIN profiles ph ON ph.account_id = a.practitioner_id AND ph.is_holder = 1"          \
  " JOIN accounts prac ON prac.id = a.practitioner_id"                                   \
  " JOIN motifs m ON m.id = a.motif_id"                                                  \
  " JOIN profiles p ON p.id = a.profile_id"                                              \
  " JOIN accounts pa ON pa.id = a.patient_account_id "

constexpr std::string_view kFind = VIEW_SELECT "WHERE a.public_id = $1";
constexpr std::string_view kFindId = VIEW_SELECT "WHERE a.id = $1";
constexpr std::string_view kOfPatient =
    VIEW_SELECT "WHERE a.patient_account_id = $1 AND a.status <> 'expired' ORDER BY a.start_at";
constexpr std::string_view kOfPatientProfile = VIEW_SELECT
    "WHERE a.patient_account_id = $1 AND a.status <> 'expired' AND a.profile_id = $2"
    " ORDER BY a.start_at";
constexpr std::string_view kOfPractitioner = VIEW_SELECT
    "WHERE a.practitioner_id = $1 AND a.start_at < $3 AND a.end_at > $2"
    " AND a.status <> 'expired' ORDER BY a.start_at";
constexpr std::string_view kActiveBetween =
    "SELECT " APPOINTMENT_COLUMNS
    " FROM appointments a WHERE a.practitioner_id = $1 AND a.start_at < $3 AND a.end_at > $2"
    " AND a.status IN ('pending_payment', 'confirmed') ORDER BY a.start_at, a.id";
constexpr std::string_view kUpdatePayment =
    "UPDATE appointments SET status = COALESCE($1, status), payment_state = $2,"
    " saved_method = COALESCE($3, saved_method), card_brand = COALESCE($4, card_brand),"
    " card_last4 = COALESCE($5, card_last4), captured_cents = $6,"
    " hold_expires_at = CASE WHEN $1 IS NULL THEN hold_expires_at ELSE NULL END,"
    " updated_at = $7 WHERE id = $8 AND status = $9";
constexpr std::string_view kSetPaymentState =
    "UPDATE appointments SET payment_state = $1, updated_at = $2 WHERE id = $3"
    " AND payment_state = $4";
constexpr std::string_view kMarkStarted =
    "UPDATE appointments SET started_at = COALESCE(started_at, $1), updated_at = $1"
    " WHERE id = $2 AND status = 'confirmed'";
constexpr std::string_view kMarkEnded = "UPDATE appointments SET ended_at = $1 WHERE id = $2";
constexpr std::string_view kTrimGranules =
    "DELETE FROM appointment_granules WHERE appointment_id = $1 AND granule >= $2";
constexpr std::string_view kOverduePending =
    "SELECT id FROM appointments WHERE status = 'pending_payment' AND hold_expires_at <= $1"
    " ORDER BY hold_expires_at LIMIT $2";

// Idempotent requests.
constexpr std::string_view kStoredAnswer =
    "SELECT request_hash, status, body FROM idempotency_keys"
    " WHERE account_id = $1 AND idempotency_key = $2";
constexpr std::string_view kStoreAnswer =
    "INSERT INTO idempotency_keys (account_id, idempotency_key, request_hash, status, body,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kForgetAnswers = "DELETE FROM idempotency_keys WHERE created_at < $1";

Appointment read(const storage::Row& r) {
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
  a.cancelled_by = r.opt_text(12);
  a.started_at = r.opt_integer(13);
  a.booked_by = r.opt_integer(14);
  a.payment_state = r.text(15);
  a.saved_method = r.opt_text(16);
  a.card_brand = r.opt_text(17);
  a.card_last4 = r.opt_text(18);
  a.captured_cents = static_cast<int>(r.integer(19));
  a.cancel_nonce = r.opt_text(20).value_or("");
  a.created_at = r.integer(21);
  a.ended_at = r.opt_integer(22);
  a.origin = r.text(23);
  a.fee_cents = static_cast<int>(r.integer(24));
  a.insurer_cents = static_cast<int>(r.integer(25));
  a.insurer_name = r.opt_text(26);
  return a;
}

View read_view(const storage::Row& r) {
  View v;
  v.a = read(r);
  auto i = kColumnCount;
  v.practitioner_public_id = r.text(i++);
  v.practitioner_first_name = r.text(i++);
  v.practitioner_last_name = r.text(i++);
  v.specialty = r.text(i++);
  v.timezone = r.text(i++);
  v.motif_public_id = r.text(i++);
  v.motif_label = r.text(i++);
  v.motif_duration_min = static_cast<int>(r.integer(i++));
  v.profile_public_id = r.text(i++);
  v.profile_first_name = r.text(i++);
  v.profile_last_name = r.text(i++);
  v.profile_birth_date = r.opt_text(i++);
  v.patient_email = r.opt_text(i++);
  v.patient_phone = r.opt_text(i++);
  v.patient_locale = r.text(i++);
  v.practitioner_email = r.opt_text(i++);
  v.practitioner_locale = r.text(i++);
  v.motif_label_en = r.opt_text(i++);
  v.holder_first_name = r.opt_text(i++).value_or(v.profile_first_name);
  return v;
}

StoredAnswer read_answer(const storage::Row& r) {
  StoredAnswer a;
  a.request_hash = r.text(0);
  a.status = static_cast<int>(r.integer(1));
  a.body = r.text(2);
  return a;
}

Task<Result<void>> free_granules(Transaction& tx, std::int64_t appointment) {
  Params which{appointment};
  auto freed = co_await tx.query(kRelease, std::move(which));
  if (!freed) co_return std::move(freed).error();
  co_return ok();
}

}  // namespace

Task<Result<std::int64_t>> hold(Transaction& tx, const Appointment& a, std::int64_t now) {
  if (a.start_at % kGranule != 0 || a.end_at % kGranule != 0 || a.end_at <= a.start_at)
    co_return Error(ErrorCode::invalid_request, "appointment off the 5-minute grid");
  Params stale{a.practitioner_id, a.start_at, a.end_at, now};
  auto expired = co_await tx.query(kExpireOverlapping, std::move(stale));
  if (!expired) co_return std::move(expired).error();
  for (std::size_t i = 0; i < expired->size(); ++i) {
    if (auto r = co_await free_granules(tx, expired->row(i).integer(0)); !r)
      co_return std::move(r).error();
  }
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
             storage::optional(a.booked_by),
             a.payment_state,
             a.cancel_nonce,
             now,
             a.origin,
             std::int64_t{a.fee_cents}};
  auto inserted = co_await tx.query(kInsert, std::move(row));
  if (!inserted) co_return std::move(inserted).error();
  const auto id = inserted->row(0).integer(0);
  for (auto g = a.start_at; g < a.end_at; g += kGranule) {
    Params claim{a.practitioner_id, g, id};
    auto r = co_await tx.query(kClaim, std::move(claim));
    if (!r) {
      // The service tells this from the other conflicts by its code, not its wording.
      if (r.error().code == ErrorCode::conflict)
        co_return Error(ErrorCode::slot_taken, "slot_taken");
      co_return std::move(r).error();
    }
  }
  co_return id;
}

Task<Result<bool>> release(Transaction& tx, std::int64_t appointment, const std::string& status,
                           const std::optional<std::string>& by, std::int64_t now) {
  Params update{status, storage::optional(by), now, appointment};
  auto changed = co_await tx.query(kStatus, std::move(update));
  if (!changed) co_return std::move(changed).error();
  if (changed->affected != 1) co_return false;  // already released: nothing to give back
  if (auto r = co_await free_granules(tx, appointment); !r) co_return std::move(r).error();
  co_return true;
}

Task<Result<std::vector<Appointment>>> active_between(Executor& db, std::int64_t practitioner,
                                                      std::int64_t from, std::int64_t to) {
  co_return co_await storage::all(db, kActiveBetween, storage::bind(practitioner, from, to), read);
}

Task<Result<std::optional<View>>> find(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kFind, storage::bind(public_id), read_view);
}

Task<Result<std::optional<View>>> find_id(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kFindId, storage::bind(id), read_view);
}

Task<Result<std::vector<View>>> of_patient(Executor& db, std::int64_t account,
                                           std::optional<std::int64_t> profile) {
  if (profile)
    co_return co_await storage::all(db, kOfPatientProfile, storage::bind(account, *profile),
                                    read_view);
  co_return co_await storage::all(db, kOfPatient, storage::bind(account), read_view);
}

Task<Result<std::vector<View>>> of_practitioner(Executor& db, std::int64_t practitioner,
                                                std::int64_t from, std::int64_t to) {
  co_return co_await storage::all(db, kOfPractitioner, storage::bind(practitioner, from, to),
                                  read_view);
}

Task<Result<bool>> update_payment(Executor& db, std::int64_t appointment,
                                  const std::string& expected, const PaymentUpdate& u,
                                  std::int64_t now) {
  Params params{storage::optional(u.status),
                u.payment_state,
                storage::optional(u.saved_method),
                storage::optional(u.card_brand),
                storage::optional(u.card_last4),
                std::int64_t{u.captured_cents},
                now,
                appointment,
                expected};
  co_return co_await storage::changed_one(db, kUpdatePayment, std::move(params));
}

Task<Result<void>> set_payment_state(Executor& db, std::int64_t appointment,
                                     const std::string& from, const std::string& to,
                                     std::int64_t now) {
  co_return co_await storage::run(db, kSetPaymentState, storage::bind(to, now, appointment, from));
}

Task<Result<bool>> mark_started(Executor& db, std::int64_t appointment, std::int64_t now) {
  co_return co_await storage::changed_one(db, kMarkStarted, storage::bind(now, appointment));
}

Task<Result<void>> mark_ended(Executor& db, std::int64_t appointment, std::int64_t now) {
  co_return co_await storage::run(db, kMarkEnded, storage::bind(now, appointment));
}

Task<Result<void>> trim_granules(Executor& db, std::int64_t appointment, std::int64_t from) {
  co_return co_await storage::run(db, kTrimGranules, storage::bind(appointment, from));
}

Task<Result<std::vector<std::int64_t>>> overdue_pending(Executor& db, std::int64_t now,
                                                        std::size_t limit) {
  co_return co_await storage::all(db, kOverduePending,
                                  storage::bind(now, static_cast<std::int64_t>(limit)),
                                  [](const storage::Row& r) { return r.integer(0); });
}

Task<Result<std::optional<StoredAnswer>>> stored_answer(Executor& db, std::int64_t account,
                                                        const std::string& key) {
  co_return co_await storage::first(db, kStoredAnswer, storage::bind(account, key), read_answer);
}

Task<Result<void>> store_answer(Executor& db, std::int64_t account, const std::string& key,
                                const std::string& hash, int status, const std::string& body,
                                std::int64_t now) {
  co_return co_await storage::run(
      db, kStoreAnswer,
      storage::bind(account, key, hash, static_cast<std::int64_t>(status), body, now));
}

Task<Result<void>> forget_answers_before(Executor& db, std::int64_t before) {
  co_return co_await storage::run(db, kForgetAnswers, storage::bind(before));
}

}  // namespace cabinet::booking::store
