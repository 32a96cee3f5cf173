#include "accounts/nir.hpp"

#include <array>
#include <cstdlib>

#include "core/locale.hpp"
#include "core/validators.hpp"

namespace cabinet::accounts {
namespace {

constexpr int kAdult = 18;

enum class Sex { unknown, man, woman };

int two_digits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

Sex profile_sex(const std::optional<std::string>& sex) {
  if (sex == "male") return Sex::man;
  if (sex == "female") return Sex::woman;
  return Sex::unknown;
}

// "un homme né en mars 1958" / "a man born in March 1958"; the month only when it tells the
// difference, the year only when known.
struct Phrase {
  std::string fr;
  std::string en;
};
Phrase describe(Sex sex, bool minor, std::optional<int> year, std::optional<int> month) {
  Phrase p;
  const bool woman = sex == Sex::woman;
  if (sex == Sex::unknown) {
    p = {"une personne", "a person"};
  } else if (minor) {
    p = woman ? Phrase{"une fille", "a girl"} : Phrase{"un garçon", "a boy"};
  } else {
    p = woman ? Phrase{"une femme", "a woman"} : Phrase{"un homme", "a man"};
  }
  if (year) {
    p.fr += (woman || sex == Sex::unknown) ? " née en " : " né en ";
    p.en += " born in ";
    if (month) {
      p.fr += std::string(month_name(static_cast<unsigned>(*month), Locale::fr)) + " ";
      p.en += std::string(month_name(static_cast<unsigned>(*month), Locale::en)) + " ";
    }
    p.fr += std::to_string(*year);
    p.en += std::to_string(*year);
  }
  return p;
}

// The NIR's two-digit year as a full year: the profile's own when they agree, otherwise the
// century that is not in the future and nearest to the profile's year.
int full_year(int yy, std::optional<int> profile_year, int this_year) {
  const int recent = 2000 + yy;
  const int older = 1900 + yy;
  if (recent > this_year) return older;
  if (!profile_year) return recent;
  return std::abs(recent - *profile_year) <= std::abs(older - *profile_year) ? recent : older;
}

}  // namespace

std::optional<NirMismatch> nir_mismatch(std::string_view nir, const NirPerson& person,
                                        std::chrono::year_month_day today, NirCheck when) {
  if (nir.size() != 15) return std::nullopt;  // not a validated NIR: validate::nir refuses it
  const Sex nir_sex = (nir[0] - '0') % 2 == 1 ? Sex::man : Sex::woman;
  const int yy = two_digits(nir.substr(1, 2));
  const int nir_month = two_digits(nir.substr(3, 2));
  const bool month_known = nir_month >= 1 && nir_month <= 12;

  const Sex sex = profile_sex(person.sex);
  std::optional<std::chrono::year_month_day> born;
  if (person.birth_date) born = validate::date(*person.birth_date);
  std::optional<int> year;
  std::optional<int> month;
  if (born) {
    year = static_cast<int>(born->year());
    month = static_cast<int>(static_cast<unsigned>(born->month()));
  }

  const bool sex_differs = sex != Sex::unknown && sex != nir_sex;
  const bool year_differs = year && *year % 100 != yy;
  const bool month_differs = !year_differs && month_known && month && *month != nir_month;
  if (!sex_differs && !year_differs && !month_differs) return std::nullopt;

  const int this_year = static_cast<int>(today.year());
  const bool minor = born && validate::age_on(*born, today) < kAdult;
  const int nir_year = full_year(yy, year, this_year);
  const auto number = describe(nir_sex, this_year - nir_year < kAdult, nir_year,
                               month_differs ? std::optional(nir_month) : std::nullopt);
  const auto profile = describe(sex, minor, year, month_differs ? month : std::optional<int>{});
  // "celui d'un garçon", "celui d'une personne": every profile phrase starts with "un".
  if (when == NirCheck::saving) {
    return NirMismatch{"Ce numéro de sécurité sociale correspond à " + number.fr +
                           " ; le profil est celui d'" + profile.fr + ".",
                       "This social security number belongs to " + number.en +
                           "; the profile is that of " + profile.en + "."};
  }
  return NirMismatch{
      "Le numéro de sécurité sociale enregistré sur ce profil correspond à " + number.fr +
          " ; le profil deviendrait celui d'" + profile.fr + ". Corrigez d'abord le numéro.",
      "The social security number saved on this profile belongs to " + number.en +
          "; the profile would become that of " + profile.en + ". Correct the number first."};
}

bool may_carry_holder_nir(std::string_view relationship,
                          const std::optional<std::string>& birth_date,
                          std::chrono::year_month_day today) {
  if (relationship != "child" || !birth_date) return false;
  const auto born = validate::date(*birth_date);
  return born && validate::age_on(*born, today) < kAdult;
}

}  // namespace cabinet::accounts
