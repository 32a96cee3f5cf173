#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "storage/database.hpp"

namespace cabinet::crypto {
class KeyRing;
}

// The practitioner's teleconsultation share of the year (ADM5, docs/operator.md
// "Teleconsultation share"): what Cabinet held, what the practitioner declares in person.
namespace cabinet::activity {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  const crypto::KeyRing& keys;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(deps) {}

  // `year`: "YYYY", empty for the current year (Paris time).
  Task<Result<nlohmann::json>> get(const Principal& who, const std::string& year, Locale locale);
  Task<Result<nlohmann::json>> declare(const Principal& who, const std::string& year,
                                       const nlohmann::json& body, Locale locale);

 private:
  Result<int> year_of(const std::string& text) const;
  Deps d_;
};

}  // namespace cabinet::activity
