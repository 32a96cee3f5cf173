// The BDPM and FINESS readers on the hand-written fixtures of tests/reference/ (Latin-1 and
// UTF-8 files, bad lines, quoted fields) and on lines written here.
#include <gtest/gtest.h>

#include <fstream>

#include "reference/bdpm.hpp"
#include "reference/finess.hpp"

namespace cabinet::reference {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(CABINET_SOURCE_DIR) / "tests/reference";

const Drug* find(const std::vector<Drug>& drugs, const std::string& cis) {
  for (const auto& d : drugs)
    if (d.public_id == cis) return &d;
  return nullptr;
}

TEST(Bdpm, ReadsMarketedSpecialtiesWithTheirSubstancesFromLatin1Files) {
  auto files = read_bdpm_dir(kFixtures / "bdpm");
  ASSERT_TRUE(files) << files.error().detail;
  const auto parsed = parse_bdpm(*files);
  ASSERT_EQ(parsed.drugs.size(), 3U);

  const auto* antalgix = find(parsed.drugs, "60000001");
  ASSERT_NE(antalgix, nullptr);
  EXPECT_EQ(antalgix->name, "ANTALGIX");  // the strength is a field of its own
  EXPECT_EQ(antalgix->strength, "500 mg");
  EXPECT_EQ(antalgix->form, "comprimé");
  EXPECT_EQ(antalgix->substances, std::vector<std::string>{"paracétamol"});
  EXPECT_EQ(antalgix->source, "bdpm");

  // The therapeutic moiety (FT) rather than its salt (SA), one per link number.
  const auto* clavufix = find(parsed.drugs, "60000003");
  ASSERT_NE(clavufix, nullptr);
  EXPECT_EQ(clavufix->name, "CLAVUFIX 1 g/125 mg ADULTES");
  EXPECT_EQ(clavufix->strength, "1 g / 125 mg");
  EXPECT_EQ(clavufix->substances, (std::vector<std::string>{"amoxicilline", "acide clavulanique"}));
  EXPECT_EQ(find(parsed.drugs, "60000002")->substances, std::vector<std::string>{"amoxicilline"});

  // Withdrawn (60000004) and without a presentation (60000005): not offered.
  EXPECT_EQ(find(parsed.drugs, "60000004"), nullptr);
  EXPECT_EQ(find(parsed.drugs, "60000005"), nullptr);

  ASSERT_EQ(parsed.files.size(), 3U);
  const auto& specialties = parsed.files[0];
  EXPECT_EQ(specialties.lines, 6U);
  EXPECT_EQ(specialties.used, 4U);
  EXPECT_EQ(specialties.ignored, 1U);
  EXPECT_EQ(specialties.bad, 1U);
  ASSERT_EQ(specialties.errors.size(), 1U);
  EXPECT_EQ(specialties.errors[0], "line 6: the CIS code \"6000X006\" is not 8 digits");
  EXPECT_EQ(parsed.files[1].bad, 1U);  // a composition line cut short
  EXPECT_EQ(parsed.files[1].errors[0].rfind("line 10: expected at least 7", 0), 0U);
  EXPECT_EQ(parsed.files[2].used, 3U);
  EXPECT_FALSE(specialties.untrustworthy());
}

TEST(Bdpm, Utf8FilesReadTheSame) {
  auto files = read_bdpm_dir(kFixtures / "bdpm-next");
  ASSERT_TRUE(files);
  const auto parsed = parse_bdpm(*files);
  ASSERT_EQ(parsed.drugs.size(), 2U);
  EXPECT_EQ(find(parsed.drugs, "60000001")->substances, std::vector<std::string>{"paracétamol"});
  EXPECT_EQ(find(parsed.drugs, "60000007")->substances, std::vector<std::string>{"ibuprofène"});
}

TEST(Bdpm, AnotherFileUnderTheNameIsUntrustworthy) {
  auto files = read_bdpm_dir(kFixtures / "bdpm-bad");
  ASSERT_TRUE(files);
  const auto parsed = parse_bdpm(*files);
  EXPECT_TRUE(parsed.drugs.empty());
  EXPECT_EQ(parsed.files[0].bad, 16U);
  EXPECT_EQ(parsed.files[0].errors.size(), 16U);
  EXPECT_TRUE(parsed.files[0].untrustworthy());
}

TEST(Bdpm, AMissingFileIsNamed) {
  auto files = read_bdpm_dir(kFixtures / "nowhere");
  ASSERT_FALSE(files);
  EXPECT_NE(files.error().detail.find("CIS_bdpm.txt"), std::string::npos);
}

TEST(Bdpm, ErrorsAreCountedBeyondThoseDescribed) {
  BdpmFiles files;
  for (int i = 0; i < 30; ++i) files.specialties += "bad line\n";
  const auto parsed = parse_bdpm(files);
  EXPECT_EQ(parsed.files[0].bad, 30U);
  EXPECT_EQ(parsed.files[0].errors.size(), FileReport::kMaxErrors);
}

TEST(Finess, KeepsOnlyPharmaciesFromALatin1Extract) {
  std::ifstream in(kFixtures / "finess.csv", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto parsed = parse_finess(bytes);
  ASSERT_EQ(parsed.pharmacies.size(), 3U);
  EXPECT_EQ(parsed.report.lines, 7U);
  EXPECT_EQ(parsed.report.used, 3U);
  EXPECT_EQ(parsed.report.ignored, 3U);  // the header, a hospital, a geolocation line
  EXPECT_EQ(parsed.report.bad, 1U);
  EXPECT_EQ(parsed.report.errors[0].rfind("line 7: expected at least 19", 0), 0U);

  const auto& canuts = parsed.pharmacies[0];
  EXPECT_EQ(canuts.public_id, "ph690000011");
  EXPECT_EQ(canuts.finess, "690000011");
  EXPECT_EQ(canuts.name, "PHARMACIE DES CANUTS");
  EXPECT_EQ(canuts.address, "12 rue DE LA CROIX ROUSSE");
  EXPECT_EQ(canuts.postcode, "69004");
  EXPECT_EQ(canuts.city, "Lyon");  // an arrondissement's code names the city
  EXPECT_EQ(canuts.commune_code, "69384");
  EXPECT_EQ(canuts.phone, "0478000001");
  EXPECT_EQ(canuts.source, "finess");

  EXPECT_EQ(parsed.pharmacies[1].name, "PHARMACIE SAINT-ÉTIENNE");  // Latin-1 read
  EXPECT_EQ(parsed.pharmacies[1].address, "3 place DE L'ÉGLISE");

  const auto& gare = parsed.pharmacies[2];
  EXPECT_EQ(gare.name, R"(PHARMACIE DE LA GARE; SELARL "LES QUAIS")");  // quoted
  EXPECT_EQ(gare.phone, "0478000003");
  EXPECT_EQ(gare.postcode, "69120");
}

TEST(Finess, OverseasDepartmentsAndUnknownCommunes) {
  const auto line = [](const std::string& dep, const std::string& com, const std::string& post) {
    return "structureet;970000001;970000000;PHARMACIE TEST;;;;1;R;DU PORT;;;" + com + ";" + dep +
           ";DEP;" + post + ";;;620;Pharmacie d'Officine\n";
  };
  auto parsed = parse_finess(line("9D", "411", "97400 ST DENIS"));
  ASSERT_EQ(parsed.pharmacies.size(), 1U);
  EXPECT_EQ(parsed.pharmacies[0].commune_code, "97411");
  EXPECT_FALSE(parsed.pharmacies[0].phone);
  parsed = parse_finess(line("99", "999", "99999 NULLE PART CEDEX 09"));
  ASSERT_EQ(parsed.pharmacies.size(), 1U);
  EXPECT_EQ(parsed.pharmacies[0].city, "NULLE PART");
  parsed = parse_finess(line("75", "056", "PARIS"));
  EXPECT_TRUE(parsed.pharmacies.empty());
  EXPECT_EQ(parsed.report.bad, 1U);
  parsed = parse_finess("something;else\n");
  EXPECT_EQ(parsed.report.bad, 1U);
}

}  // namespace
}  // namespace cabinet::reference
