#include "activity/store.hpp"

#include "storage/query.hpp"

namespace cabinet::activity::store {
namespace {

using storage::Row;

constexpr std::string_view kTeleconsultations =
    "SELECT p.public_id, p.administrative FROM appointments a"
    " JOIN profiles p ON p.id = a.profile_id WHERE a.practitioner_id = $1 AND a.mode = 'video'"
    " AND a.status = 'done' AND a.start_at >= $2 AND a.start_at < $3";
constexpr std::string_view kInPersonHeld =
    "SELECT COUNT(*) FROM appointments WHERE practitioner_id = $1 AND mode = 'in_person'"
    " AND status = 'done' AND start_at >= $2 AND start_at < $3";
constexpr std::string_view kDeclared =
    "SELECT in_person FROM teleconsultation_declarations WHERE practitioner_id = $1 AND year = $2";
constexpr std::string_view kDeclare =
    "INSERT INTO teleconsultation_declarations (practitioner_id, year, in_person, updated_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (practitioner_id, year)"
    " DO UPDATE SET in_person = excluded.in_person, updated_at = excluded.updated_at";

Held held_from(const Row& r) {
  Held h;
  h.profile_public_id = r.text(0);
  if (!r.is_null(1)) h.administrative = r.bytes(1);
  return h;
}

std::int64_t first_integer(const Row& r) { return r.integer(0); }

}  // namespace

Task<Result<std::vector<Held>>> teleconsultations(Executor& db, std::int64_t practitioner,
                                                  std::int64_t from, std::int64_t to) {
  co_return co_await storage::all(db, kTeleconsultations, storage::bind(practitioner, from, to),
                                  held_from);
}

Task<Result<std::int64_t>> in_person_held(Executor& db, std::int64_t practitioner,
                                          std::int64_t from, std::int64_t to) {
  auto n = co_await storage::first(db, kInPersonHeld, storage::bind(practitioner, from, to),
                                   first_integer);
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

Task<Result<std::optional<std::int64_t>>> declared(Executor& db, std::int64_t practitioner,
                                                   int year) {
  const std::int64_t y = year;
  co_return co_await storage::first(db, kDeclared, storage::bind(practitioner, y), first_integer);
}

Task<Result<void>> declare(Executor& db, std::int64_t practitioner, int year,
                           std::int64_t in_person, std::int64_t now) {
  const std::int64_t y = year;
  co_return co_await storage::run(db, kDeclare, storage::bind(practitioner, y, in_person, now));
}

}  // namespace cabinet::activity::store
