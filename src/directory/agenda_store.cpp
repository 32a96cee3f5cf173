#include "directory/agenda_store.hpp"

#include "storage/query.hpp"

namespace cabinet::directory::store {
namespace {

using storage::optional;
using storage::Params;

constexpr std::string_view kHours =
    "SELECT weekday, mode, start_min, end_min, practitioner_id FROM opening_hours ";
constexpr std::string_view kDeleteHours = "DELETE FROM opening_hours WHERE practitioner_id = $1";
constexpr std::string_view kInsertHours =
    "INSERT INTO opening_hours (practitioner_id, weekday, mode, start_min, end_min)"
    " VALUES ($1, $2, $3, $4, $5)";

constexpr std::string_view kExceptionColumns =
    "SELECT id, public_id, practitioner_id, kind, start_at, end_at, mode, note"
    " FROM agenda_exceptions WHERE end_at > $1 AND start_at < $2 ";
constexpr std::string_view kInsertException =
    "INSERT INTO agenda_exceptions (public_id, practitioner_id, kind, start_at, end_at, mode, note,"
    " created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
constexpr std::string_view kDeleteException =
    "DELETE FROM agenda_exceptions WHERE practitioner_id = $1 AND public_id = $2";

// The booking's appointments, read here so that the directory never includes booking, which is
// built on it.
constexpr std::string_view kBusy =
    "SELECT practitioner_id, start_at, end_at FROM appointments"
    " WHERE status IN ('pending_payment', 'confirmed') AND end_at > $1";
constexpr std::string_view kBusyOf =
    "SELECT practitioner_id, start_at, end_at FROM appointments"
    " WHERE status IN ('pending_payment', 'confirmed') AND end_at > $1 AND practitioner_id = $2";
constexpr std::string_view kAgendaAppointments =
    "SELECT a.public_id, a.start_at, a.end_at, a.mode, a.status, p.first_name, p.last_name,"
    " p.birth_date, m.public_id, m.label, a.price_cents, a.payment_state, a.captured_cents"
    " FROM appointments a JOIN profiles p ON p.id = a.profile_id JOIN motifs m ON m.id = a.motif_id"
    " WHERE a.practitioner_id = $1 AND a.start_at < $3 AND a.end_at > $2"
    " AND a.status <> 'expired' ORDER BY a.start_at";

}  // namespace

Task<Result<std::vector<Hours>>> hours(Executor& db, std::optional<std::int64_t> account) {
  std::string sql(kHours);
  Params params;
  if (account) {
    sql += "WHERE practitioner_id = $1 ";
    params.emplace_back(*account);
  }
  sql += "ORDER BY practitioner_id, weekday, mode, start_min";
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Hours> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    out.push_back(Hours{static_cast<int>(r.integer(0)), r.text(1), static_cast<int>(r.integer(2)),
                        static_cast<int>(r.integer(3)), r.integer(4)});
  }
  co_return out;
}

Task<Result<void>> replace_hours(Transaction& tx, std::int64_t account,
                                 const std::vector<Hours>& hours) {
  Params args11{account};
  if (auto r = co_await storage::run(tx, kDeleteHours, std::move(args11)); !r) co_return r;
  for (const auto& h : hours) {
    Params params{account, std::int64_t{h.weekday}, h.mode, std::int64_t{h.start_min},
                  std::int64_t{h.end_min}};
    if (auto r = co_await storage::run(tx, kInsertHours, std::move(params)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<std::vector<Exception>>> exceptions(Executor& db, std::optional<std::int64_t> account,
                                                std::int64_t after, std::int64_t before) {
  std::string sql(kExceptionColumns);
  Params params{after, before};
  if (account) {
    sql += "AND practitioner_id = $3 ";
    params.emplace_back(*account);
  }
  sql += "ORDER BY practitioner_id, start_at, id";
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Exception> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Exception e;
    e.id = r.integer(0);
    e.public_id = r.text(1);
    e.practitioner_id = r.integer(2);
    e.kind = r.text(3);
    e.start_at = r.integer(4);
    e.end_at = r.integer(5);
    e.mode = r.opt_text(6);
    e.note = r.opt_text(7);
    out.push_back(std::move(e));
  }
  co_return out;
}

Task<Result<void>> insert_exception(Executor& db, const Exception& e, std::int64_t created_by,
                                    std::int64_t now) {
  Params params{e.public_id,      e.practitioner_id, e.kind,     e.start_at, e.end_at,
                optional(e.mode), optional(e.note),  created_by, now};
  co_return co_await storage::run(db, kInsertException, std::move(params));
}

Task<Result<bool>> delete_exception(Executor& db, std::int64_t account, const std::string& id) {
  Params args12{account, id};
  auto r = co_await db.query(kDeleteException, std::move(args12));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<std::vector<Busy>>> busy(Executor& db, std::optional<std::int64_t> practitioner,
                                     std::int64_t from) {
  const auto as_busy = [](const storage::Row& r) {
    return Busy{r.integer(0), r.integer(1), r.integer(2)};
  };
  if (practitioner)
    co_return co_await storage::all(db, kBusyOf, storage::bind(from, *practitioner), as_busy);
  co_return co_await storage::all(db, kBusy, storage::bind(from), as_busy);
}

Task<Result<std::vector<AgendaAppointment>>> agenda_appointments(Executor& db,
                                                                 std::int64_t practitioner,
                                                                 std::int64_t from,
                                                                 std::int64_t to) {
  co_return co_await storage::all(db, kAgendaAppointments, storage::bind(practitioner, from, to),
                                  [](const storage::Row& r) {
                                    AgendaAppointment a;
                                    a.public_id = r.text(0);
                                    a.start_at = r.integer(1);
                                    a.end_at = r.integer(2);
                                    a.mode = r.text(3);
                                    a.status = r.text(4);
                                    a.patient_first_name = r.text(5);
                                    a.patient_last_name = r.text(6);
                                    a.patient_birth_date = r.opt_text(7);
                                    a.motif_public_id = r.text(8);
                                    a.motif_label = r.text(9);
                                    a.price_cents = static_cast<int>(r.integer(10));
                                    a.payment_state = r.text(11);
                                    a.captured_cents = static_cast<int>(r.integer(12));
                                    return a;
                                  });
}

}  // namespace cabinet::directory::store
