#pragma once

#include <vector>

#include "reference/model.hpp"

namespace cabinet::reference {

// The drugs of data/drugs.json (embedded): the common prescriptions of general practice under
// their DCI, so that a default install works offline. Throws std::logic_error when the file is
// missing or malformed, which is a build bug.
const std::vector<Drug>& builtin_drugs();

}  // namespace cabinet::reference
