#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::accounts {

struct HashingCost {
  unsigned long long ops = 2;        // Argon2id passes
  std::size_t memory = 64UL << 20U;  // bytes; libsodium's "interactive" level
};

// The password policy (ACC2, ASVS V2.1): at least `min_length` characters
// (security.password_min_length, 12 by default), one upper-case, one
// lower-case, a digit or a special character, no long sequence or repetition, not a
// dictionary word or a common password in French or English once digits, symbols and
// leetspeak are set aside, and not the user's own name or email. The error is
// invalid_request on "password" with a message that names the rule that failed.
// Blocking (dictionary lookups): call it on the blocking pool.
Result<void> check_password_policy(std::string_view password, std::string_view email,
                                   std::string_view first_name, std::string_view last_name,
                                   std::size_t min_length = 12);

// Argon2id (libsodium crypto_pwhash_str). Blocking and deliberately slow.
std::string hash_password(std::string_view password, const HashingCost& cost);
bool verify_password(std::string_view hash, std::string_view password);
// True when the stored hash was made with other parameters than `cost` (rehash on login).
bool needs_rehash(std::string_view hash, const HashingCost& cost);

// The letters of a password, lower-cased, accents and leetspeak folded ("P@ssw0rd!" -> "password").
std::string letter_core(std::string_view password);

}  // namespace cabinet::accounts
