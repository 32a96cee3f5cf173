#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

// Validation of identifiers and personal data (ACC6, DIR1). Each function returns the value
// in its canonical form, or nullopt: input is validated, never silently "fixed" (a wrong NIR
// key is refused, not recomputed); only formatting (spaces, dots, case) is normalised.
namespace cabinet::validate {

// Without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);

// French social security number (NIR): 13 characters + 2-digit key, spaces allowed.
// key = 97 - (number mod 97), where Corsica's département "2A"/"2B" counts as 19/18 (INSEE).
// Returns the 15 characters without spaces, letters upper-cased.
std::optional<std::string> nir(std::string_view input);

// RPPS: 11 digits whose Luhn checksum is valid.
std::optional<std::string> rpps(std::string_view input);

// Email address: one '@', a dotted domain, no spaces or control characters, at most 254
// characters. Returned lower-cased.
std::optional<std::string> email(std::string_view input);

// Mobile phone, returned in E.164: French national numbers (06, 07, and the overseas mobile
// prefixes 0639, 0690, 0691, 0692, 0693, 0694, 0696, 0697) or international "+…" numbers.
std::optional<std::string> mobile_phone(std::string_view input);

// A calendar date "YYYY-MM-DD" (leap years checked).
std::optional<std::chrono::year_month_day> date(std::string_view input);

// Whole years between `birth` and `today`.
int age_on(std::chrono::year_month_day birth, std::chrono::year_month_day today);

// A person's first or last name: trimmed, 1 to 80 characters, letters with spaces, hyphens,
// apostrophes and dots; no digits, markup, nor invisible formatting characters (bidi
// controls, zero-width characters: see has_invisible_formatting).
std::optional<std::string> person_name(std::string_view input);

}  // namespace cabinet::validate
