// The reference lists of the closing form (issue 14, docs/reference-data.md) through the
// composition root, on both engines: drug search (built-in list, BDPM imports), who may ask,
// pharmacy search (demo data, FINESS import) and the C++ interface documents use.
#include <filesystem>
#include <fstream>

#include "harness.hpp"
#include "reference/bdpm.hpp"
#include "reference/pharmacies.hpp"
#include "reference/service.hpp"

namespace cabinet::test {
namespace {

const std::filesystem::path kFixtures =
    std::filesystem::path(CABINET_SOURCE_DIR) / "tests/reference";

class ReferenceFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  std::vector<std::string> drug_names(const std::string& q) {
    auto r = h_.get(doctor_, "/api/v1/drugs?q=" + q);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    for (const auto& d : r.body["items"]) out.push_back(d["name"].get<std::string>());
    return out;
  }
  Result<reference::ImportReport> import_bdpm(const std::string& dir) {
    auto files = reference::read_bdpm_dir(kFixtures / dir);
    EXPECT_TRUE(files);
    return h_.app().block_on(h_.app().reference().import_bdpm(*files));
  }
  std::int64_t count(const std::string& sql) { return query_integer(h_.url(), sql); }

  Harness h_{GetParam()};
  Client doctor_ = h_.practitioner("dr@example.fr", rpps_number(1), true);
};

TEST_P(ReferenceFlows, TheBuiltInListAnswersAnAccentlessPrefix) {
  auto r = h_.get(doctor_, "/api/v1/drugs?q=parac");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_FALSE(r.body["items"].empty());
  const auto& first = r.body["items"][0];
  EXPECT_EQ(first["name"], "Paracétamol");
  EXPECT_EQ(first["substances"], nlohmann::json::array({"paracétamol"}));
  EXPECT_EQ(first["source"], "builtin");
  EXPECT_TRUE(first["id"].is_string());
  EXPECT_TRUE(first["form"].is_string());
  EXPECT_TRUE(first["strength"].is_string());
  EXPECT_LE(r.body["items"].size(), 20U);

  EXPECT_EQ(drug_names("PARAC%C3%89")[0], "Paracétamol");  // "PARACÉ"
  // Any word of the name or of a substance; several words narrow.
  const auto clav = drug_names("clavul");
  ASSERT_FALSE(clav.empty());
  EXPECT_EQ(clav[0], "Amoxicilline + acide clavulanique");
  EXPECT_EQ(drug_names("acide%20amox").size(), 2U);
  EXPECT_TRUE(drug_names("zzzz").empty());
  // At most 20: every drug of the list has a word starting with one of these letters.
  EXPECT_LE(drug_names("ac").size(), 20U);

  auto short_q = h_.get(doctor_, "/api/v1/drugs?q=p");
  EXPECT_EQ(short_q.status, 400);
  EXPECT_EQ(short_q.body["error"]["field"], "q");
  EXPECT_EQ(h_.get(doctor_, "/api/v1/drugs").status, 400);
}

TEST_P(ReferenceFlows, OnlyPractitionersSearchDrugs) {
  auto patient = h_.patient("zoe@example.fr");
  EXPECT_EQ(h_.get(patient, "/api/v1/drugs?q=parac").status, 403);
  Client anonymous;
  EXPECT_EQ(h_.get(anonymous, "/api/v1/drugs?q=parac").status, 401);
  // Pharmacies are for anyone signed in: the patient chooses theirs.
  ASSERT_EQ(h_.app().block_on(h_.app().reference().seed_demo_pharmacies()).ok(), true);
  EXPECT_EQ(h_.get(patient, "/api/v1/pharmacies?postcode=69001").status, 200);
  EXPECT_EQ(h_.get(anonymous, "/api/v1/pharmacies?postcode=69001").status, 401);
}

TEST_P(ReferenceFlows, PharmaciesByPostcodeAndByCity) {
  auto seeded = h_.app().block_on(h_.app().reference().seed_demo_pharmacies());
  ASSERT_TRUE(seeded);
  EXPECT_GT(*seeded, 200U);
  // Seeding again adds nothing.
  EXPECT_EQ(*h_.app().block_on(h_.app().reference().seed_demo_pharmacies()), 0U);

  auto by_postcode = h_.get(doctor_, "/api/v1/pharmacies?postcode=69001");
  ASSERT_EQ(by_postcode.status, 200) << by_postcode.body;
  ASSERT_FALSE(by_postcode.body["items"].empty());
  for (const auto& p : by_postcode.body["items"]) {
    EXPECT_EQ(p["postcode"], "69001");
    EXPECT_EQ(p["city"], "Lyon");
    for (const char* key : {"id", "name", "address", "phone"}) EXPECT_TRUE(p.contains(key)) << key;
  }

  auto by_city = h_.get(doctor_, "/api/v1/pharmacies?q=LYON");
  ASSERT_EQ(by_city.status, 200);
  ASSERT_FALSE(by_city.body["items"].empty());
  for (const auto& p : by_city.body["items"]) EXPECT_EQ(p["city"], "Lyon");

  // The FINESS extract: pharmacies only, found by name and by city, upserted on a re-import.
  std::ifstream in(kFixtures / "finess.csv", std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto imported = h_.app().block_on(h_.app().reference().import_finess(bytes));
  ASSERT_TRUE(imported) << imported.error().detail;
  EXPECT_EQ(imported->written, 3U);
  EXPECT_EQ(imported->files[0].bad, 1U);
  ASSERT_TRUE(h_.app().block_on(h_.app().reference().import_finess(bytes)));
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_pharmacies WHERE source = 'finess'"), 3);

  auto canuts = h_.get(doctor_, "/api/v1/pharmacies?q=canuts");
  ASSERT_EQ(canuts.body["items"].size(), 1U) << canuts.body;
  EXPECT_EQ(canuts.body["items"][0]["name"], "PHARMACIE DES CANUTS");
  EXPECT_EQ(canuts.body["items"][0]["city"], "Lyon");
  auto vaulx = h_.get(doctor_, "/api/v1/pharmacies?q=vaulx%20velin");
  ASSERT_FALSE(vaulx.body["items"].empty()) << vaulx.body;
  bool found = false;
  for (const auto& p : vaulx.body["items"])
    found = found || p["name"] == R"(PHARMACIE DE LA GARE; SELARL "LES QUAIS")";
  EXPECT_TRUE(found);
  EXPECT_EQ(h_.get(doctor_, "/api/v1/pharmacies?q=canuts&postcode=69004").body["items"].size(), 1U);
  EXPECT_TRUE(h_.get(doctor_, "/api/v1/pharmacies?q=canuts&postcode=75011").body["items"].empty());

  EXPECT_EQ(h_.get(doctor_, "/api/v1/pharmacies?postcode=690").status, 400);
  EXPECT_EQ(h_.get(doctor_, "/api/v1/pharmacies").status, 400);

  // What documents reads.
  const auto id = canuts.body["items"][0]["id"].get<std::string>();
  auto pharmacy = h_.app().block_on(reference::pharmacy(h_.db(), id));
  ASSERT_TRUE(pharmacy);
  ASSERT_TRUE(*pharmacy);
  EXPECT_EQ((*pharmacy)->finess, "690000011");
  EXPECT_EQ((*pharmacy)->postcode, "69004");
  const auto demo_id = by_postcode.body["items"][0]["id"].get<std::string>();
  auto demo = h_.app().block_on(h_.app().reference().pharmacy(demo_id));
  ASSERT_TRUE(demo && *demo);
  EXPECT_TRUE((*demo)->mssante.ends_with("@pharmacie.demo.invalid"));
  EXPECT_TRUE((*demo)->finess.empty());
  EXPECT_FALSE(*h_.app().block_on(h_.app().reference().pharmacy("nope")));
}

TEST_P(ReferenceFlows, ABdpmImportReplacesThePreviousOne) {
  auto first = import_bdpm("bdpm");
  ASSERT_TRUE(first) << first.error().detail;
  EXPECT_EQ(first->written, 3U);
  EXPECT_EQ(first->removed, 0U);
  EXPECT_EQ(first->files[0].bad, 1U);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_drugs WHERE source = 'bdpm'"), 3);
  EXPECT_EQ(drug_names("amoxif"), std::vector<std::string>{"AMOXIFIX"});
  auto r = h_.get(doctor_, "/api/v1/drugs?q=antalg");
  ASSERT_EQ(r.body["items"].size(), 1U);
  EXPECT_EQ(r.body["items"][0]["id"], "60000001");
  EXPECT_EQ(r.body["items"][0]["source"], "bdpm");
  EXPECT_EQ(r.body["items"][0]["substances"], nlohmann::json::array({"paracétamol"}));
  // A substance finds the built-in DCI first, then the specialties.
  const auto paracetamol = drug_names("paracetamol");
  ASSERT_GE(paracetamol.size(), 2U);
  EXPECT_EQ(paracetamol[0], "Paracétamol");
  EXPECT_EQ(paracetamol.back(), "ANTALGIX");

  auto next = import_bdpm("bdpm-next");
  ASSERT_TRUE(next) << next.error().detail;
  EXPECT_EQ(next->removed, 3U);
  EXPECT_EQ(next->written, 2U);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_drugs WHERE source = 'bdpm'"), 2);
  EXPECT_TRUE(drug_names("amoxif").empty());
  EXPECT_EQ(drug_names("ibufix"), std::vector<std::string>{"IBUFIX"});
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_drug_words w WHERE NOT EXISTS"
                  " (SELECT 1 FROM reference_drugs d WHERE d.id = w.drug_id)"),
            0);
  // The built-in list is untouched.
  EXPECT_EQ(drug_names("parac")[0], "Paracétamol");
}

TEST_P(ReferenceFlows, ABadBdpmFileIsRefusedAndTheOldRowsStay) {
  ASSERT_TRUE(import_bdpm("bdpm"));
  const auto before = count("SELECT COUNT(*) FROM reference_drugs");
  auto bad = import_bdpm("bdpm-bad");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_request);
  EXPECT_NE(bad.error().detail.find("CIS_bdpm.txt: too many bad lines"), std::string::npos)
      << bad.error().detail;
  EXPECT_NE(bad.error().detail.find("line 1: expected at least 3 tab-separated columns"),
            std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_drugs"), before);
  EXPECT_EQ(drug_names("amoxif"), std::vector<std::string>{"AMOXIFIX"});

  // A FINESS extract that is not one: refused, nothing written.
  auto finess = h_.app().block_on(h_.app().reference().import_finess("a;b\nc;d\n"));
  ASSERT_FALSE(finess);
  EXPECT_EQ(count("SELECT COUNT(*) FROM reference_pharmacies"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, ReferenceFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
