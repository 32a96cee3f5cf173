#pragma once

#include <map>
#include <string>
#include <vector>

#include "storage/database.hpp"

// What the access log's sentences need from other features' tables (SEC2): the day of the
// consultation an entry is about, and the name of a guest. Read-only, by the ids the audit
// entries carry.
namespace cabinet::accounts::store {

// Appointment public id -> start (Unix seconds).
Task<Result<std::map<std::string, std::int64_t>>> appointment_starts(
    storage::Executor& db, const std::vector<std::string>& public_ids);

struct GuestName {
  std::string name;  // as the guest typed it; empty before they claimed the link
  std::string kind;  // "guest" or "interpreter"
};
// Invitation (= guest) id -> name and kind.
Task<Result<std::map<std::int64_t, GuestName>>> guests_by_id(storage::Executor& db,
                                                             const std::vector<std::int64_t>& ids);

}  // namespace cabinet::accounts::store
