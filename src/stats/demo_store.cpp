#include "stats/demo_store.hpp"

#include "storage/query.hpp"

namespace cabinet::stats::demo_store {
namespace {

constexpr std::string_view kAccountByEmail = "SELECT id FROM accounts WHERE email = $1";
constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (public_id, email, email_confirmed_at, phone, password_hash, role,"
    " status, locale, created_at, updated_at)"
    " VALUES ($1, $2, $3, '', NULL, 'patient', 'active', 'fr', $3, $3) RETURNING id";
constexpr std::string_view kInsertProfile =
    "INSERT INTO profiles (public_id, account_id, is_holder, first_name, last_name, birth_date,"
    " sex, relationship, created_at, updated_at)"
    " VALUES ($1, $2, 1, 'Patients', 'de démonstration', '1980-01-01', NULL, 'self', $3, $3)"
    " RETURNING id";
constexpr std::string_view kVideoMotifs =
    "SELECT m.practitioner_id, MIN(m.id) FROM motifs m"
    " JOIN practitioners pr ON pr.account_id = m.practitioner_id AND pr.status = 'verified'"
    " WHERE m.mode IN ('video', 'both') AND m.archived_at IS NULL AND m.immediate = 0"
    " GROUP BY m.practitioner_id ORDER BY m.practitioner_id LIMIT $1";
constexpr std::string_view kMotif = "SELECT duration_min, price_cents FROM motifs WHERE id = $1";
constexpr std::string_view kInsertAppointment =
    "INSERT INTO appointments (public_id, practitioner_id, patient_account_id, profile_id,"
    " motif_id, mode, start_at, end_at, status, price_cents, created_at, updated_at, started_at,"
    " ended_at, origin, cancelled_by, payment_state)"
    " VALUES ($1, $2, $3, $4, $5, 'video', $6, $7, $8, $9, $10, $10, $11, $12, $13, $14, 'none')"
    " RETURNING id";
constexpr std::string_view kInsertReport =
    "INSERT INTO call_reports (appointment_id, side, setup_ms, relayed, audio_only, reported_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kInsertPhone =
    "INSERT INTO consultation_incidents (appointment_id, kind, cause, note, actor_account_id,"
    " created_at) VALUES ($1, 'phone_fallback', 'network', NULL, $2, $3)";
constexpr std::string_view kInsertQueueEntry =
    "INSERT INTO queue_entries (public_id, specialty, account_id, profile_id, reason,"
    " commune_code, department, lat, lng, age_years, price_cents, fee_cents, state, hold_key,"
    " hold_state, practitioner_id, appointment_id, joined_at, called_at, seen_at, ended_at,"
    " end_reason, updated_at)"
    " VALUES ($1, 'general_medicine', $2, $3, $4, '75056', '75', 48.8566, 2.3522, 46, 2500, 500,"
    " $5, $6, $7, $8, $9, $10, $11, $10, $12, $13, $10)";

}  // namespace

Task<Result<std::optional<std::int64_t>>> account_by_email(Executor& db, const std::string& email) {
  co_return co_await storage::first(db, kAccountByEmail, storage::bind(email),
                                    [](const storage::Row& r) { return r.integer(0); });
}

Task<Result<std::pair<std::int64_t, std::int64_t>>> insert_account(Executor& tx,
                                                                   const std::string& public_id,
                                                                   const std::string& profile_id,
                                                                   const std::string& email,
                                                                   std::int64_t now) {
  auto account = co_await storage::insert_returning_id(tx, kInsertAccount,
                                                       storage::bind(public_id, email, now));
  if (!account) co_return std::move(account).error();
  auto profile = co_await storage::insert_returning_id(tx, kInsertProfile,
                                                       storage::bind(profile_id, *account, now));
  if (!profile) co_return std::move(profile).error();
  co_return std::make_pair(*account, *profile);
}

Task<Result<std::vector<Motif>>> video_motifs(Executor& db, std::int64_t limit) {
  auto ids =
      co_await storage::all(db, kVideoMotifs, storage::bind(limit), [](const storage::Row& r) {
        return Motif{r.integer(0), r.integer(1), 0, 0};
      });
  if (!ids) co_return std::move(ids).error();
  for (auto& m : *ids) {
    auto row = co_await storage::first(db, kMotif, storage::bind(m.id), [](const storage::Row& r) {
      return std::make_pair(r.integer(0), r.integer(1));
    });
    if (!row) co_return std::move(row).error();
    if (*row) {
      m.duration_min = (*row)->first;
      m.price_cents = (*row)->second;
    }
  }
  co_return std::move(*ids);
}

Task<Result<std::int64_t>> insert_appointment(Executor& tx, const Appointment& a) {
  const std::int64_t end = a.start + 60 * a.motif.duration_min;
  storage::Value started = nullptr;
  storage::Value ended = nullptr;
  if (a.started) started = *a.started;
  if (a.ended) ended = *a.ended;
  storage::Value cancelled_by = nullptr;
  if (a.status == "cancelled") cancelled_by = std::string("patient");
  auto params = storage::bind(a.public_id, a.motif.practitioner, a.patient, a.profile, a.motif.id,
                              a.start, end, a.status, a.motif.price_cents, a.start - 86400, started,
                              ended, a.origin, cancelled_by);
  co_return co_await storage::insert_returning_id(tx, kInsertAppointment, std::move(params));
}

Task<Result<void>> insert_call_report(Executor& tx, std::int64_t appointment, const char* side,
                                      std::int64_t setup_ms, bool relayed, bool audio_only,
                                      std::int64_t at) {
  const std::int64_t r = relayed ? 1 : 0;
  const std::int64_t a = audio_only ? 1 : 0;
  co_return co_await storage::run(
      tx, kInsertReport, storage::bind(appointment, std::string(side), setup_ms, r, a, at));
}

Task<Result<void>> insert_phone_switch(Executor& tx, std::int64_t appointment,
                                       std::int64_t practitioner, std::int64_t at) {
  co_return co_await storage::run(tx, kInsertPhone, storage::bind(appointment, practitioner, at));
}

Task<Result<void>> insert_queue_entry(Executor& tx, const QueueEntry& e) {
  const bool taken = e.called.has_value();
  storage::Value practitioner = nullptr;
  storage::Value appointment = nullptr;
  storage::Value called = nullptr;
  if (e.practitioner) practitioner = *e.practitioner;
  if (e.appointment) appointment = *e.appointment;
  if (e.called) called = *e.called;
  // A patient who left ends there; a taken one lives on as its appointment.
  storage::Value ended = nullptr;
  storage::Value reason = nullptr;
  if (!taken) {
    ended = e.joined + 600;
    reason = std::string("left");
  }
  auto params = storage::bind(e.public_id, e.account, e.profile, storage::Blob{e.sealed_reason},
                              std::string(taken ? "taken" : "left"), "demo-" + e.public_id,
                              std::string(taken ? "transferred" : "voided"), practitioner,
                              appointment, e.joined, called, ended, reason);
  co_return co_await storage::run(tx, kInsertQueueEntry, std::move(params));
}

}  // namespace cabinet::stats::demo_store
