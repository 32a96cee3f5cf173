#include "accounts/administrative.hpp"

#include "core/validators.hpp"
#include "http/input.hpp"

namespace cabinet::accounts {
namespace {

std::string context(const std::string& profile) { return "profiles.administrative:" + profile; }

Result<std::optional<std::string>> short_text(const nlohmann::json& obj, const char* key,
                                              const char* field, std::size_t max) {
  if (!obj.contains(key) || obj[key].is_null()) return std::optional<std::string>{};
  if (!obj[key].is_string() || obj[key].get<std::string>().size() > max) {
    return http::invalid_field(field, "Valeur invalide.", "Invalid value.");
  }
  auto s = obj[key].get<std::string>();
  if (s.empty()) return std::optional<std::string>{};
  return std::optional<std::string>(s);
}

}  // namespace

nlohmann::json empty_administrative() {
  return {{"nir", nullptr},
          {"nir_owner", nullptr},
          {"medecin_traitant", nullptr},
          {"coverage", {{"ald", false}, {"css", false}, {"ame", false}, {"maternity", false}}},
          {"complementary", nullptr}};
}

Result<nlohmann::json> validate_administrative(const nlohmann::json& in) {
  if (!in.is_object()) {
    return Error::invalid("", "Le corps de la requête doit être un objet JSON.",
                          "The request body must be a JSON object.");
  }
  auto out = empty_administrative();
  auto nir = short_text(in, "nir", "nir", 40);
  if (!nir) return std::move(nir).error();
  if (*nir) {
    auto valid = validate::nir(**nir);
    if (!valid) {
      return http::invalid_field(
          "nir",
          "Numéro de sécurité sociale invalide : 15 caractères, la clé (les 2 "
          "derniers chiffres) ne correspond pas ou le format est incorrect.",
          "Invalid social security number: 15 characters; the key (last 2 "
          "digits) does not match or the format is wrong.");
    }
    out["nir"] = *valid;
    out["nir_owner"] = "self";  // until the profile check says it is the holder's (profiles.cpp)
  }
  if (in.contains("medecin_traitant") && !in["medecin_traitant"].is_null()) {
    const auto& mt = in["medecin_traitant"];
    if (!mt.is_object())
      return http::invalid_field("medecin_traitant", "Valeur invalide.", "Invalid value.");
    auto name = short_text(mt, "name", "medecin_traitant.name", 120);
    if (!name) return std::move(name).error();
    if (!*name) return http::missing_field("medecin_traitant.name");
    auto rpps = short_text(mt, "rpps", "medecin_traitant.rpps", 20);
    if (!rpps) return std::move(rpps).error();
    nlohmann::json doc{{"name", **name}, {"rpps", nullptr}};
    if (*rpps) {
      auto valid = validate::rpps(**rpps);
      if (!valid) {
        return http::invalid_field("medecin_traitant.rpps", "Numéro RPPS invalide.",
                                   "Invalid RPPS number.");
      }
      doc["rpps"] = *valid;
    }
    out["medecin_traitant"] = doc;
  }
  if (in.contains("coverage") && !in["coverage"].is_null()) {
    const auto& c = in["coverage"];
    if (!c.is_object())
      return http::invalid_field("coverage", "Valeur invalide.", "Invalid value.");
    for (const char* key : {"ald", "css", "ame", "maternity"}) {
      if (!c.contains(key)) continue;
      if (!c[key].is_boolean()) {
        return http::invalid_field(std::string("coverage.") + key,
                                   "Ce champ doit valoir vrai ou faux.",
                                   "This field must be true or false.");
      }
      out["coverage"][key] = c[key].get<bool>();
    }
    if (out["coverage"]["css"] == true && out["coverage"]["ame"] == true) {
      return http::invalid_field("coverage.ame", "La CSS et l'AME ne se cumulent pas.",
                                 "CSS and AME cannot both apply.");
    }
  }
  if (in.contains("complementary") && !in["complementary"].is_null()) {
    const auto& co = in["complementary"];
    if (!co.is_object())
      return http::invalid_field("complementary", "Valeur invalide.", "Invalid value.");
    auto name = short_text(co, "name", "complementary.name", 120);
    if (!name) return std::move(name).error();
    if (!*name) return http::missing_field("complementary.name");
    auto member = short_text(co, "member_number", "complementary.member_number", 40);
    if (!member) return std::move(member).error();
    out["complementary"] = {{"name", **name},
                            {"member_number", *member ? nlohmann::json(**member) : nullptr}};
  }
  return out;
}

std::string seal_administrative(const crypto::KeyRing& keys, const nlohmann::json& doc,
                                const std::string& profile_public_id) {
  return keys.seal(doc.dump(), context(profile_public_id));
}

Result<nlohmann::json> open_administrative(const crypto::KeyRing& keys,
                                           const std::optional<std::string>& sealed,
                                           const std::string& profile_public_id) {
  if (!sealed) return empty_administrative();
  auto plain = keys.open(*sealed, context(profile_public_id));
  if (!plain) return std::move(plain).error();
  auto doc = nlohmann::json::parse(*plain);
  // Documents sealed before nir_owner existed: a number was always the profile's own then.
  if (!doc.contains("nir_owner")) doc["nir_owner"] = doc["nir"].is_null() ? nullptr : "self";
  return doc;
}

}  // namespace cabinet::accounts
