// The validators of identifiers and personal data, on arbitrary text: NIR (with the check
// against the profile's sex and birth date), RPPS, email, mobile phone, person names, calendar
// dates, HH:MM and local date-times, UTF-8, and the sick-leave day count. Beyond not crashing,
// each canonical form must be accepted again unchanged: a value stored once must validate when
// it is read back and saved again.
#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/nir.hpp"
#include "agenda/local_time.hpp"
#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "documents/rules.hpp"

namespace {

namespace validate = cabinet::validate;

template <class F>
void idempotent(F check, std::string_view input) {
  const auto once = check(input);
  if (!once) return;
  const auto twice = check(*once);
  if (!twice || *twice != *once) __builtin_trap();
}

void dates(std::string_view text) {
  const auto d = validate::date(text);
  const auto local = cabinet::agenda::parse_date(text);
  // The two date readers of the code base agree on what a calendar day is.
  if (d.has_value() != local.has_value()) __builtin_trap();
  if (local && cabinet::agenda::parse_date(cabinet::agenda::format_date(*local)) != local)
    __builtin_trap();
  if (d) {
    constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{3},
                                                 std::chrono::day{15}};
    (void)validate::age_on(*d, kToday);
  }
  if (auto minute = cabinet::agenda::parse_hhmm(text)) {
    if (*minute < 0 || *minute > 1440 || cabinet::agenda::format_hhmm(*minute) != text)
      __builtin_trap();
  }
  static const auto* paris = cabinet::agenda::zone("Europe/Paris");
  (void)cabinet::agenda::parse_local_datetime(text, paris);
  const auto bar = text.find('|');
  if (bar != std::string_view::npos)
    (void)cabinet::documents::days_inclusive(text.substr(0, bar), text.substr(bar + 1));
}

void nir_of_person(std::string_view text, std::uint8_t facts) {
  const auto nir = validate::nir(text);
  if (!nir) return;
  constexpr std::chrono::year_month_day kToday{std::chrono::year{2026}, std::chrono::month{3},
                                               std::chrono::day{15}};
  cabinet::accounts::NirPerson person;
  constexpr const char* kSexes[] = {"female", "male", "other", "?"};
  if ((facts & 3) != 3) person.sex = kSexes[facts & 3];
  // A birth date built from the number's own digits reaches the year and month comparisons.
  const std::string year = (facts & 4) != 0 ? "19" : "20";
  person.birth_date = year + nir->substr(1, 2) + "-" + nir->substr(3, 2) + "-01";
  const auto when = (facts & 8) != 0 ? cabinet::accounts::NirCheck::profile_change
                                     : cabinet::accounts::NirCheck::saving;
  (void)cabinet::accounts::nir_mismatch(*nir, person, kToday, when);
  (void)cabinet::accounts::may_carry_holder_nir(text, person.birth_date, kToday);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  (void)validate::trim(text);
  idempotent(validate::nir, text);
  idempotent(validate::rpps, text);
  idempotent(validate::email, text);
  idempotent(validate::mobile_phone, text);
  idempotent(validate::person_name, text);
  if (cabinet::is_valid_utf8(text) && cabinet::utf8_length(text) > text.size()) __builtin_trap();
  dates(text);
  nir_of_person(text, data[0]);
  return 0;
}
