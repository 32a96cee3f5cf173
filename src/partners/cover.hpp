#pragma once

#include <optional>

#include "core/async.hpp"
#include "core/result.hpp"
#include "partners/model.hpp"
#include "partners/store.hpp"

// An insurer's part of a teleconsultation (docs/operator.md "Insurers' activation codes"): the
// member's entitlement that applies to the profile, its quota for the calendar year of the
// appointment, and the share it pays.
namespace cabinet::partners {

// nullopt: the profile has no entitlement. A Cover with `exhausted`: it has one, used up.
// `lock`: inside the booking's transaction, the entitlement's row is locked first so that two
// bookings cannot both take the last one.
Task<Result<std::optional<Cover>>> cover_for(storage::Executor& db, std::int64_t account,
                                             std::int64_t profile, std::int64_t start_at,
                                             int price_cents, storage::Transaction* lock = nullptr);

// What is left of a benefit in the year of `now`.
Task<Result<int>> remaining(storage::Executor& db, const store::Benefit& b, std::int64_t account,
                            std::int64_t now);

}  // namespace cabinet::partners
