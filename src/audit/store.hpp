#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "audit/log.hpp"
#include "storage/database.hpp"

// Every SQL statement of the audit log (STYLE.md "SQL: owned by the store").
namespace cabinet::audit::store {

using storage::Executor;
using storage::Transaction;

// The newest entry: the next one's id follows it and its hash is the next prev_hash.
struct ChainEnd {
  std::int64_t id = 0;
  std::string hash;
};

// PostgreSQL only: an advisory lock, held until commit, that serialises appends across nodes.
Task<Result<void>> lock_chain(Transaction& tx);
Task<Result<std::optional<ChainEnd>>> chain_end(Transaction& tx);
Task<Result<void>> insert_entry(Transaction& tx, const Stored& e);
// Up to 1000 entries with an id above `after`, in id order.
Task<Result<std::vector<Stored>>> entries_after(Executor& db, std::int64_t after);
// The newest `limit` entries about any of these profiles, newest first.
Task<Result<std::vector<Stored>>> entries_for_profiles(Executor& db,
                                                       const std::vector<std::int64_t>& profile_ids,
                                                       std::int64_t limit);

}  // namespace cabinet::audit::store
