#include "core/validators.hpp"

#include <gtest/gtest.h>

namespace cabinet::validate {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(Nir, AcceptsValidNumbersWithOrWithoutSpaces) {
  EXPECT_EQ(nir("185057800608491"), "185057800608491");
  EXPECT_EQ(nir("1 85 05 78 006 084 91"), "185057800608491");
  EXPECT_EQ(nir("2 75 12 75 056 007 77"), "275127505600777");
  EXPECT_EQ(nir("1 69 03 99 999 123 32"), "169039999912332");  // born abroad (99)
}

TEST(Nir, HandlesCorsicaTwoAAndTwoBAsInseeDoes) {
  EXPECT_EQ(nir("2 90 02 2A 004 012 18"), "290022A00401218");
  EXPECT_EQ(nir("290022a00401218"), "290022A00401218");  // letter case is formatting
  EXPECT_EQ(nir("1 86 03 2B 123 456 76"), "186032B12345676");
  // The key computed with 2A as 19 does not fit 2B, and the reverse.
  EXPECT_EQ(nir("2 90 02 2B 004 012 18"), std::nullopt);
  EXPECT_EQ(nir("1 86 03 2A 123 456 76"), std::nullopt);
}

TEST(Nir, RefusesWrongKeysLengthsAndStructure) {
  EXPECT_EQ(nir("185057800608490"), std::nullopt);   // key off by one: refused, not fixed
  EXPECT_EQ(nir("18505780060849"), std::nullopt);    // 14 characters
  EXPECT_EQ(nir("1850578006084911"), std::nullopt);  // 16 characters
  EXPECT_EQ(nir("585057800608491"), std::nullopt);   // first digit 5
  EXPECT_EQ(nir("185157800608491"), std::nullopt);   // month 15
  EXPECT_EQ(nir("1850578006O8491"), std::nullopt);   // letter O for zero
  EXPECT_EQ(nir("2 90 02 2C 004 012 18"), std::nullopt);
  EXPECT_EQ(nir(""), std::nullopt);
}

TEST(Rpps, ElevenDigitsWithAValidLuhnChecksum) {
  EXPECT_EQ(rpps("10003456786"), "10003456786");
  EXPECT_EQ(rpps("10101234564"), "10101234564");
  EXPECT_EQ(rpps("10003456787"), std::nullopt);  // checksum
  EXPECT_EQ(rpps("1000345678"), std::nullopt);   // 10 digits
  EXPECT_EQ(rpps("1000345678a"), std::nullopt);
}

TEST(Email, LowerCasesAndRefusesMalformedAddresses) {
  EXPECT_EQ(email(" Zoe.Martin@Example.FR "), "zoe.martin@example.fr");
  EXPECT_EQ(email("a+tag@sub.example.org"), "a+tag@sub.example.org");
  for (const char* bad : {"zoe", "zoe@", "@example.fr", "zoe@example", "zoe@@example.fr",
                          "zo e@example.fr", "zoe@example..fr", ".zoe@example.fr", "zoé@example.fr",
                          "zoe@example.f", "a\r\nb@example.fr"}) {
    EXPECT_EQ(email(bad), std::nullopt) << bad;
  }
}

TEST(MobilePhone, NormalisesFrenchAndOverseasNumbersToE164) {
  EXPECT_EQ(mobile_phone("06 12 34 56 78"), "+33612345678");
  EXPECT_EQ(mobile_phone("07.12.34.56.78"), "+33712345678");
  EXPECT_EQ(mobile_phone("+33 6 12 34 56 78"), "+33612345678");
  EXPECT_EQ(mobile_phone("0033612345678"), "+33612345678");
  EXPECT_EQ(mobile_phone("0692 12 34 56"), "+262692123456");  // La Réunion
  EXPECT_EQ(mobile_phone("0696 12 34 56"), "+596696123456");  // Martinique
  EXPECT_EQ(mobile_phone("+32 470 12 34 56"), "+32470123456");
  EXPECT_EQ(mobile_phone("01 23 45 67 89"), std::nullopt);  // a landline cannot get SMS
  EXPECT_EQ(mobile_phone("+33 1 23 45 67 89"), std::nullopt);
  EXPECT_EQ(mobile_phone("0612"), std::nullopt);
  EXPECT_EQ(mobile_phone("06 12 34 56 7x"), std::nullopt);
}

TEST(Dates, CalendarDatesAndAges) {
  EXPECT_EQ(date("2024-02-29"), year(2024) / month(2) / day(29));
  EXPECT_EQ(date("2023-02-29"), std::nullopt);
  EXPECT_EQ(date("2024-13-01"), std::nullopt);
  EXPECT_EQ(date("24-02-01"), std::nullopt);
  EXPECT_EQ(date("2024/02/01"), std::nullopt);
  const auto today = year(2026) / month(11) / day(22);
  EXPECT_EQ(age_on(year(2011) / month(11) / day(22), today), 15);
  EXPECT_EQ(age_on(year(2011) / month(11) / day(23), today), 14);
  EXPECT_EQ(age_on(year(2008) / month(2) / day(29), year(2026) / month(2) / day(28)), 17);
}

TEST(Names, AcceptsRealNamesAndRefusesMarkup) {
  EXPECT_EQ(person_name("  Zoé "), "Zoé");
  EXPECT_EQ(person_name("N'Diaye"), "N'Diaye");
  EXPECT_EQ(person_name("Jean-Pierre"), "Jean-Pierre");
  EXPECT_EQ(person_name("Ève-Marie d'Aubigné"), "Ève-Marie d'Aubigné");
  for (const char* bad : {"", "   ", "R2D2", "<script>", "a@b", "---", "x\ny"}) {
    EXPECT_EQ(person_name(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(person_name(std::string(81, 'a')), std::nullopt);
  // Bidi controls and invisible characters (issue 17, F11): "Zoé" + U+202E reads reversed.
  for (const char* hidden : {"Zo\xc3\xa9\xe2\x80\xae", "\xe2\x80\x8fMartin", "Ma\xe2\x80\x8brtin",
                             "\xef\xbb\xbfZo\xc3\xa9", "Zo\xe2\x81\xa6\xc3\xa9", "Zo\xc2\xadz"}) {
    EXPECT_EQ(person_name(hidden), std::nullopt) << hidden;
  }
}

}  // namespace
}  // namespace cabinet::validate
