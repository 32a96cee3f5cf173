#include "audit/log.hpp"

#include "audit/store.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::audit {
namespace {

constexpr std::string_view kGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

void field(std::string& out, std::string_view value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

std::string number(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; }

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
    if (auto r = co_await store::lock_chain(tx); !r) co_return r;
  }
  auto last = co_await store::chain_end(tx);
  if (!last) co_return std::move(last).error();
  Stored e;
  static_cast<Entry&>(e) = entry;
  e.id = *last ? (*last)->id + 1 : 1;
  e.prev_hash = *last ? (*last)->hash : std::string(kGenesis);
  e.at = clock_.unix_seconds();
  e.hash = entry_hash(e);
  co_return co_await store::insert_entry(tx, e);
}

Task<Result<VerifyReport>> verify(storage::Database& db) {
  VerifyReport report;
  std::string previous(kGenesis);
  std::int64_t expected = 1;
  for (;;) {
    auto page = co_await store::entries_after(db, expected - 1);
    if (!page) co_return std::move(page).error();
    if (page->empty()) break;
    for (const Stored& e : *page) {
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
  co_return co_await store::entries_for_profiles(db, profile_ids, limit);
}

}  // namespace cabinet::audit
