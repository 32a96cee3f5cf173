#include "audit/log.hpp"

#include "crypto/keyring.hpp"

namespace cabinet::audit {
namespace {

constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";
// Any constant, the same on every node; distinct from the migrations' lock.
constexpr std::string_view kLock = "SELECT pg_advisory_xact_lock(7311620527)";
constexpr std::string_view kLast = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr std::string_view kInsert =
    "INSERT INTO audit_log (id, at, actor_account_id, actor_role, profile_id, action, object, ip,"
    " detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kPage =
    "SELECT id, at, actor_account_id, actor_role, profile_id, action, object, ip, detail,"
    " prev_hash, hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000";

void field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

std::string number(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

Stored from_row(const storage::Row& r) {
  Stored e;
  e.id = r.integer(0);
  e.at = r.integer(1);
  e.actor_account_id = r.opt_integer(2);
  e.actor_role = r.opt_text(3).value_or("");
  e.profile_id = r.opt_integer(4);
  e.action = r.text(5);
  e.object = r.opt_text(6).value_or("");
  e.ip = r.opt_text(7).value_or("");
  e.detail = r.opt_text(8).value_or("");
  e.prev_hash = r.text(9);
  e.hash = r.text(10);
  return e;
}

storage::Value text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

std::string entry_hash(const Stored& e) {
  std::string canonical;
  field(canonical, e.prev_hash);
  field(canonical, std::to_string(e.id));
  field(canonical, std::to_string(e.at));
  field(canonical, number(e.actor_account_id));
  field(canonical, e.actor_role);
  field(canonical, number(e.profile_id));
  field(canonical, e.action);
  field(canonical, e.object);
  field(canonical, e.ip);
  field(canonical, e.detail);
  return crypto::sha256_hex(canonical);
}

Task<Result<void>> Log::append(storage::Transaction& tx, const Entry& entry) const {
  if (engine_ == storage::Engine::postgres) {
    if (auto r = co_await tx.query(kLock); !r) co_return std::move(r).error();
  }
  auto last = co_await tx.query(kLast);
  if (!last) co_return std::move(last).error();
  Stored e;
  static_cast<Entry&>(e) = entry;
  e.id = last->empty() ? 1 : last->row(0).integer(0) + 1;
  e.prev_hash = last->empty() ? std::string(kGenesis) : last->row(0).text(1);
  e.at = clock_.unix_seconds();
  e.hash = entry_hash(e);
  storage::Params params{e.id,
                         e.at,
                         storage::optional(e.actor_account_id),
                         text_or_null(e.actor_role),
                         storage::optional(e.profile_id),
                         e.action,
                         text_or_null(e.object),
                         text_or_null(e.ip),
                         text_or_null(e.detail),
                         e.prev_hash,
                         e.hash};
  if (auto r = co_await tx.query(kInsert, std::move(params)); !r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<VerifyReport>> verify(storage::Database& db) {
  VerifyReport report;
  std::string previous(kGenesis);
  std::int64_t expected = 1;
  for (;;) {
    storage::Params params{expected - 1};
    auto page = co_await db.query(kPage, std::move(params));
    if (!page) co_return std::move(page).error();
    if (page->empty()) break;
    for (std::size_t i = 0; i < page->size(); ++i) {
      const Stored e = from_row(page->row(i));
      ++report.entries;
      if (e.id != expected) {
        report.first_broken = expected;
        report.reason = "entry " + std::to_string(expected) + " is missing";
        co_return report;
      }
      if (e.prev_hash != previous) {
        report.first_broken = e.id;
        report.reason =
            "entry " + std::to_string(e.id) + " does not follow entry " + std::to_string(e.id - 1);
        co_return report;
      }
      if (entry_hash(e) != e.hash) {
        report.first_broken = e.id;
        report.reason = "entry " + std::to_string(e.id) + " was altered";
        co_return report;
      }
      previous = e.hash;
      ++expected;
    }
  }
  co_return report;
}

Task<Result<std::vector<Stored>>> entries_for_profiles(storage::Database& db,
                                                       const std::vector<std::int64_t>& profile_ids,
                                                       std::int64_t limit) {
  std::vector<Stored> out;
  if (profile_ids.empty()) co_return out;
  // One placeholder per profile: an account holds a handful of profiles.
  std::string sql =
      "SELECT id, at, actor_account_id, actor_role, profile_id, action, object, ip, detail,"
      " prev_hash, hash FROM audit_log WHERE profile_id IN (";
  storage::Params params;
  for (std::size_t i = 0; i < profile_ids.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    params.emplace_back(profile_ids[i]);
  }
  sql += ") ORDER BY id DESC LIMIT $" + std::to_string(profile_ids.size() + 1);
  params.emplace_back(limit);
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(from_row(rows->row(i)));
  co_return out;
}

}  // namespace cabinet::audit
