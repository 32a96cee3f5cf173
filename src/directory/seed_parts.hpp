#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/random.hpp"
#include "directory/seed.hpp"
#include "directory/seed_data.hpp"
#include "storage/database.hpp"

// Shared by the seed's translation units: seed.cpp (the practitioners of every specialty and
// the demo accounts) and seed_queue.cpp (the video GPs of the immediate queue).
namespace cabinet::directory::seed_parts {

// An active account without a second factor; its id.
Task<Result<std::int64_t>> insert_account(storage::Executor& tx, Random& rng,
                                          const std::string& email, const std::string& role,
                                          const std::optional<std::string>& password_hash,
                                          std::int64_t now);
Task<Result<void>> insert_person(storage::Executor& tx, Random& rng, std::int64_t account,
                                 bool holder, const seed_data::Person& p, const std::string& birth,
                                 const std::string& relationship, std::int64_t now);

// `options.gps_per_city` video GPs around each of the largest cities, the first ones on duty
// in the general medicine queue; nothing when this seed's are there already. Counted in
// `report`.
Task<Result<void>> city_gps(storage::Database& db, std::int64_t now, const SeedOptions& options,
                            SeedReport& report);

}  // namespace cabinet::directory::seed_parts
