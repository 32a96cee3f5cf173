#include "practitioners/specialties.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.hpp"

namespace cabinet::practitioners {

const std::vector<Specialty>& specialties() {
  static const std::vector<Specialty> kList = [] {
    for (const auto& f : embedded::data()) {
      if (f.name != "specialties.json") continue;
      std::vector<Specialty> out;
      // Named: a range-for over parse(...).at(...) would walk a destroyed temporary.
      const auto doc = nlohmann::json::parse(f.data);
      for (const auto& s : doc.at("specialties")) {
        out.push_back({s.at("code"), s.at("fr"), s.at("en"), s.at("direct_access"),
                       s.at("teleconsultation_reimbursed")});
      }
      return out;
    }
    throw std::logic_error("data/specialties.json is not embedded");
  }();
  return kList;
}

const Specialty* find_specialty(std::string_view code) {
  for (const auto& s : specialties()) {
    if (s.code == code) return &s;
  }
  return nullptr;
}

}  // namespace cabinet::practitioners
