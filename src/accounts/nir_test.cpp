#include "accounts/nir.hpp"

#include <gtest/gtest.h>

#include "core/validators.hpp"

namespace cabinet::accounts {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Sunday 22 November 2026: the boy born in April 2019 is 7.
const std::chrono::year_month_day kToday{year(2026), month(11), day(22)};

std::optional<NirMismatch> check(std::string_view nir, std::optional<std::string> sex,
                                 std::optional<std::string> born,
                                 NirCheck when = NirCheck::saving) {
  // Every number here is a valid one: the check comes after validate::nir.
  EXPECT_EQ(validate::nir(nir), std::string(nir));
  return nir_mismatch(nir, NirPerson{std::move(sex), std::move(born)}, kToday, when);
}

std::string fr(const std::optional<NirMismatch>& m) { return m ? m->message_fr : "(coherent)"; }
std::string en(const std::optional<NirMismatch>& m) { return m ? m->message_en : "(coherent)"; }

TEST(NirCoherence, AWomanBornIn1958IsNotASevenYearOldBoy) {
  const auto m = check("258057505612303", "male", "2019-04-02");
  EXPECT_EQ(fr(m),
            "Ce numéro de sécurité sociale correspond à une femme née en 1958 ; le profil est "
            "celui d'un garçon né en 2019.");
  EXPECT_EQ(en(m),
            "This social security number belongs to a woman born in 1958; the profile is that of "
            "a boy born in 2019.");
}

TEST(NirCoherence, TheOwnerOfTheNumberPasses) {
  EXPECT_FALSE(check("119047505612308", "male", "2019-04-02"));
  EXPECT_FALSE(check("258057505612303", "female", "1958-05-20"));
  // Sex unknown or "other": only the birth date is compared.
  EXPECT_FALSE(check("119047505612308", std::nullopt, "2019-04-30"));
  EXPECT_FALSE(check("119047505612308", "other", "2019-04-30"));
  // No birth date (a profile from before it was required): only the sex.
  EXPECT_FALSE(check("119047505612308", "male", std::nullopt));
  EXPECT_TRUE(check("119047505612308", "female", std::nullopt));
}

TEST(NirCoherence, SexYearAndMonthAreEachChecked) {
  EXPECT_EQ(fr(check("119047505612308", "female", "2019-04-02")),
            "Ce numéro de sécurité sociale correspond à un garçon né en 2019 ; le profil est "
            "celui d'une fille née en 2019.");
  EXPECT_EQ(fr(check("119047505612308", "male", "2019-06-02")),
            "Ce numéro de sécurité sociale correspond à un garçon né en avril 2019 ; le profil "
            "est celui d'un garçon né en juin 2019.");
  EXPECT_EQ(en(check("119047505612308", "male", "2019-06-02")),
            "This social security number belongs to a boy born in April 2019; the profile is "
            "that of a boy born in June 2019.");
  EXPECT_EQ(fr(check("190047505612321", "male", "1991-04-02")),
            "Ce numéro de sécurité sociale correspond à un homme né en 1990 ; le profil est "
            "celui d'un homme né en 1991.");
  EXPECT_EQ(fr(check("290047505612368", std::nullopt, "1991-04-02")),
            "Ce numéro de sécurité sociale correspond à une femme née en 1990 ; le profil est "
            "celui d'une personne née en 1991.");
}

TEST(NirCoherence, AnUnknownMonthInTheCivilRegisterIsNotCompared) {
  EXPECT_FALSE(check("119997505612373", "male", "2019-06-02"));    // month 99
  EXPECT_FALSE(check("219337505612334", "female", "2019-12-25"));  // month 33
  // The year and the sex still are.
  EXPECT_TRUE(check("219337505612334", "female", "2020-01-01"));
  EXPECT_TRUE(check("119997505612373", "female", "2019-06-02"));
}

TEST(NirCoherence, CorsicaIsLikeAnyDepartement) {
  EXPECT_FALSE(check("158032A00401203", "male", "1958-03-10"));
  EXPECT_FALSE(check("258052B12345672", "female", "1958-05-01"));
  EXPECT_EQ(fr(check("258052B12345672", "male", "1958-05-01")),
            "Ce numéro de sécurité sociale correspond à une femme née en 1958 ; le profil est "
            "celui d'un homme né en 1958.");
  EXPECT_TRUE(check("219060200401243", "female", "2018-06-01"));
}

TEST(NirCoherence, ProvisionalNumbersCarrySexAsSevenForAManAndEightForAWoman) {
  EXPECT_FALSE(check("719049999912364", "male", "2019-04-15"));
  EXPECT_TRUE(check("719049999912364", "female", "2019-04-15"));
  EXPECT_FALSE(check("858059999900184", "female", "1958-05-01"));
  EXPECT_EQ(fr(check("858059999900184", "male", "1958-05-01")),
            "Ce numéro de sécurité sociale correspond à une femme née en 1958 ; le profil est "
            "celui d'un homme né en 1958.");
}

TEST(NirCoherence, TheCenturyComesFromTheBirthYear) {
  // YY 58: 1958 matches; 2058 would be in the future, so the number reads as 1958 in messages.
  EXPECT_FALSE(check("258057505612303", "female", "1958-05-01"));
  EXPECT_NE(fr(check("258057505612303", "female", "2019-05-01")).find("née en 1958"),
            std::string::npos);
  // YY 15: a 111-year-old and an 11-year-old both match; the message picks the nearer century.
  EXPECT_FALSE(check("115017505600184", "male", "1915-01-02"));
  EXPECT_FALSE(check("115017505600184", "male", "2015-01-02"));
  EXPECT_NE(fr(check("115017505600184", "male", "2005-01-02")).find("un garçon né en 2015"),
            std::string::npos);
  EXPECT_NE(fr(check("115017505600184", "male", "1925-01-02")).find("un homme né en 1915"),
            std::string::npos);
}

TEST(NirCoherence, ChangingTheProfileUnderASavedNumberSaysSo) {
  const auto m = check("119047505612308", "female", "2019-04-02", NirCheck::profile_change);
  EXPECT_EQ(fr(m),
            "Le numéro de sécurité sociale enregistré sur ce profil correspond à un garçon né en "
            "2019 ; le profil deviendrait celui d'une fille née en 2019. Corrigez d'abord le "
            "numéro.");
  EXPECT_EQ(en(m),
            "The social security number saved on this profile belongs to a boy born in 2019; "
            "the profile would become that of a girl born in 2019. Correct the number first.");
}

TEST(NirCoherence, AMinorChildMayBeCoveredUnderTheHolderNumber) {
  EXPECT_TRUE(may_carry_holder_nir("child", "2019-04-02", kToday));
  EXPECT_TRUE(may_carry_holder_nir("child", "2008-11-23", kToday));   // 17 until tomorrow
  EXPECT_FALSE(may_carry_holder_nir("child", "2008-11-22", kToday));  // 18 today
  EXPECT_FALSE(may_carry_holder_nir("spouse", "2019-04-02", kToday));
  EXPECT_FALSE(may_carry_holder_nir("child", std::nullopt, kToday));
}

}  // namespace
}  // namespace cabinet::accounts
