#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/principal.hpp"
#include "storage/database.hpp"

// Every SQL statement about practitioners, their verification and their assistants.
namespace cabinet::practitioners::store {

using storage::Executor;
using storage::Transaction;

struct Practitioner {
  std::int64_t account_id = 0;
  std::string account_public_id;
  std::string rpps;
  std::string specialty;
  std::string status;  // pending, verified, rejected
  std::optional<std::string> rejection_reason;
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;
  std::string locale;
  std::int64_t created_at = 0;
};

struct Assistant {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t practitioner_id = 0;
  std::string email;
  std::optional<std::int64_t> account_id;
  std::optional<std::string> name;
  std::optional<std::int64_t> accepted_at;
};

Task<Result<void>> insert_practitioner(Transaction& tx, std::int64_t account,
                                       const std::string& rpps, const std::string& specialty,
                                       std::int64_t now);
Task<Result<std::optional<Practitioner>>> by_account(Executor& db, std::int64_t account);
Task<Result<std::optional<Practitioner>>> by_public_id(Executor& db, const std::string& public_id);
Task<Result<std::vector<Practitioner>>> by_status(Executor& db, const std::string& status);
// Records the operator's decision; false when the practitioner was no longer pending.
Task<Result<bool>> decide(Transaction& tx, std::int64_t account, const std::string& status,
                          std::int64_t operator_id, const std::optional<std::string>& reason,
                          std::int64_t now);

Task<Result<std::int64_t>> insert_assistant(Transaction& tx, const std::string& public_id,
                                            std::int64_t practitioner, const std::string& email,
                                            std::int64_t now);
Task<Result<std::vector<Assistant>>> assistants_of(Executor& db, std::int64_t practitioner);
Task<Result<std::optional<Assistant>>> assistant_by_id(Executor& db, std::int64_t id);
Task<Result<bool>> remove_assistant(Transaction& tx, std::int64_t practitioner,
                                    const std::string& public_id, std::int64_t now);
Task<Result<bool>> accept_assistant(Transaction& tx, std::int64_t assistant, std::int64_t account,
                                    std::int64_t now);
// The practitioner an assistant account works for, if the link is current.
Task<Result<std::optional<Assistant>>> assistant_link(Executor& db, std::int64_t account);
// The practitioner whose agenda `who` manages: themselves, or the one an assistant works for;
// forbidden for anyone else.
Task<Result<std::int64_t>> agenda_owner(Executor& db, const Principal& who);

}  // namespace cabinet::practitioners::store
