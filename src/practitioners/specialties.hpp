#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/locale.hpp"

namespace cabinet::practitioners {

struct Specialty {
  std::string code;
  std::string name_fr;
  std::string name_en;
  bool direct_access = false;
  bool teleconsultation_reimbursed = true;
  [[nodiscard]] const std::string& name(Locale locale) const {
    return locale == Locale::en ? name_en : name_fr;
  }
};

// The reference list in data/specialties.json, compiled into the binary.
const std::vector<Specialty>& specialties();
const Specialty* find_specialty(std::string_view code);

}  // namespace cabinet::practitioners
