#include "accounts_admin/store.hpp"

#include "storage/query.hpp"

namespace cabinet::accounts_admin::store {
namespace {

using storage::Row;

#define ACCOUNT_SELECT                                                                         \
  "SELECT a.id, a.public_id, a.email, a.role, a.status, a.locale, a.created_at, p.first_name," \
  " p.last_name, pr.rpps, pr.specialty, pr.status, a.suspended_at, a.suspension_reason"        \
  " FROM accounts a LEFT JOIN profiles p ON p.account_id = a.id AND p.is_holder = 1"           \
  " LEFT JOIN practitioners pr ON pr.account_id = a.id "

// $1 the query as typed (an RPPS is compared whole), $2 the LIKE pattern, $3 role, $4 status.
// lower() folds ASCII only on SQLite: accented capitals are matched as typed there.
constexpr std::string_view kSearch = ACCOUNT_SELECT
    "WHERE a.role IN ('patient', 'practitioner', 'assistant') AND a.status <> 'deleted'"
    " AND ($1 = '' OR lower(a.email) LIKE $2 ESCAPE '\\'"
    " OR lower(p.first_name || ' ' || p.last_name) LIKE $2 ESCAPE '\\'"
    " OR lower(p.last_name || ' ' || p.first_name) LIKE $2 ESCAPE '\\' OR pr.rpps = $1)"
    " AND ($3 = '' OR a.role = $3) AND ($4 = '' OR a.status = $4)"
    " ORDER BY a.created_at DESC, a.id DESC LIMIT $5 OFFSET $6";
constexpr std::string_view kByPublicId = ACCOUNT_SELECT "WHERE a.public_id = $1";
// The right-hand sides read the row as it was: the status before is the old status.
constexpr std::string_view kSuspend =
    "UPDATE accounts SET status_before_suspension = status, status = 'suspended',"
    " suspended_at = $2, suspension_reason = $3, updated_at = $2"
    " WHERE id = $1 AND status NOT IN ('suspended', 'deleted')";
constexpr std::string_view kReactivate =
    "UPDATE accounts SET status = COALESCE(status_before_suspension, 'active'),"
    " status_before_suspension = NULL, suspended_at = NULL, suspension_reason = NULL,"
    " updated_at = $2 WHERE id = $1 AND status = 'suspended'";
constexpr std::string_view kClearExtract = "DELETE FROM rpps_extract";
constexpr std::string_view kInsertExtract =
    "INSERT INTO rpps_extract (rpps, last_name, first_name, profession_code, profession,"
    " specialties, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kExtractPerson =
    "SELECT rpps, last_name, first_name, profession_code, profession, specialties"
    " FROM rpps_extract WHERE rpps = $1";
constexpr std::string_view kExtractInfo = "SELECT COUNT(*), MAX(imported_at) FROM rpps_extract";
constexpr std::string_view kOperatorLog =
    "SELECT l.id, l.at, l.actor_role, l.action, l.object, l.detail, act.public_id, act.email,"
    " obj.email FROM audit_log l LEFT JOIN accounts act ON act.id = l.actor_account_id"
    " LEFT JOIN accounts obj ON obj.public_id = l.object"
    " WHERE l.actor_role IN ('operator', 'partner_admin')"
    " ORDER BY l.id DESC LIMIT $1 OFFSET $2";

Account account_from(const Row& r) {
  Account a;
  a.id = r.integer(0);
  a.public_id = r.text(1);
  a.email = r.opt_text(2).value_or("");
  a.role = r.text(3);
  a.status = r.text(4);
  a.locale = r.text(5);
  a.created_at = r.integer(6);
  a.first_name = r.opt_text(7).value_or("");
  a.last_name = r.opt_text(8).value_or("");
  a.rpps = r.opt_text(9);
  a.specialty = r.opt_text(10);
  a.verification = r.opt_text(11);
  a.suspended_at = r.opt_integer(12);
  a.suspension_reason = r.opt_text(13);
  return a;
}

ExtractPerson person_from(const Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

ExtractInfo info_from(const Row& r) { return ExtractInfo{r.integer(0), r.opt_integer(1)}; }

LogEntry log_from(const Row& r) {
  LogEntry e;
  e.id = r.integer(0);
  e.at = r.integer(1);
  e.actor_role = r.opt_text(2).value_or("");
  e.action = r.text(3);
  e.object = r.opt_text(4).value_or("");
  e.detail = r.opt_text(5).value_or("");
  e.actor_id = r.opt_text(6);
  e.actor_email = r.opt_text(7);
  e.object_email = r.opt_text(8);
  return e;
}

// "%text%" for LIKE, its own % _ and \ escaped.
std::string contains_pattern(const std::string& q) {
  std::string out = "%";
  for (const char c : q) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  out.push_back('%');
  return out;
}

}  // namespace

Task<Result<std::vector<Account>>> search(Executor& db, const Search& s) {
  auto params = storage::bind(s.q, contains_pattern(s.q), s.role, s.status, s.limit, s.offset);
  co_return co_await storage::all(db, kSearch, std::move(params), account_from);
}

Task<Result<std::optional<Account>>> by_public_id(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kByPublicId, storage::bind(public_id), account_from);
}

Task<Result<bool>> suspend(Transaction& tx, std::int64_t account, const std::string& reason,
                           std::int64_t now) {
  co_return co_await storage::changed_one(tx, kSuspend, storage::bind(account, now, reason));
}

Task<Result<bool>> reactivate(Transaction& tx, std::int64_t account, std::int64_t now) {
  co_return co_await storage::changed_one(tx, kReactivate, storage::bind(account, now));
}

Task<Result<void>> replace_extract(Transaction& tx, const std::vector<ExtractPerson>& people,
                                   std::int64_t now) {
  storage::Params none;
  if (auto r = co_await storage::run(tx, kClearExtract, std::move(none)); !r) co_return r;
  for (const auto& p : people) {
    auto params = storage::bind(p.rpps, p.last_name, p.first_name, p.profession_code, p.profession,
                                p.specialties, now);
    if (auto r = co_await storage::run(tx, kInsertExtract, std::move(params)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<std::optional<ExtractPerson>>> extract_person(Executor& db, const std::string& rpps) {
  co_return co_await storage::first(db, kExtractPerson, storage::bind(rpps), person_from);
}

Task<Result<ExtractInfo>> extract_info(Executor& db) {
  storage::Params none;
  auto row = co_await storage::first(db, kExtractInfo, std::move(none), info_from);
  if (!row) co_return std::move(row).error();
  co_return row->value_or(ExtractInfo{});
}

Task<Result<std::vector<LogEntry>>> operator_log(Executor& db, std::int64_t limit,
                                                 std::int64_t offset) {
  co_return co_await storage::all(db, kOperatorLog, storage::bind(limit, offset), log_from);
}

}  // namespace cabinet::accounts_admin::store
