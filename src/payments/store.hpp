#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "payments/provider.hpp"
#include "storage/database.hpp"

// Every SQL statement of the sandbox payment provider: its saved test cards and its holds
// (STYLE.md "SQL: owned by the store").
namespace cabinet::payments::store {

using storage::Executor;

struct SandboxMethod {
  SavedMethod method;
  std::string token;  // the test card it stands for
};

Task<Result<std::optional<SandboxMethod>>> method_by_public_id(Executor& db,
                                                               const std::string& public_id);
Task<Result<std::optional<SandboxMethod>>> method_by_idempotency_key(Executor& db,
                                                                     const std::string& key);
// Fails with conflict when the idempotency key is taken.
Task<Result<void>> insert_method(Executor& db, const SandboxMethod& m, const std::string& key,
                                 std::int64_t now);

Task<Result<std::optional<Hold>>> hold_by_public_id(Executor& db, const std::string& public_id);
Task<Result<std::optional<Hold>>> hold_by_idempotency_key(Executor& db, const std::string& key);
// An authorized hold; fails with conflict when the idempotency key is taken.
Task<Result<void>> insert_hold(Executor& db, const Hold& h, const std::string& key,
                               std::int64_t now);
// Captures `amount_cents` of a hold still authorized, unexpired at `now` and at least that
// large; false when one of these does not hold.
Task<Result<bool>> capture_hold(Executor& db, const std::string& public_id, int amount_cents,
                                std::int64_t now);
// Voids the hold if it is still authorized.
Task<Result<void>> void_hold(Executor& db, const std::string& public_id, std::int64_t now);

}  // namespace cabinet::payments::store
