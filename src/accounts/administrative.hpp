#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/result.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::accounts {

// A profile's administrative data (ACC6): NIR, médecin traitant, coverage, complementary
// insurer. Health-related, so stored sealed; the JSON shape is in docs/accounts.md.
// validate_administrative checks every field and returns the normalised document, or an
// error naming the first bad field ("nir", "medecin_traitant.rpps"…). Values are validated,
// never silently fixed.
Result<nlohmann::json> validate_administrative(const nlohmann::json& input);
nlohmann::json empty_administrative();

std::string seal_administrative(const crypto::KeyRing& keys, const nlohmann::json& doc,
                                const std::string& profile_public_id);
Result<nlohmann::json> open_administrative(const crypto::KeyRing& keys,
                                           const std::optional<std::string>& sealed,
                                           const std::string& profile_public_id);

}  // namespace cabinet::accounts
