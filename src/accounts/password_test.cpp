#include "accounts/password.hpp"

#include <gtest/gtest.h>

namespace cabinet::accounts {
namespace {

std::string failure(std::string_view password, std::string_view email = "zoe.martin@example.fr") {
  auto r = check_password_policy(password, email, "Zoé", "Martin");
  if (r.ok()) return "ok";
  EXPECT_EQ(r.error().field, "password");
  return r.error().message(Locale::en);
}

TEST(PasswordPolicy, NamesTheRuleThatFailed) {
  EXPECT_EQ(failure("Sh0rt!"), "The password must be at least 12 characters long.");
  EXPECT_EQ(failure("lowercase only 42"),
            "The password must contain at least one upper-case letter.");
  EXPECT_EQ(failure("UPPERCASE ONLY 42"),
            "The password must contain at least one lower-case letter.");
  EXPECT_EQ(failure("NoDigitsOrSymbolsHere"),
            "The password must contain at least one digit or special character.");
  const auto fr = check_password_policy("Sh0rt!", "", "", "");
  EXPECT_EQ(fr.error().message(Locale::fr),
            "Le mot de passe doit comporter au moins 12 caractères.");
}

TEST(PasswordPolicy, RefusesCommonAndDictionaryPasswordsInFrenchAndEnglish) {
  const std::string common =
      "This password is too common: it is based on a dictionary word or a known password. "
      "Choose another one, for instance three unrelated words.";
  for (const char* pw :
       {"Password1234!", "P@ssw0rd2026!", "Motdepasse2024!", "Bonjour2025!!", "Azertyuiop1!",
        "Qwertyuiop99!", "Chocolat!2026", "Ordinateur#2026", "Printemps.2026"}) {
    EXPECT_EQ(failure(pw), common) << pw;
  }
}

TEST(PasswordPolicy, RefusesTheUsersNameSequencesAndRepetitions) {
  EXPECT_EQ(failure("Zoe.Martin2026!"),
            "The password must not contain your name or your email address.");
  EXPECT_EQ(failure("Bx9!martinique"),
            "The password must not contain your name or your email address.");
  EXPECT_EQ(
      failure("Kq!abcdefgh42"),
      "The password is too predictable: avoid sequences (12345, abcde) and repetitions (aaaa).");
  EXPECT_EQ(
      failure("Kq!xxxxxx4242"),
      "The password is too predictable: avoid sequences (12345, abcde) and repetitions (aaaa).");
}

TEST(PasswordPolicy, AcceptsStrongPasswordsAndPassphrases) {
  for (const char* pw :
       {"Xk7#mPq2vLw9", "Velo-Nuage-Tram 73", "tRombone&cerisier+4", "Grenoble sous la pluie 9"}) {
    EXPECT_EQ(failure(pw), "ok") << pw;
  }
}

TEST(PasswordHash, Argon2idVerifiesAndRehashesWhenTheCostChanges) {
  const HashingCost cheap{1, 8192};
  const auto hash = hash_password("Xk7#mPq2vLw9", cheap);
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "Xk7#mPq2vLw9"));
  EXPECT_FALSE(verify_password(hash, "Xk7#mPq2vLw8"));
  EXPECT_FALSE(verify_password("garbage", "Xk7#mPq2vLw9"));
  EXPECT_FALSE(needs_rehash(hash, cheap));
  EXPECT_TRUE(needs_rehash(hash, HashingCost{2, 16384}));
}

TEST(PasswordCore, FoldsCaseAccentsAndLeetspeak) {
  EXPECT_EQ(letter_core("P@ssw0rd!2026"), "password");
  EXPECT_EQ(letter_core("2026!B0njour!!"), "bonjour");
  EXPECT_EQ(letter_core("Élève#42"), "eleve");
}

}  // namespace
}  // namespace cabinet::accounts
