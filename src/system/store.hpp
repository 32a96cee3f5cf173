#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/random.hpp"
#include "storage/database.hpp"

namespace cabinet::system {

// The installation's identity: a random id made once, at the first start, and kept in the
// database so that every node of one installation reports the same one.
Task<Result<std::string>> ensure_instance(storage::Database& db, Random& random,
                                          const Clock& clock);

}  // namespace cabinet::system
