#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Is a NIR (already valid: validate::nir) the number of this person? (ACC6, issue 12.) The
// number encodes sex, year and month of birth; a profile that says otherwise carries someone
// else's number, and the care sheets and reimbursements made with it would go to that person.
// Pure: unit-tested in nir_test.cpp; the rules and their exceptions are in docs/accounts.md.
namespace cabinet::accounts {

// What the profile says about the person. Unknown or "other" sex, or no birth date, leaves
// that part unchecked.
struct NirPerson {
  std::optional<std::string> sex;         // "female", "male", "other"
  std::optional<std::string> birth_date;  // YYYY-MM-DD
};

// Saving a number on a profile, or changing a profile that already carries one.
enum class NirCheck { saving, profile_change };

struct NirMismatch {
  std::string message_fr;
  std::string message_en;
};

// nullopt when the number may be this person's; otherwise why not, in plain words:
// "Ce numéro de sécurité sociale correspond à une femme née en 1958 ; le profil est celui d'un
// garçon né en 2019." Sex digits: odd (1, 3, 7) a man, even (2, 4, 8) a woman — 7 and 8 are
// provisional numbers. Months 01–12 are checked; 20–42 and 50–99 stand for an unknown month in
// the civil register and are not. The year is two digits, compared with the birth year's last
// two (a birth date is never in the future, so 1958 and 2058 cannot both be candidates).
std::optional<NirMismatch> nir_mismatch(std::string_view nir, const NirPerson& person,
                                        std::chrono::year_month_day today,
                                        NirCheck when = NirCheck::saving);

// A child who has no number of their own is covered as the ayant droit of a parent: a relative
// whose relationship is "child" and who is under 18 today may carry the account holder's own
// number (the same value as on the holder's profile; stored with nir_owner "account_holder").
bool may_carry_holder_nir(std::string_view relationship,
                          const std::optional<std::string>& birth_date,
                          std::chrono::year_month_day today);

}  // namespace cabinet::accounts
