#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts_admin/rpps.hpp"
#include "storage/database.hpp"

// Every SQL statement of the operator's account tools (docs/operator.md "Accounts").
namespace cabinet::accounts_admin::store {

using storage::Executor;
using storage::Transaction;

// An account as the operator sees it: who, never what they consulted for.
struct Account {
  std::int64_t id = 0;
  std::string public_id;
  std::string email;
  std::string role;
  std::string status;
  std::string locale;
  std::int64_t created_at = 0;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> rpps;
  std::optional<std::string> specialty;
  std::optional<std::string> verification;  // practitioners: pending, verified, rejected
  std::optional<std::int64_t> suspended_at;
  std::optional<std::string> suspension_reason;
};

struct Search {
  std::string q;       // name, email or RPPS; empty: everyone
  std::string role;    // patient, practitioner, assistant; empty: all three
  std::string status;  // active, pending, suspended, rejected; empty: all but deleted
  std::int64_t limit = 20;
  std::int64_t offset = 0;
};

Task<Result<std::vector<Account>>> search(Executor& db, const Search& s);
Task<Result<std::optional<Account>>> by_public_id(Executor& db, const std::string& public_id);
// False when the account was already suspended (or deleted).
Task<Result<bool>> suspend(Transaction& tx, std::int64_t account, const std::string& reason,
                           std::int64_t now);
// False when the account was not suspended. Gives back the status it had before.
Task<Result<bool>> reactivate(Transaction& tx, std::int64_t account, std::int64_t now);

// The RPPS extract, replaced whole.
Task<Result<void>> replace_extract(Transaction& tx, const std::vector<ExtractPerson>& people,
                                   std::int64_t now);
Task<Result<std::optional<ExtractPerson>>> extract_person(Executor& db, const std::string& rpps);
struct ExtractInfo {
  std::int64_t people = 0;
  std::optional<std::int64_t> imported_at;
};
Task<Result<ExtractInfo>> extract_info(Executor& db);

// The operator log: audit entries whose actor is an operator (or a partner administrator).
struct LogEntry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string actor_role;
  std::string action;
  std::string object;
  std::string detail;
  std::optional<std::string> actor_id;
  std::optional<std::string> actor_email;
  std::optional<std::string> object_email;  // when the object is an account
};
Task<Result<std::vector<LogEntry>>> operator_log(Executor& db, std::int64_t limit,
                                                 std::int64_t offset);

}  // namespace cabinet::accounts_admin::store
