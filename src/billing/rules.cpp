#include "billing/rules.hpp"

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "billing/reimbursement.hpp"
#include "core/embedded.hpp"

namespace cabinet::billing {

namespace {

using nlohmann::json;

Series series(const json& items, const char* key) {
  Series out;
  for (const auto& item : items) {
    out.push_back({item.at("valid_from").get<std::string>(), item.at(key).get<int>()});
  }
  std::ranges::sort(out, {}, &Dated::valid_from);
  return out;
}

}  // namespace

std::shared_ptr<const Rules> load_rules(std::string_view reimbursement_json,
                                        std::string_view specialties_json) {
  try {
    auto r = std::make_shared<Rules>();
    const auto doc = json::parse(reimbursement_json);
    const auto& rates = doc.at("rates");
    r->normal = series(rates.at("normal"), "percent");
    r->out_of_parcours = series(rates.at("out_of_parcours"), "percent");
    r->full = series(rates.at("full"), "percent");
    const auto& pf = doc.at("participation_forfaitaire");
    r->participation = series(pf.at("amounts"), "cents");
    r->participation_exempt_under_age = pf.at("exempt_under_age");
    r->participation_exempt_css = pf.at("exempt_css");
    r->participation_exempt_ame = pf.at("exempt_ame");
    r->participation_exempt_maternity = pf.at("exempt_maternity");
    r->participation_physicians_only = pf.at("applies_to_physicians_only");
    r->participation_annual_cap_cents = pf.at("annual_cap_cents");
    const auto& tc = doc.at("teleconsultation");
    using Ids = std::set<std::string, std::less<>>;
    r->teleconsultation = {tc.at("parcours_exceptions").get<Ids>(),
                           tc.at("territorial_organisation_required_for").get<Ids>(),
                           tc.at("territoriality_exceptions").get<Ids>()};
    const auto& psy = doc.at("mon_soutien_psy");
    r->mon_soutien_psy = {
        psy.at("specialty").get<std::string>(), series(psy.at("session_cents"), "cents"),
        series(psy.at("rate"), "percent"), series(psy.at("sessions_per_year"), "count"),
        psy.at("first_session_in_person").get<bool>()};
    const auto& parcours = doc.at("parcours");
    r->parcours_exempt_under_age = parcours.at("exempt_under_age");
    r->ame_exempt_from_parcours = parcours.at("ame_exempt");
    for (const auto& [code, limits] : parcours.at("direct_access_age_limits").items()) {
      r->direct_access_age[code] = {limits.at("min_age").get<int>(),
                                    limits.at("max_age").get<int>()};
    }
    r->non_physicians = doc.at("non_physician_specialties").get<std::set<std::string>>();
    r->not_reimbursed =
        doc.at("not_reimbursed_specialties").at("codes").get<std::set<std::string>>();
    for (const auto& t : doc.at("tariffs")) {
      Tariff tariff;
      tariff.id = t.at("id").get<std::string>();
      tariff.specialties = t.at("specialties").get<std::set<std::string>>();
      tariff.modes = t.at("modes").get<std::set<std::string>>();
      tariff.max_age_exclusive = t.value("max_age_exclusive", INT_MAX);
      tariff.values = series(t.at("values"), "cents");
      if (t.contains("sector_2_non_optam")) {
        tariff.sector_2_non_optam = series(t.at("sector_2_non_optam"), "cents");
      }
      r->tariffs.push_back(std::move(tariff));
    }
    for (const auto& a : doc.at("tarif_autorite")) {
      r->authority.push_back(
          {a.at("specialties").get<std::set<std::string>>(), series(json::array({a}), "cents")});
    }
    const auto specs = json::parse(specialties_json);
    for (const auto& s : specs.at("specialties")) {
      r->specialties[s.at("code").get<std::string>()] = {
          s.at("direct_access").get<bool>(), s.at("teleconsultation_reimbursed").get<bool>()};
    }
    return r;
  } catch (const json::exception& e) {
    throw std::invalid_argument(std::string("reimbursement data: ") + e.what());
  }
}

const Rules& default_rules() {
  static const std::shared_ptr<const Rules> kRules = [] {
    std::string_view reimbursement, specialties;
    for (const auto& f : embedded::data()) {
      if (f.name == "reimbursement.json") reimbursement = f.data;
      if (f.name == "specialties.json") specialties = f.data;
    }
    if (reimbursement.empty() || specialties.empty()) {
      throw std::logic_error("data/reimbursement.json or data/specialties.json is not embedded");
    }
    return load_rules(reimbursement, specialties);
  }();
  return *kRules;
}

std::optional<int> sector_1_ceiling(const Rules& rules, std::string_view specialty,
                                    std::string_view mode, std::string_view date) {
  const std::string code(specialty);
  if (rules.non_physicians.contains(code) || rules.not_reimbursed.contains(code)) return {};
  // Same precedence as Rules::tariff: the specialty's own tariffs, else the "*" ones.
  for (const bool wildcard : {false, true}) {
    std::optional<int> ceiling;
    for (const auto& t : rules.tariffs) {
      if (!t.specialties.contains(wildcard ? std::string("*") : code) ||
          !t.modes.contains(std::string(mode)))
        continue;
      if (const auto v = at(t.values, date); v && (!ceiling || *v > *ceiling)) ceiling = v;
    }
    if (ceiling) return ceiling;
  }
  return {};
}

std::optional<int> sector_1_ceiling(std::string_view specialty, std::string_view mode,
                                    std::string_view date) {
  return sector_1_ceiling(default_rules(), specialty, mode, date);
}

}  // namespace cabinet::billing
