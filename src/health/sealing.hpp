#pragma once

#include <string>
#include <string_view>

// The authenticated contexts of the health space's sealed values (keyring seal/open): a value
// opens only for its own file (or profile) and column. Header-only so that the RGPD export opens
// them without linking the feature.
namespace cabinet::health {

// `column`: "title", "name" or "body".
inline std::string file_context(const std::string& file, std::string_view column) {
  return "health_files." + std::string(column) + ":" + file;
}
inline std::string medical_context(const std::string& profile) {
  return "medical_profiles:" + profile;
}

}  // namespace cabinet::health
