#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/result.hpp"

// The closing form's parts checked and normalised, before anything is issued (docs/documents.md
// "API"): every field's limits, and the rules of rules.hpp. Pure, so a refused part means that
// nothing was registered, rendered, stored or captured.
namespace cabinet::documents {

struct PartFacts {
  std::string today;  // YYYY-MM-DD, the day the consultation took place (its local date)
  bool medecin_traitant = false;
  int patient_age = 0;
};

// kind: report, prescription, sick_leave, certificate, care_sheet. `field` prefixes the errors'
// field names ("prescription", "certificates[1]"). Returns the content as stored.
Result<nlohmann::json> check_part(const std::string& kind, const nlohmann::json& part,
                                  const PartFacts& facts, const std::string& field);

// The closing form's draft: any JSON object up to 64 KiB, stored as typed.
inline constexpr std::size_t kDraftMaxBytes = 64 * 1024;

}  // namespace cabinet::documents
