#include "reference/builtin.hpp"

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "core/embedded.hpp"

namespace cabinet::reference {

const std::vector<Drug>& builtin_drugs() {
  static const std::vector<Drug> kDrugs = [] {
    for (const auto& f : embedded::data()) {
      if (f.name != "drugs.json") continue;
      std::vector<Drug> out;
      // Named: a range-for over parse(...).at(...) would walk a destroyed temporary.
      const auto doc = nlohmann::json::parse(f.data);
      for (const auto& d : doc.at("drugs")) {
        out.push_back({d.at("id"), d.at("name"), d.at("form"), d.at("strength"),
                       d.at("substances").get<std::vector<std::string>>(), "builtin"});
      }
      return out;
    }
    throw std::logic_error("drugs.json is not embedded");
  }();
  return kDrugs;
}

}  // namespace cabinet::reference
