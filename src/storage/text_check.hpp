#pragma once

#include <string_view>

#include "core/result.hpp"
#include "storage/value.hpp"

namespace cabinet::storage {

// Text parameters must be valid UTF-8 without NUL on both engines: PostgreSQL would reject
// or truncate them while SQLite would store them, and the two must behave alike.
bool is_storable_text(std::string_view text);
Result<void> check_params(const Params& params);

}  // namespace cabinet::storage
