#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/result.hpp"

// The medical profile's rules (docs/health-space.md "Medical profile"), pure: what a PUT or a
// practitioner's added item may hold, and how a PUT merges with what was stored. Errors name the
// field ("items[3].label").
namespace cabinet::health {

inline constexpr std::size_t kMaxMedicalItems = 200;

struct Author {
  std::string role;  // patient, practitioner
  std::string name;
};

struct Stamp {
  std::int64_t now = 0;
  std::string today;                    // YYYY-MM-DD: no date after it
  std::function<std::string()> new_id;  // "m_…"
};

// The stored shape of a profile never filled.
nlohmann::json empty_medical();

// One item as typed ({"category", "label", "detail", "date"}); `at` prefixes error fields.
Result<nlohmann::json> medical_item(const nlohmann::json& item, const std::string& at,
                                    const std::string& today);

// The PUT body merged with the stored profile: items with a known id keep their author and
// creation time (and their update time when unchanged), items without one are new (by
// `author`), items left out are gone.
Result<nlohmann::json> merge_medical(const nlohmann::json& body, const nlohmann::json& stored,
                                     const Author& author, const Stamp& stamp);

// A practitioner's item added to the stored profile.
Result<nlohmann::json> add_medical_item(const nlohmann::json& item, nlohmann::json& stored,
                                        const Author& author, const Stamp& stamp);

}  // namespace cabinet::health
