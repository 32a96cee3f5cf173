#include "partners/store.hpp"

#include "storage/query.hpp"

namespace cabinet::partners::store {
namespace {

using storage::Params;

#define PARTNER_SELECT                                                                        \
  "SELECT id, public_id, name, kind, status, CASE WHEN logo IS NULL THEN 0 ELSE 1 END,"       \
  " color_primary, color_accent,"                                                             \
  " contact_email, contact_phone, legal_notice, terms, privacy, quota_per_year, quota_scope," \
  " covered_percent, created_at, updated_at FROM partners "

constexpr std::string_view kAll = PARTNER_SELECT "ORDER BY name, id";
constexpr std::string_view kByPublicId = PARTNER_SELECT "WHERE public_id = $1";
constexpr std::string_view kById = PARTNER_SELECT "WHERE id = $1";
constexpr std::string_view kHostsOf =
    "SELECT host FROM partner_hosts WHERE partner_id = $1 ORDER BY host";
constexpr std::string_view kInsert =
    "INSERT INTO partners (public_id, name, kind, status, color_primary, color_accent,"
    " contact_email, contact_phone, legal_notice, terms, privacy, quota_per_year, quota_scope,"
    " covered_percent, created_at, updated_at)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)"
    " RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE partners SET name = $1, kind = $2, status = $3, color_primary = $4,"
    " color_accent = $5, contact_email = $6, contact_phone = $7, legal_notice = $8, terms = $9,"
    " privacy = $10, quota_per_year = $11, quota_scope = $12, covered_percent = $13,"
    " updated_at = $14 WHERE id = $15";
constexpr std::string_view kDeleteHosts = "DELETE FROM partner_hosts WHERE partner_id = $1";
constexpr std::string_view kInsertHost =
    "INSERT INTO partner_hosts (host, partner_id) VALUES ($1, $2)";
constexpr std::string_view kSetLogo =
    "UPDATE partners SET logo = $1, updated_at = $2 WHERE id = $3";
constexpr std::string_view kLogo =
    "SELECT logo FROM partners WHERE public_id = $1 AND logo IS NOT NULL";
constexpr std::string_view kActiveHosts =
    "SELECT h.host, p.id, p.public_id FROM partner_hosts h JOIN partners p ON p.id = h.partner_id"
    " WHERE p.status = 'active'";
constexpr std::string_view kAdmins =
    "SELECT public_id, email, status FROM accounts WHERE role = 'operator' AND partner_id = $1"
    " ORDER BY email";
constexpr std::string_view kSetAccountPartner = "UPDATE accounts SET partner_id = $1 WHERE id = $2";
constexpr std::string_view kTagAppointment =
    "UPDATE appointments SET partner_id = $1, insurer_partner_id = $2, insurer_cents = $3"
    " WHERE id = $4";
constexpr std::string_view kTagQueueEntry =
    "UPDATE queue_entries SET partner_id = $1 WHERE id = $2";
constexpr std::string_view kInsertCode =
    "INSERT INTO insurer_codes (partner_id, code_hash, created_at, created_by)"
    " VALUES ($1, $2, $3, $4)";
constexpr std::string_view kCodeByHash =
    "SELECT id, partner_id, CASE WHEN redeemed_at IS NULL THEN 0 ELSE 1 END FROM insurer_codes"
    " WHERE code_hash = $1";
constexpr std::string_view kRedeem =
    "UPDATE insurer_codes SET redeemed_at = $1, account_id = $2, profile_id = $3, scope = $4"
    " WHERE id = $5 AND redeemed_at IS NULL";
constexpr std::string_view kCodeCounts =
    "SELECT COUNT(*), COUNT(redeemed_at) FROM insurer_codes WHERE partner_id = $1";
constexpr std::string_view kBenefits =
    "SELECT c.id, p.id, p.public_id, p.name, c.scope, c.profile_id, pr.public_id,"
    " p.quota_per_year, p.covered_percent, c.redeemed_at"
    " FROM insurer_codes c JOIN partners p ON p.id = c.partner_id"
    " JOIN profiles pr ON pr.id = c.profile_id"
    " WHERE c.account_id = $1 AND p.status = 'active' AND p.kind = 'insurer'"
    " ORDER BY c.redeemed_at, c.id";
constexpr std::string_view kLockBenefit =
    "UPDATE insurer_codes SET redeemed_at = redeemed_at WHERE id = $1";
constexpr std::string_view kUsedProfile =
    "SELECT COUNT(*) FROM appointments WHERE insurer_partner_id = $1 AND patient_account_id = $2"
    " AND profile_id = $3 AND start_at >= $4 AND start_at < $5"
    " AND status NOT IN ('cancelled', 'expired')";
constexpr std::string_view kUsedFamily =
    "SELECT COUNT(*) FROM appointments WHERE insurer_partner_id = $1 AND patient_account_id = $2"
    " AND start_at >= $3 AND start_at < $4 AND status NOT IN ('cancelled', 'expired')";
constexpr std::string_view kForget =
    "UPDATE insurer_codes SET account_id = NULL, profile_id = NULL WHERE account_id = $1";

Partner read(const storage::Row& r) {
  Partner p;
  p.id = r.integer(0);
  p.public_id = r.text(1);
  p.name = r.text(2);
  p.kind = r.text(3);
  p.status = r.text(4);
  p.has_logo = r.integer(5) != 0;
  p.color_primary = r.text(6);
  p.color_accent = r.text(7);
  p.contact_email = r.text(8);
  p.contact_phone = r.text(9);
  p.legal_notice = r.text(10);
  p.terms = r.text(11);
  p.privacy = r.text(12);
  p.quota_per_year = static_cast<int>(r.integer(13));
  p.quota_scope = r.text(14);
  p.covered_percent = static_cast<int>(r.integer(15));
  p.created_at = r.integer(16);
  p.updated_at = r.integer(17);
  return p;
}

Task<Result<void>> with_hosts(Executor& db, Partner& p) {
  auto hosts = co_await storage::all(db, kHostsOf, storage::bind(p.id),
                                     [](const storage::Row& r) { return r.text(0); });
  if (!hosts) co_return std::move(hosts).error();
  p.hosts = std::move(*hosts);
  co_return ok();
}

Task<Result<std::optional<Partner>>> one(Executor& db, std::string_view sql, Params params) {
  auto found = co_await storage::first(db, sql, std::move(params), read);
  if (!found) co_return std::move(found).error();
  if (*found) {
    if (auto r = co_await with_hosts(db, **found); !r) co_return std::move(r).error();
  }
  co_return std::move(*found);
}

Params partner_fields(const Partner& p) {
  return storage::bind(p.name, p.kind, p.status, p.color_primary, p.color_accent, p.contact_email,
                       p.contact_phone, p.legal_notice, p.terms, p.privacy,
                       std::int64_t{p.quota_per_year}, p.quota_scope,
                       std::int64_t{p.covered_percent});
}

}  // namespace

Task<Result<std::vector<Partner>>> all(Executor& db) {
  Params none;
  auto rows = co_await storage::all(db, kAll, std::move(none), read);
  if (!rows) co_return std::move(rows).error();
  for (auto& p : *rows) {
    if (auto r = co_await with_hosts(db, p); !r) co_return std::move(r).error();
  }
  co_return std::move(*rows);
}

Task<Result<std::optional<Partner>>> by_public_id(Executor& db, const std::string& public_id) {
  co_return co_await one(db, kByPublicId, storage::bind(public_id));
}

Task<Result<std::optional<Partner>>> by_id(Executor& db, std::int64_t id) {
  co_return co_await one(db, kById, storage::bind(id));
}

Task<Result<std::int64_t>> insert(Transaction& tx, const Partner& p) {
  Params params = storage::bind(p.public_id);
  for (auto& v : partner_fields(p)) params.push_back(std::move(v));
  params.emplace_back(p.created_at);
  co_return co_await storage::insert_returning_id(tx, kInsert, std::move(params));
}

Task<Result<void>> update(Transaction& tx, const Partner& p) {
  Params params = partner_fields(p);
  params.emplace_back(p.updated_at);
  params.emplace_back(p.id);
  co_return co_await storage::run(tx, kUpdate, std::move(params));
}

Task<Result<void>> set_hosts(Transaction& tx, std::int64_t partner,
                             const std::vector<std::string>& hosts) {
  if (auto r = co_await storage::run(tx, kDeleteHosts, storage::bind(partner)); !r) co_return r;
  for (const auto& h : hosts) {
    if (auto r = co_await storage::run(tx, kInsertHost, storage::bind(h, partner)); !r) co_return r;
  }
  co_return ok();
}

Task<Result<void>> set_logo(Executor& db, std::int64_t partner, const std::string& png,
                            std::int64_t now) {
  co_return co_await storage::run(db, kSetLogo, storage::bind(storage::blob(png), now, partner));
}

Task<Result<std::optional<std::string>>> logo(Executor& db, const std::string& public_id) {
  co_return co_await storage::first(db, kLogo, storage::bind(public_id),
                                    [](const storage::Row& r) { return r.bytes(0); });
}

Task<Result<std::vector<HostRow>>> active_hosts(Executor& db) {
  co_return co_await storage::all(db, kActiveHosts, Params{}, [](const storage::Row& r) {
    return HostRow{r.text(0), HostEntry{r.integer(1), r.text(2)}};
  });
}

Task<Result<std::vector<Admin>>> admins_of(Executor& db, std::int64_t partner) {
  co_return co_await storage::all(db, kAdmins, storage::bind(partner), [](const storage::Row& r) {
    return Admin{r.text(0), r.text(1), r.text(2)};
  });
}

Task<Result<void>> set_account_partner(Executor& db, std::int64_t account, std::int64_t partner) {
  co_return co_await storage::run(db, kSetAccountPartner, storage::bind(partner, account));
}

Task<Result<void>> tag_appointment(Executor& db, std::int64_t appointment,
                                   std::optional<std::int64_t> partner,
                                   std::optional<std::int64_t> insurer, int insurer_cents) {
  const storage::Value p = partner ? storage::Value(*partner) : storage::null();
  const storage::Value i = insurer ? storage::Value(*insurer) : storage::null();
  const std::int64_t cents = insurer_cents;
  auto params = storage::bind(p, i, cents, appointment);
  co_return co_await storage::run(db, kTagAppointment, std::move(params));
}

Task<Result<void>> tag_queue_entry(Executor& db, std::int64_t entry, std::int64_t partner) {
  co_return co_await storage::run(db, kTagQueueEntry, storage::bind(partner, entry));
}

Task<Result<void>> insert_code(Transaction& tx, std::int64_t partner, const std::string& hash,
                               std::int64_t by, std::int64_t now) {
  co_return co_await storage::run(tx, kInsertCode, storage::bind(partner, hash, now, by));
}

Task<Result<std::optional<Code>>> code_by_hash(Executor& db, const std::string& hash) {
  co_return co_await storage::first(db, kCodeByHash, storage::bind(hash),
                                    [](const storage::Row& r) {
                                      return Code{r.integer(0), r.integer(1), r.integer(2) != 0};
                                    });
}

Task<Result<bool>> redeem(Transaction& tx, std::int64_t code, std::int64_t account,
                          std::int64_t profile, const std::string& scope, std::int64_t now) {
  co_return co_await storage::changed_one(tx, kRedeem,
                                          storage::bind(now, account, profile, scope, code));
}

Task<Result<CodeCounts>> code_counts(Executor& db, std::int64_t partner) {
  auto row =
      co_await storage::first(db, kCodeCounts, storage::bind(partner), [](const storage::Row& r) {
        return CodeCounts{r.integer(0), r.integer(1)};
      });
  if (!row) co_return std::move(row).error();
  co_return row->value_or(CodeCounts{});
}

Task<Result<std::vector<Benefit>>> benefits_of(Executor& db, std::int64_t account) {
  co_return co_await storage::all(db, kBenefits, storage::bind(account), [](const storage::Row& r) {
    Benefit b;
    b.code_id = r.integer(0);
    b.partner_id = r.integer(1);
    b.partner_public_id = r.text(2);
    b.partner_name = r.text(3);
    b.scope = r.text(4);
    b.profile_id = r.integer(5);
    b.profile_public_id = r.text(6);
    b.quota_per_year = static_cast<int>(r.integer(7));
    b.covered_percent = static_cast<int>(r.integer(8));
    b.redeemed_at = r.integer(9);
    return b;
  });
}

Task<Result<void>> lock_benefit(Transaction& tx, std::int64_t code) {
  co_return co_await storage::run(tx, kLockBenefit, storage::bind(code));
}

Task<Result<std::int64_t>> used(Executor& db, std::int64_t partner, std::int64_t account,
                                std::optional<std::int64_t> profile, std::int64_t from,
                                std::int64_t to) {
  Params params = profile ? storage::bind(partner, account, *profile, from, to)
                          : storage::bind(partner, account, from, to);
  const auto sql = profile ? kUsedProfile : kUsedFamily;
  auto n = co_await storage::first(db, sql, std::move(params),
                                   [](const storage::Row& r) { return r.integer(0); });
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

Task<Result<void>> forget_account(Executor& db, std::int64_t account) {
  co_return co_await storage::run(db, kForget, storage::bind(account));
}

}  // namespace cabinet::partners::store
