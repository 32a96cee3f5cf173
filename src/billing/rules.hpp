#pragma once

#include <climits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The reimbursement data parsed (data/reimbursement.json + data/specialties.json): billing's own
// view, shared by the loader (rules.cpp) and the estimate (reimbursement.cpp). Not for other
// features, which go through reimbursement.hpp.
namespace cabinet::billing {

// One figure over time, sorted by valid_from (ISO dates compare as strings).
struct Dated {
  std::string valid_from;
  int value = 0;
};
using Series = std::vector<Dated>;

struct Tariff {
  std::string id;
  std::set<std::string> specialties;  // "*": any physician specialty without its own tariff
  std::set<std::string> modes;
  int max_age_exclusive = INT_MAX;
  Series values;
  Series sector_2_non_optam;  // empty: same base as sector 1
};

struct AuthorityTariff {
  std::set<std::string> specialties;
  Series values;
};

struct SpecialtyInfo {
  bool direct_access = false;
  bool teleconsultation_reimbursed = true;
};

// The value in force on `date`; nullopt before the first valid_from.
inline std::optional<int> at(const Series& series, std::string_view date) {
  std::optional<int> found;
  for (const auto& d : series) {
    if (d.valid_from <= date) found = d.value;
  }
  return found;
}

// Mon soutien psy (CSS L162-58): sessions with a partner psychologist.
struct MonSoutienPsy {
  std::string specialty;
  Series session_cents, rate, sessions_per_year;
  bool first_session_in_person = true;
};

// A video teleconsultation's conditions beyond those of any consultation; rule ids.
struct Teleconsultation {
  std::set<std::string, std::less<>> parcours_exceptions;
  std::set<std::string, std::less<>> territorial_organisation_required_for;
  std::set<std::string, std::less<>> territoriality_exceptions;
};

struct Rules {
  Series normal, out_of_parcours, full, participation;
  int participation_exempt_under_age = 18;
  bool participation_exempt_css = true, participation_exempt_ame = true,
       participation_exempt_maternity = true;
  bool participation_physicians_only = true;  // never on a midwife's or psychologist's act
  int participation_annual_cap_cents = 5000;
  Teleconsultation teleconsultation;
  MonSoutienPsy mon_soutien_psy;
  int parcours_exempt_under_age = 16;
  std::map<std::string, std::pair<int, int>> direct_access_age;  // code → [min, max] years
  bool ame_exempt_from_parcours = false;
  std::set<std::string> non_physicians, not_reimbursed;
  std::vector<Tariff> tariffs;
  std::vector<AuthorityTariff> authority;
  std::map<std::string, SpecialtyInfo, std::less<>> specialties;

  [[nodiscard]] const Tariff* tariff(const std::string& specialty, const std::string& mode,
                                     int age) const {
    for (const bool wildcard : {false, true}) {
      if (wildcard && non_physicians.contains(specialty)) return nullptr;
      for (const auto& t : tariffs) {
        const bool named = t.specialties.contains(specialty);
        if ((wildcard ? !t.specialties.contains("*") : !named) || !t.modes.contains(mode) ||
            age >= t.max_age_exclusive) {
          continue;
        }
        return &t;
      }
    }
    return nullptr;
  }

  [[nodiscard]] std::optional<int> authority_base(const std::string& specialty,
                                                  std::string_view date) const {
    for (const bool wildcard : {false, true}) {
      for (const auto& a : authority) {
        if (a.specialties.contains(wildcard ? std::string("*") : specialty)) {
          return at(a.values, date);
        }
      }
    }
    return std::nullopt;
  }
};

}  // namespace cabinet::billing
