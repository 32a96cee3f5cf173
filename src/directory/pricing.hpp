#pragma once

#include <string_view>

#include "core/result.hpp"
#include "directory/store.hpp"

namespace cabinet::directory {

// Sector 1 bills the convention tariff (SPEC PAY4, DIR1): a motif priced above it in any mode it
// is offered in is refused, on `price_cents`, with the tariff. An exceptional excess (DE) is
// decided per consultation at the patient's request, never built into a motif's price, so it is
// no reason to accept one here. Tariffs are those in force on `date` (YYYY-MM-DD, the
// practitioner's zone); other sectors set their own prices.
Result<void> check_sector_1_price(const store::Profile& p, const store::Motif& m,
                                  std::string_view date);

}  // namespace cabinet::directory
