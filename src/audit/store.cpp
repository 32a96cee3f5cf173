#include "audit/store.hpp"

#include "storage/query.hpp"

namespace cabinet::audit::store {
namespace {

using storage::Params;

// Any constant, the same on every node; distinct from the migrations' lock.
constexpr std::string_view kLockChain = "SELECT pg_advisory_xact_lock(7311620527)";
constexpr std::string_view kChainEnd = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
constexpr std::string_view kInsertEntry =
    "INSERT INTO audit_log (id, at, actor_account_id, actor_role, profile_id, action, object, ip,"
    " detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";
constexpr std::string_view kEntriesAfter =
    "SELECT id, at, actor_account_id, actor_role, profile_id, action, object, ip, detail,"
    " prev_hash, hash FROM audit_log WHERE id > $1 ORDER BY id LIMIT 1000";
// Followed by one placeholder per profile, "($1, $2, …)", then the limit's.
constexpr std::string_view kEntriesForProfiles =
    "SELECT id, at, actor_account_id, actor_role, profile_id, action, object, ip, detail,"
    " prev_hash, hash FROM audit_log WHERE profile_id IN (";

Stored entry_from(const storage::Row& r) {
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

ChainEnd chain_end_from(const storage::Row& r) { return {r.integer(0), r.text(1)}; }

storage::Value text_or_null(const std::string& s) {
  if (s.empty()) return nullptr;
  return s;
}

}  // namespace

Task<Result<void>> lock_chain(Transaction& tx) {
  Params none;
  co_return co_await storage::run(tx, kLockChain, std::move(none));
}

Task<Result<std::optional<ChainEnd>>> chain_end(Transaction& tx) {
  Params none;
  co_return co_await storage::first(tx, kChainEnd, std::move(none), chain_end_from);
}

Task<Result<void>> insert_entry(Transaction& tx, const Stored& e) {
  Params params{e.id,
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
  co_return co_await storage::run(tx, kInsertEntry, std::move(params));
}

Task<Result<std::vector<Stored>>> entries_after(Executor& db, std::int64_t after) {
  Params params{after};
  co_return co_await storage::all(db, kEntriesAfter, std::move(params), entry_from);
}

Task<Result<std::vector<Stored>>> entries_for_profiles(Executor& db,
                                                       const std::vector<std::int64_t>& profile_ids,
                                                       std::int64_t limit) {
  if (profile_ids.empty()) co_return std::vector<Stored>{};
  // One placeholder per profile: an account holds a handful of profiles.
  std::string sql(kEntriesForProfiles);
  Params params;
  for (std::size_t i = 0; i < profile_ids.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    params.emplace_back(profile_ids[i]);
  }
  sql += ") ORDER BY id DESC LIMIT $" + std::to_string(profile_ids.size() + 1);
  params.emplace_back(limit);
  co_return co_await storage::all(db, sql, std::move(params), entry_from);
}

}  // namespace cabinet::audit::store
