#pragma once

#include "core/async.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace cabinet::partners {

// The demo partners (`cabinet seed`, docs/operator.md "Demo"): "Urgence Docteurs" (brand, host
// partner.localhost) and "Mutuelle Exemple" (insurer, host mutuelle.localhost). How many were
// added: 0 when they are there already.
Task<Result<int>> seed_demo(storage::Database& db, const Clock& clock, Random& random);

}  // namespace cabinet::partners
