#include "stats/store.hpp"

#include "storage/query.hpp"

namespace cabinet::stats::store {
namespace {

// Unpaid holds (pending_payment, expired) were never bookings.
#define APPOINTMENTS                                                                     \
  "SELECT a.id, a.start_at, a.status, a.started_at, a.ended_at, pr.specialty"            \
  " FROM appointments a LEFT JOIN practitioners pr ON pr.account_id = a.practitioner_id" \
  " WHERE a.start_at >= $1 AND a.start_at < $2"                                          \
  " AND a.status IN ('confirmed', 'cancelled', 'no_show', 'done')"
constexpr std::string_view kAppointments = APPOINTMENTS;
constexpr std::string_view kAppointmentsOf = APPOINTMENTS " AND a.partner_id = $3";

#define PHONES                                                                      \
  "SELECT DISTINCT a.id, a.start_at FROM consultation_incidents i"                  \
  " JOIN appointments a ON a.id = i.appointment_id WHERE i.kind = 'phone_fallback'" \
  " AND a.start_at >= $1 AND a.start_at < $2"
constexpr std::string_view kPhones = PHONES;
constexpr std::string_view kPhonesOf = PHONES " AND a.partner_id = $3";

#define REPORTS                                                                                  \
  "SELECT r.appointment_id, a.start_at, r.setup_ms, r.relayed, r.audio_only FROM call_reports r" \
  " JOIN appointments a ON a.id = r.appointment_id WHERE a.start_at >= $1 AND a.start_at < $2"
constexpr std::string_view kReports = REPORTS;
constexpr std::string_view kReportsOf = REPORTS " AND a.partner_id = $3";

#define QUEUE                                                                                     \
  "SELECT e.joined_at, e.called_at FROM queue_entries e WHERE e.joined_at >= $1 AND e.joined_at " \
  "< $2"
constexpr std::string_view kQueue = QUEUE;
constexpr std::string_view kQueueOf = QUEUE " AND e.partner_id = $3";

#define DOCUMENTS                                                                              \
  "SELECT d.issued_at, d.kind FROM documents d JOIN appointments a ON a.id = d.appointment_id" \
  " WHERE d.replaces_id IS NULL AND d.issued_at >= $1 AND d.issued_at < $2"
constexpr std::string_view kDocuments = DOCUMENTS;
constexpr std::string_view kDocumentsOf = DOCUMENTS " AND a.partner_id = $3";

constexpr std::string_view kPartnerId = "SELECT id FROM partners WHERE public_id = $1";
constexpr std::string_view kPartnerPublicId = "SELECT public_id FROM partners WHERE id = $1";

constexpr std::string_view kSide =
    "SELECT id, CASE WHEN practitioner_id = $2 THEN 'practitioner' ELSE 'patient' END, status"
    " FROM appointments WHERE public_id = $1 AND (practitioner_id = $2 OR patient_account_id = $2)";
constexpr std::string_view kUpsertReport =
    "INSERT INTO call_reports (appointment_id, side, setup_ms, relayed, audio_only, reported_at)"
    " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (appointment_id, side) DO UPDATE SET"
    " relayed = CASE WHEN excluded.relayed = 1 THEN 1 ELSE call_reports.relayed END,"
    " audio_only = CASE WHEN excluded.audio_only = 1 THEN 1 ELSE call_reports.audio_only END";

storage::Params params(const Bounds& b) {
  return b.partner == 0 ? storage::bind(b.begin, b.end) : storage::bind(b.begin, b.end, b.partner);
}

}  // namespace

Task<Result<std::vector<Appointment>>> appointments(Executor& db, const Bounds& b) {
  const auto sql = b.partner == 0 ? kAppointments : kAppointmentsOf;
  co_return co_await storage::all(db, sql, params(b), [](const storage::Row& r) {
    Appointment a;
    a.id = r.integer(0);
    a.start_at = r.integer(1);
    a.status = r.text(2);
    a.started_at = r.opt_integer(3);
    a.ended_at = r.opt_integer(4);
    a.specialty = r.opt_text(5).value_or("");
    return a;
  });
}

Task<Result<std::vector<std::int64_t>>> phone_fallbacks(Executor& db, const Bounds& b) {
  const auto sql = b.partner == 0 ? kPhones : kPhonesOf;
  co_return co_await storage::all(db, sql, params(b),
                                  [](const storage::Row& r) { return r.integer(1); });
}

Task<Result<std::vector<CallReport>>> call_reports(Executor& db, const Bounds& b) {
  const auto sql = b.partner == 0 ? kReports : kReportsOf;
  co_return co_await storage::all(db, sql, params(b), [](const storage::Row& r) {
    CallReport c;
    c.appointment_id = r.integer(0);
    c.start_at = r.integer(1);
    c.setup_ms = r.integer(2);
    c.relayed = r.integer(3) != 0;
    c.audio_only = r.integer(4) != 0;
    return c;
  });
}

Task<Result<std::vector<QueueEntry>>> queue_entries(Executor& db, const Bounds& b) {
  const auto sql = b.partner == 0 ? kQueue : kQueueOf;
  co_return co_await storage::all(db, sql, params(b), [](const storage::Row& r) {
    return QueueEntry{r.integer(0), r.opt_integer(1)};
  });
}

Task<Result<std::vector<Document>>> documents(Executor& db, const Bounds& b) {
  const auto sql = b.partner == 0 ? kDocuments : kDocumentsOf;
  co_return co_await storage::all(db, sql, params(b), [](const storage::Row& r) {
    return Document{r.integer(0), r.text(1)};
  });
}

Task<Result<std::optional<std::int64_t>>> partner_id(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kPartnerId, storage::bind(public_id),
                                    [](const storage::Row& r) { return r.integer(0); });
}

Task<Result<std::optional<std::string>>> partner_public_id(Executor& db, std::int64_t id) {
  co_return co_await storage::first(db, kPartnerPublicId, storage::bind(id),
                                    [](const storage::Row& r) { return r.text(0); });
}

Task<Result<std::optional<Side>>> side_of(Executor& db, const std::string& consultation,
                                          std::int64_t account) {
  co_return co_await storage::first(db, kSide, storage::bind(consultation, account),
                                    [](const storage::Row& r) {
                                      return Side{r.integer(0), r.text(1), r.text(2)};
                                    });
}

Task<Result<void>> upsert_call_report(Executor& db, const Side& side, std::int64_t setup_ms,
                                      bool relayed, bool audio_only, std::int64_t now) {
  const std::int64_t r = relayed ? 1 : 0;
  const std::int64_t a = audio_only ? 1 : 0;
  co_return co_await storage::run(
      db, kUpsertReport, storage::bind(side.appointment_id, side.side, setup_ms, r, a, now));
}

}  // namespace cabinet::stats::store
