#include "accounts_admin/rpps.hpp"

#include <gtest/gtest.h>

namespace cabinet::accounts_admin {
namespace {

// The real file's first columns (it has about 50 and ends each line with '|').
constexpr std::string_view kHeader =
    "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
    "Libellé civilité d'exercice|Code civilité|Libellé civilité|Nom d'exercice|"
    "Prénom d'exercice|Code profession|Libellé profession|Code catégorie professionnelle|"
    "Libellé catégorie professionnelle|Code type savoir-faire|Libellé type savoir-faire|"
    "Code savoir-faire|Libellé savoir-faire|Code mode exercice|Libellé mode exercice|\r\n";

std::string line(std::string_view type, std::string_view rpps, std::string_view last,
                 std::string_view first, std::string_view prof_code, std::string_view prof,
                 std::string_view specialty) {
  return std::string(type) + "|" + std::string(rpps) + "|8" + std::string(rpps) +
         "|DR|Docteur|M|Monsieur|" + std::string(last) + "|" + std::string(first) + "|" +
         std::string(prof_code) + "|" + std::string(prof) + "|C|Civil|S|Spécialité ordinale|SM|" +
         std::string(specialty) + "|L|Libéral|\r\n";
}

TEST(RppsKey, Luhn) {
  EXPECT_TRUE(rpps_key_ok("10000000017"));
  EXPECT_FALSE(rpps_key_ok("10000000018"));
  EXPECT_FALSE(rpps_key_ok("1000000001"));
  EXPECT_FALSE(rpps_key_ok("1000000001A"));
}

TEST(RppsExtract, ReadsPeopleAndMergesTheirActivities) {
  std::string file(kHeader);
  file += line("8", "10000000017", "DURAND", "CAMILLE", "10", "Médecin", "Médecine Générale");
  file += line("8", "10000000017", "DURAND", "CAMILLE", "10", "Médecin", "Addictologie");
  file += line("0", "751234567", "MARTIN", "PAUL", "70", "Masseur-Kinésithérapeute", "");
  file += line("8", "123", "COURT", "NUMERO", "10", "Médecin", "");
  auto parsed = parse_extract(file);
  ASSERT_TRUE(parsed) << parsed.error().detail;
  ASSERT_EQ(parsed->people.size(), 1U);
  EXPECT_EQ(parsed->lines, 4U);
  EXPECT_EQ(parsed->skipped, 2U);
  const auto& p = parsed->people[0];
  EXPECT_EQ(p.rpps, "10000000017");
  EXPECT_EQ(p.last_name, "DURAND");
  EXPECT_EQ(p.specialties, "Médecine Générale; Addictologie");
}

TEST(RppsExtract, WindowsEncodingIsRead) {
  std::string file(kHeader);
  file += line("8", "10000000017", "DURAND", "CAMILLE", "10", "Médecin", "Pédiatrie");
  // The whole file in Windows-1252, as older extracts were: é is the one byte 0xE9.
  for (auto at = file.find("é"); at != std::string::npos; at = file.find("é", at))
    file.replace(at, 2, "\xE9");
  auto parsed = parse_extract(file);
  ASSERT_TRUE(parsed);
  EXPECT_EQ(parsed->people[0].specialties, "Pédiatrie");
}

TEST(RppsExtract, BadFilesAreRefusedOnTheFileField) {
  for (const std::string& bad :
       {std::string(), std::string("nom;prenom;rpps\nDURAND;CAMILLE;10000000017\n"),
        std::string("Identifiant PP|Nom d'exercice\n10000000017|DURAND\n"), std::string(kHeader),
        std::string(kHeader) + line("0", "751234567", "MARTIN", "PAUL", "70", "Kiné", ""),
        std::string("\x89PNG\r\n\x1a\n\0\0\0", 11)}) {
    auto parsed = parse_extract(bad);
    ASSERT_FALSE(parsed) << bad;
    EXPECT_EQ(parsed.error().field, "file");
  }
}

TEST(RppsChecks, NamesMatchAccentsAndCaseAside) {
  ExtractPerson p{"10000000017", "LE GOFF", "JEAN PIERRE", "10", "Médecin", "Psychiatrie"};
  EXPECT_TRUE(names_match(p, "Jean-Pierre", "Le Goff"));
  EXPECT_TRUE(names_match(p, "Jean", "le goff"));
  EXPECT_FALSE(names_match(p, "Jeanne", "Le Goff"));
  EXPECT_FALSE(names_match(p, "Jean", "Goff"));
  ExtractPerson e{"10000000017", "HÉLÈNE", "ÉLODIE", "10", "Médecin", ""};
  EXPECT_TRUE(names_match(e, "Elodie", "Helene"));
}

TEST(RppsChecks, SpecialtyMatchesTheExtract) {
  ExtractPerson gp{"1", "X", "Y", "10", "Médecin", "Médecine Générale"};
  EXPECT_TRUE(specialty_matches(gp, "general_medicine", "Médecine générale"));
  EXPECT_FALSE(specialty_matches(gp, "psychiatry", "Psychiatrie"));
  ExtractPerson endo{"1", "X", "Y", "10", "Médecin", "Endocrinologie, diabétologie et nutrition"};
  EXPECT_TRUE(specialty_matches(endo, "endocrinology", "Endocrinologie-diabétologie"));
  ExtractPerson ent{"1", "X", "Y", "10", "Médecin", "ORL et chirurgie cervico-faciale"};
  EXPECT_TRUE(specialty_matches(ent, "ent", "ORL"));
  ExtractPerson midwife{"1", "X", "Y", "50", "Sage-Femme", ""};
  EXPECT_TRUE(specialty_matches(midwife, "midwifery", "Sage-femme"));
  EXPECT_FALSE(specialty_matches(midwife, "general_medicine", "Médecine générale"));
}

}  // namespace
}  // namespace cabinet::accounts_admin
