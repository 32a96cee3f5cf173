#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

// The audit log (SEC2): every read or write of health data leaves an entry, written in the
// same transaction as the access itself, hash-chained to the previous one so that an edited,
// removed or reordered entry is detected by `cabinet audit verify`.
namespace cabinet::audit {

struct Entry {
  std::optional<std::int64_t> actor_account_id;
  std::string actor_role;
  std::optional<std::int64_t> profile_id;  // whose data was touched
  std::string action;                      // "profile.administrative.read", …
  std::string object;                      // the object's public id
  std::string ip;
  std::string detail;
};

struct Stored : Entry {
  std::int64_t id = 0;
  std::int64_t at = 0;
  std::string prev_hash;
  std::string hash;
};

// SHA-256 over the previous hash and every field, each length-prefixed so that no two
// different entries serialise alike.
std::string entry_hash(const Stored& entry);

class Log {
 public:
  Log(storage::Engine engine, const Clock& clock) : engine_(engine), clock_(clock) {}

  // Appends inside `tx`. Appends are serialised (PostgreSQL: an advisory lock held until
  // commit; SQLite: its single writer), so ids stay consecutive and the chain unbroken.
  Task<Result<void>> append(storage::Transaction& tx, const Entry& entry) const;

 private:
  storage::Engine engine_;
  const Clock& clock_;
};

struct VerifyReport {
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken;  // id of the first entry that does not check out
  std::string reason;
};

Task<Result<VerifyReport>> verify(storage::Database& db);

// The newest entries about any of these profiles, newest first.
Task<Result<std::vector<Stored>>> entries_for_profiles(storage::Database& db,
                                                       const std::vector<std::int64_t>& profile_ids,
                                                       std::int64_t limit);

}  // namespace cabinet::audit
