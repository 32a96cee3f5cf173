#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement of the teleconsultation share.
namespace cabinet::activity::store {

using storage::Executor;

// A teleconsultation held: whose profile, and its sealed administrative data.
struct Held {
  std::string profile_public_id;
  std::optional<std::string> administrative;
};

// The practitioner's video appointments closed as done that started in [from, to).
Task<Result<std::vector<Held>>> teleconsultations(Executor& db, std::int64_t practitioner,
                                                  std::int64_t from, std::int64_t to);
Task<Result<std::int64_t>> in_person_held(Executor& db, std::int64_t practitioner,
                                          std::int64_t from, std::int64_t to);
Task<Result<std::optional<std::int64_t>>> declared(Executor& db, std::int64_t practitioner,
                                                   int year);
Task<Result<void>> declare(Executor& db, std::int64_t practitioner, int year,
                           std::int64_t in_person, std::int64_t now);

}  // namespace cabinet::activity::store
