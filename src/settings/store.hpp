#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The settings' rows (migrations/V023__settings.sql): every statement of the feature.
namespace cabinet::settings::store {

struct Override {
  std::string name;
  std::string value;
  std::optional<std::int64_t> updated_by;
  std::int64_t updated_at = 0;
};

struct Change {
  std::string name;
  std::optional<std::string> old_value;  // nullopt: the default
  std::optional<std::string> new_value;  // nullopt: back to the default
};

struct HistoryRow {
  std::int64_t version = 0;
  std::string name;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::optional<std::int64_t> account_id;
  std::string email;  // the operator's, when the account still exists
  std::int64_t changed_at = 0;
};

Task<Result<std::int64_t>> version(storage::Executor& db);
Task<Result<std::vector<Override>>> overrides(storage::Executor& db);
// Writes the changes, their history and the next version, in `tx`; returns that version.
Task<Result<std::int64_t>> apply(storage::Transaction& tx, const std::vector<Change>& changes,
                                 std::int64_t account, std::int64_t now);
// The newest first, at most `limit`.
Task<Result<std::vector<HistoryRow>>> history(storage::Executor& db, std::int64_t limit);

}  // namespace cabinet::settings::store
