#include "queue/store.hpp"

#include "storage/query.hpp"

namespace cabinet::queue::store {
namespace {

using storage::Params;

#define ENTRY_SELECT                                                                             \
  "SELECT e.id, e.public_id, e.specialty, e.account_id, e.profile_id, e.reason,"                 \
  " e.commune_code, e.department, e.lat, e.lng, e.age_years, e.price_cents, e.fee_cents,"        \
  " e.state, e.skips, e.hold_key, e.hold_id, e.hold_state, e.card_brand, e.card_last4,"          \
  " e.practitioner_id, e.appointment_id, e.joined_at, e.called_at, e.seen_at, e.ended_at,"       \
  " e.end_reason, p.public_id, p.first_name, p.last_name, a.public_id, a.status"                 \
  " FROM queue_entries e JOIN profiles p ON p.id = e.profile_id"                                 \
  " LEFT JOIN appointments a ON a.id = e.appointment_id "

constexpr std::string_view kInsert =
    "INSERT INTO queue_entries (public_id, specialty, account_id, profile_id, reason,"
    " commune_code, department, lat, lng, age_years, price_cents, fee_cents, state, hold_key,"
    " joined_at, seen_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'joining', $13, $14, $14, $14)"
    " RETURNING id";
constexpr std::string_view kFind = ENTRY_SELECT "WHERE e.public_id = $1";
constexpr std::string_view kFindId = ENTRY_SELECT "WHERE e.id = $1";
constexpr std::string_view kLiveOf =
    ENTRY_SELECT "WHERE e.account_id = $1 AND e.state IN ('joining', 'waiting', 'called')"
                 " ORDER BY e.joined_at, e.id";
constexpr std::string_view kWaiting = ENTRY_SELECT
    "WHERE e.specialty = $1 AND e.state = 'waiting' ORDER BY e.joined_at, e.id";
constexpr std::string_view kInState =
    ENTRY_SELECT "WHERE e.state = $1 ORDER BY e.updated_at, e.id LIMIT $2";
constexpr std::string_view kCurrentOf = ENTRY_SELECT
    "WHERE e.practitioner_id = $1 AND e.state IN ('called', 'taken')"
    " AND a.status = 'confirmed' ORDER BY e.called_at, e.id";
constexpr std::string_view kOfAppointment = ENTRY_SELECT "WHERE e.appointment_id = $1";
constexpr std::string_view kHeld =
    "UPDATE queue_entries SET state = 'waiting', hold_id = $1, hold_state = 'held',"
    " card_brand = $2, card_last4 = $3, seen_at = $4, updated_at = $4"
    " WHERE id = $5 AND state = 'joining'";
constexpr std::string_view kEnd =
    "UPDATE queue_entries SET state = $1, end_reason = $2, ended_at = $3, updated_at = $3"
    " WHERE id = $4 AND state IN ('joining', 'waiting', 'called')";
constexpr std::string_view kSetHoldState =
    "UPDATE queue_entries SET hold_state = $1, updated_at = $2 WHERE id = $3";
constexpr std::string_view kCall =
    "UPDATE queue_entries SET state = 'called', practitioner_id = $1, appointment_id = $2,"
    " called_at = $3, updated_at = $3 WHERE id = $4 AND state = 'waiting'";
constexpr std::string_view kTaken =
    "UPDATE queue_entries SET state = 'taken', hold_state = 'transferred', updated_at = $1"
    " WHERE id = $2 AND state = 'called'";
constexpr std::string_view kSkip =
    "UPDATE queue_entries SET state = 'waiting', skips = skips + 1, practitioner_id = NULL,"
    " appointment_id = NULL, called_at = NULL, seen_at = $1, updated_at = $1"
    " WHERE id = $2 AND state = 'called'";
constexpr std::string_view kTouch =
    "UPDATE queue_entries SET seen_at = $1 WHERE id = $2 AND seen_at < $1";

constexpr std::string_view kSetDuty =
    "INSERT INTO queue_duty (practitioner_id, specialty, since) VALUES ($1, $2, $3)"
    " ON CONFLICT (practitioner_id) DO UPDATE SET specialty = excluded.specialty";
constexpr std::string_view kClearDuty = "DELETE FROM queue_duty WHERE practitioner_id = $1";
#define DUTY_SELECT                                                                         \
  "SELECT d.practitioner_id, d.specialty, d.since, pp.department, pp.lat, pp.lng"           \
  " FROM queue_duty d JOIN practitioner_profiles pp ON pp.account_id = d.practitioner_id "
constexpr std::string_view kDutyOf = DUTY_SELECT "WHERE d.practitioner_id = $1";
constexpr std::string_view kOnDuty =
    DUTY_SELECT "WHERE d.specialty = $1 ORDER BY d.since, d.practitioner_id";
constexpr std::string_view kDutyCounts =
    "SELECT specialty, COUNT(*) FROM queue_duty GROUP BY specialty";
constexpr std::string_view kWaitingCounts =
    "SELECT specialty, COUNT(*) FROM queue_entries WHERE state = 'waiting' GROUP BY specialty";
constexpr std::string_view kPractitioner =
    "SELECT pr.account_id, pr.status, pr.specialty, pp.video, pp.department, pp.lat, pp.lng,"
    " pp.timezone FROM practitioners pr"
    " LEFT JOIN practitioner_profiles pp ON pp.account_id = pr.account_id"
    " WHERE pr.account_id = $1";
constexpr std::string_view kImmediateMotif =
    "SELECT id, public_id, label, duration_min, price_cents FROM motifs"
    " WHERE practitioner_id = $1 AND immediate = 1 ORDER BY id DESC LIMIT 1";
constexpr std::string_view kAddMotif =
    "INSERT INTO motifs (public_id, practitioner_id, label, duration_min, mode, price_cents,"
    " position, archived_at, created_at, immediate, label_en)"
    " VALUES ($1, $2, $3, $4, 'video', $5, 0, $6, $6, 1, $7) RETURNING id";
constexpr std::string_view kMotifPrice = "UPDATE motifs SET price_cents = $1 WHERE id = $2";
constexpr std::string_view kServiceTimes =
    "SELECT a.ended_at - a.started_at FROM appointments a"
    " JOIN practitioners pr ON pr.account_id = a.practitioner_id"
    " WHERE a.origin = 'queue' AND a.status = 'done' AND pr.specialty = $1"
    " AND a.started_at IS NOT NULL AND a.ended_at IS NOT NULL"
    " ORDER BY a.ended_at DESC LIMIT $2";

Entry read(const storage::Row& r) {
  Entry e;
  e.id = r.integer(0);
  e.public_id = r.text(1);
  e.specialty = r.text(2);
  e.account_id = r.integer(3);
  e.profile_id = r.integer(4);
  e.sealed_reason = r.bytes(5);
  e.commune_code = r.text(6);
  e.department = r.text(7);
  e.lat = r.real(8);
  e.lng = r.real(9);
  e.age_years = static_cast<int>(r.integer(10));
  e.price_cents = static_cast<int>(r.integer(11));
  e.fee_cents = static_cast<int>(r.integer(12));
  e.state = r.text(13);
  e.skips = static_cast<int>(r.integer(14));
  e.hold_key = r.text(15);
  e.hold_id = r.opt_text(16);
  e.hold_state = r.text(17);
  e.card_brand = r.opt_text(18);
  e.card_last4 = r.opt_text(19);
  e.practitioner_id = r.opt_integer(20);
  e.appointment_id = r.opt_integer(21);
  e.joined_at = r.integer(22);
  e.called_at = r.opt_integer(23);
  e.seen_at = r.integer(24);
  e.ended_at = r.opt_integer(25);
  e.end_reason = r.opt_text(26);
  e.profile_public_id = r.text(27);
  e.first_name = r.text(28);
  e.last_name = r.text(29);
  e.appointment_public_id = r.opt_text(30);
  e.appointment_status = r.opt_text(31);
  return e;
}

Duty read_duty(const storage::Row& r) {
  Duty d;
  d.practitioner_id = r.integer(0);
  d.specialty = r.text(1);
  d.since = r.integer(2);
  d.department = r.text(3);
  d.lat = r.is_null(4) ? 0.0 : r.real(4);
  d.lng = r.is_null(5) ? 0.0 : r.real(5);
  return d;
}

std::pair<std::string, int> read_count(const storage::Row& r) {
  return {r.text(0), static_cast<int>(r.integer(1))};
}

}  // namespace

Task<Result<std::int64_t>> insert(Executor& db, const Entry& e, std::int64_t now) {
  Params row{e.public_id,
             e.specialty,
             e.account_id,
             e.profile_id,
             storage::blob(e.sealed_reason),
             e.commune_code,
             e.department,
             e.lat,
             e.lng,
             std::int64_t{e.age_years},
             std::int64_t{e.price_cents},
             std::int64_t{e.fee_cents},
             e.hold_key,
             now};
  co_return co_await storage::insert_returning_id(db, kInsert, std::move(row));
}

Task<Result<std::optional<Entry>>> find(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kFind, storage::bind(public_id), read);
}

Task<Result<std::optional<Entry>>> find_id(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kFindId, storage::bind(id), read);
}

Task<Result<std::vector<Entry>>> live_of(Executor& db, std::int64_t account) {
  co_return co_await storage::all(db, kLiveOf, storage::bind(account), read);
}

Task<Result<std::vector<Entry>>> waiting(Executor& db, const std::string& specialty) {
  co_return co_await storage::all(db, kWaiting, storage::bind(specialty), read);
}

Task<Result<std::vector<Entry>>> in_state(Executor& db, const std::string& state,
                                          std::size_t limit) {
  co_return co_await storage::all(db, kInState,
                                  storage::bind(state, static_cast<std::int64_t>(limit)), read);
}

Task<Result<std::vector<Entry>>> current_of(Executor& db, std::int64_t practitioner) {
  co_return co_await storage::all(db, kCurrentOf, storage::bind(practitioner), read);
}

Task<Result<bool>> held(Executor& db, std::int64_t id, const std::string& hold_id,
                        const std::string& brand, const std::string& last4, std::int64_t now) {
  co_return co_await storage::changed_one(db, kHeld, storage::bind(hold_id, brand, last4, now, id));
}

Task<Result<bool>> end(Executor& db, std::int64_t id, const std::string& state,
                       const std::string& reason, std::int64_t now) {
  co_return co_await storage::changed_one(db, kEnd, storage::bind(state, reason, now, id));
}

Task<Result<void>> set_hold_state(Executor& db, std::int64_t id, const std::string& state,
                                  std::int64_t now) {
  co_return co_await storage::run(db, kSetHoldState, storage::bind(state, now, id));
}

Task<Result<bool>> call(Executor& db, std::int64_t id, std::int64_t practitioner,
                        std::int64_t appointment, std::int64_t now) {
  co_return co_await storage::changed_one(db, kCall,
                                          storage::bind(practitioner, appointment, now, id));
}

Task<Result<bool>> taken(Executor& db, std::int64_t id, std::int64_t now) {
  co_return co_await storage::changed_one(db, kTaken, storage::bind(now, id));
}

Task<Result<bool>> skip(Executor& db, std::int64_t id, std::int64_t now) {
  co_return co_await storage::changed_one(db, kSkip, storage::bind(now, id));
}

Task<Result<std::optional<Entry>>> of_appointment(Executor& db, std::int64_t appointment) {
  co_return co_await storage::first(db, kOfAppointment, storage::bind(appointment), read);
}

Task<Result<void>> touch(Executor& db, const std::vector<std::int64_t>& ids, std::int64_t now) {
  for (const auto id : ids) {
    if (auto r = co_await storage::run(db, kTouch, storage::bind(now, id)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<void>> set_duty(Executor& db, std::int64_t practitioner, const std::string& specialty,
                            std::int64_t now) {
  co_return co_await storage::run(db, kSetDuty, storage::bind(practitioner, specialty, now));
}

Task<Result<void>> clear_duty(Executor& db, std::int64_t practitioner) {
  co_return co_await storage::run(db, kClearDuty, storage::bind(practitioner));
}

Task<Result<std::optional<Duty>>> duty_of(Executor& db, std::int64_t practitioner) {
  co_return co_await storage::first(db, kDutyOf, storage::bind(practitioner), read_duty);
}

Task<Result<std::vector<Duty>>> on_duty(Executor& db, const std::string& specialty) {
  co_return co_await storage::all(db, kOnDuty, storage::bind(specialty), read_duty);
}

Task<Result<std::vector<std::pair<std::string, int>>>> duty_counts(Executor& db) {
  Params none;
  co_return co_await storage::all(db, kDutyCounts, std::move(none), read_count);
}

Task<Result<std::vector<std::pair<std::string, int>>>> waiting_counts(Executor& db) {
  Params none;
  co_return co_await storage::all(db, kWaitingCounts, std::move(none), read_count);
}

Task<Result<std::optional<Practitioner>>> practitioner(Executor& db, std::int64_t account) {
  co_return co_await storage::first(
      db, kPractitioner, storage::bind(account), [](const storage::Row& r) {
        Practitioner p;
        p.account_id = r.integer(0);
        p.status = r.text(1);
        p.specialty = r.text(2);
        p.video = !r.is_null(3) && r.integer(3) != 0;
        p.department = r.opt_text(4);
        if (!r.is_null(5)) p.lat = r.real(5);
        if (!r.is_null(6)) p.lng = r.real(6);
        p.timezone = r.opt_text(7).value_or("Europe/Paris");
        return p;
      });
}

Task<Result<std::optional<Motif>>> immediate_motif(Executor& db, std::int64_t practitioner) {
  co_return co_await storage::first(db, kImmediateMotif, storage::bind(practitioner),
                                    [](const storage::Row& r) {
                                      Motif m;
                                      m.id = r.integer(0);
                                      m.public_id = r.text(1);
                                      m.label = r.text(2);
                                      m.duration_min = static_cast<int>(r.integer(3));
                                      m.price_cents = static_cast<int>(r.integer(4));
                                      return m;
                                    });
}

Task<Result<std::int64_t>> add_immediate_motif(Executor& db, std::int64_t practitioner,
                                               const Motif& m, std::int64_t now) {
  Params row{m.public_id,
             practitioner,
             m.label,
             std::int64_t{m.duration_min},
             std::int64_t{m.price_cents},
             now,
             std::string("Immediate consultation")};
  co_return co_await storage::insert_returning_id(db, kAddMotif, std::move(row));
}

Task<Result<void>> set_motif_price(Executor& db, std::int64_t motif, int price_cents) {
  const std::int64_t price = price_cents;
  co_return co_await storage::run(db, kMotifPrice, storage::bind(price, motif));
}

Task<Result<std::vector<std::int64_t>>> service_times(Executor& db, const std::string& specialty,
                                                      std::size_t limit) {
  co_return co_await storage::all(db, kServiceTimes,
                                  storage::bind(specialty, static_cast<std::int64_t>(limit)),
                                  [](const storage::Row& r) { return r.integer(0); });
}

}  // namespace cabinet::queue::store
