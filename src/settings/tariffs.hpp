#pragma once

#include <nlohmann/json.hpp>

// The tariffs and reimbursement figures (data/reimbursement.json, read by src/billing): data
// files with a source and a first day for each figure, changed by a new release, never from the
// console. The operator sees them read-only (docs/operator.md "Settings").
namespace cabinet::settings {

// {"files": [{"file", "comment", "figures": [{"item", "cents"|"percent"|…, "valid_from",
// "source", "to_verify"}]}]}
nlohmann::json tariffs();

}  // namespace cabinet::settings
