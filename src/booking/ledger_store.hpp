#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The ledger of card authorizations (payment_holds; docs/payments.md): one row per attempt to
// hold, so that a retried confirmation finds its earlier attempt and reconciliation finds what
// to void.
namespace cabinet::booking::store {

using storage::Executor;

struct LedgerRow {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::string idempotency_key;
  std::string method;
  int amount_cents = 0;
  std::string state;  // authorizing, held, failed, captured, voided
  std::optional<std::string> hold_id;
  std::string appointment_status;
};
// Inserts an 'authorizing' row for `key`; when the key exists already, returns that row.
Task<Result<LedgerRow>> begin_authorization(Executor& db, std::int64_t appointment,
                                            const std::string& provider, const std::string& key,
                                            const std::string& method, int amount,
                                            std::int64_t now);
// Marks a refused authorization failed and frees its key: the next attempt is a new one.
Task<Result<void>> forget_ledger(Executor& db, std::int64_t row, std::int64_t now);
Task<Result<void>> set_ledger(Executor& db, std::int64_t row, const std::string& state,
                              const std::optional<std::string>& hold_id, std::int64_t now);
// The live hold of an appointment ('held'), if any.
Task<Result<std::optional<LedgerRow>>> live_hold(Executor& db, std::int64_t appointment);
// Rows reconciliation must void: held for an appointment that is not confirmed, or left
// authorizing for longer than `stale` seconds.
Task<Result<std::vector<LedgerRow>>> orphans(Executor& db, std::int64_t now, std::int64_t stale,
                                             std::size_t limit);

}  // namespace cabinet::booking::store
