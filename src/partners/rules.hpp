#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/random.hpp"

// Pure checks and forms of partners' data (unit-tested in rules_test.cpp).
namespace cabinet::partners {

// "#1d4ed8": '#' and six hexadecimal digits, stored in lower case; nullopt otherwise.
std::optional<std::string> color(std::string_view input);
// A DNS host name without port or scheme ("partner.localhost", "soins.mutuelle.fr"), stored in
// lower case; nullopt for anything else (an IP address, a port, a path, a wildcard).
std::optional<std::string> host_name(std::string_view input);
// "Partner.Example:8443" → "partner.example": the part of a Host header that names the site.
std::string host_of_header(std::string_view header);

// An activation code: 12 symbols of an alphabet without 0/O/1/I, "ABCD-EFGH-JKLM" (60 bits).
std::string new_code(Random& random);
// What a member typed, as the code it names: upper case, spaces and dashes removed; empty when
// it cannot be a code (wrong length or symbol).
std::string normalize_code(std::string_view input);

// The calendar year of a Unix time (UTC), for yearly quotas.
int year_of(std::int64_t unix_seconds);
// [start, end) of a calendar year (UTC) in Unix seconds.
std::pair<std::int64_t, std::int64_t> year_bounds(int year);

}  // namespace cabinet::partners
