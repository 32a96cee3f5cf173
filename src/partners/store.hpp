#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "partners/model.hpp"
#include "storage/database.hpp"

// Every SQL statement of partners and insurers' codes (docs/operator.md "Partners").
namespace cabinet::partners::store {

using storage::Executor;
using storage::Transaction;

Task<Result<std::vector<Partner>>> all(Executor& db);
Task<Result<std::optional<Partner>>> by_public_id(Executor& db, const std::string& public_id);
Task<Result<std::optional<Partner>>> by_id(Executor& db, std::int64_t id);
Task<Result<std::int64_t>> insert(Transaction& tx, const Partner& p);
Task<Result<void>> update(Transaction& tx, const Partner& p);
// Replaces the partner's hosts; conflict when one belongs to another partner.
Task<Result<void>> set_hosts(Transaction& tx, std::int64_t partner,
                             const std::vector<std::string>& hosts);
Task<Result<void>> set_logo(Executor& db, std::int64_t partner, const std::string& png,
                            std::int64_t now);
Task<Result<std::optional<std::string>>> logo(Executor& db, const std::string& public_id);

struct HostRow {
  std::string host;
  HostEntry entry;
};
// The hosts of active partners: what the per-node table holds.
Task<Result<std::vector<HostRow>>> active_hosts(Executor& db);

struct Admin {
  std::string public_id;
  std::string email;
  std::string status;
};
Task<Result<std::vector<Admin>>> admins_of(Executor& db, std::int64_t partner);
Task<Result<void>> set_account_partner(Executor& db, std::int64_t account, std::int64_t partner);

// Tags (issue 19): what was done on a partner's host.
Task<Result<void>> tag_appointment(Executor& db, std::int64_t appointment,
                                   std::optional<std::int64_t> partner,
                                   std::optional<std::int64_t> insurer, int insurer_cents);
Task<Result<void>> tag_queue_entry(Executor& db, std::int64_t entry, std::int64_t partner);

// Activation codes.
Task<Result<void>> insert_code(Transaction& tx, std::int64_t partner, const std::string& hash,
                               std::int64_t by, std::int64_t now);
struct Code {
  std::int64_t id = 0;
  std::int64_t partner_id = 0;
  bool redeemed = false;
};
Task<Result<std::optional<Code>>> code_by_hash(Executor& db, const std::string& hash);
// false when someone redeemed it first.
Task<Result<bool>> redeem(Transaction& tx, std::int64_t code, std::int64_t account,
                          std::int64_t profile, const std::string& scope, std::int64_t now);
struct CodeCounts {
  std::int64_t issued = 0;
  std::int64_t redeemed = 0;
};
Task<Result<CodeCounts>> code_counts(Executor& db, std::int64_t partner);

// A redeemed code of an active insurer: the member's entitlement.
struct Benefit {
  std::int64_t code_id = 0;
  std::int64_t partner_id = 0;
  std::string partner_public_id;
  std::string partner_name;
  std::string scope;  // profile, family
  std::int64_t profile_id = 0;
  std::string profile_public_id;
  int quota_per_year = 0;
  int covered_percent = 100;
  std::int64_t redeemed_at = 0;
};
Task<Result<std::vector<Benefit>>> benefits_of(Executor& db, std::int64_t account);
// Serialises bookings against one entitlement (PostgreSQL: a row lock until commit).
Task<Result<void>> lock_benefit(Transaction& tx, std::int64_t code);
// Appointments covered by `partner` in [from, to), not cancelled nor expired: of the profile,
// or of the whole account when `profile` is nullopt (scope family).
Task<Result<std::int64_t>> used(Executor& db, std::int64_t partner, std::int64_t account,
                                std::optional<std::int64_t> profile, std::int64_t from,
                                std::int64_t to);

// RGPD erasure of an account: its redeemed codes stay counted, no longer linked to it.
Task<Result<void>> forget_account(Executor& db, std::int64_t account);

}  // namespace cabinet::partners::store
