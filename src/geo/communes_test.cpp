#include "geo/communes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

namespace cabinet::geo {
namespace {

const Communes& communes() { return Communes::instance(); }

std::vector<std::string> codes(const std::vector<Place>& places) {
  std::vector<std::string> out;
  out.reserve(places.size());
  for (const auto& p : places) out.push_back(p.commune->code);
  return out;
}

std::vector<std::string> postcodes(const std::vector<Place>& places) {
  std::vector<std::string> out;
  out.reserve(places.size());
  for (const auto& p : places) out.push_back(p.postcode);
  return out;
}

TEST(CommunesTable, HoldsEveryCommuneOfFranceAndTheOverseasDepartements) {
  EXPECT_GT(communes().size(), 34000U);
  for (const char* department : {"971", "972", "973", "974", "976"}) {
    EXPECT_TRUE(std::ranges::any_of(communes().all(), [&](const Commune& c) {
      return c.department == department;
    })) << department;
  }
}

TEST(CommunesTable, ArrondissementPostcodesResolveToTheirCity) {
  const auto paris = communes().by_postcode("75011");
  ASSERT_EQ(paris.size(), 1U);
  EXPECT_EQ(paris[0].commune->code, "75056");
  EXPECT_EQ(paris[0].commune->name, "Paris");
  EXPECT_EQ(paris[0].postcode, "75011");
  EXPECT_EQ(codes(communes().by_postcode("75116")), std::vector<std::string>{"75056"});

  const auto lyon = communes().by_postcode("69003");
  ASSERT_EQ(lyon.size(), 1U);
  EXPECT_EQ(lyon[0].commune->name, "Lyon");
  EXPECT_EQ(lyon[0].commune->department, "69");
  EXPECT_EQ(codes(communes().by_postcode("13008")), std::vector<std::string>{"13055"});
}

TEST(CommunesTable, SharedPostcodesListLargerCommunesFirst) {
  const auto places = communes().by_postcode("97400");
  ASSERT_FALSE(places.empty());
  EXPECT_EQ(places[0].commune->code, "97411");
  EXPECT_EQ(places[0].commune->name, "Saint-Denis");
  EXPECT_EQ(places[0].commune->department, "974");
  const auto rural = communes().by_postcode("01400");  // several villages around Châtillon
  ASSERT_GT(rural.size(), 1U);
  EXPECT_TRUE(std::ranges::is_sorted(rural, std::greater<>(),
                                     [](const Place& p) { return p.commune->population; }));
}

TEST(CommunesTable, CorsicaKeepsItsTwoAAndTwoBCodes) {
  const Commune* ajaccio = communes().by_code("2A004");
  ASSERT_NE(ajaccio, nullptr);
  EXPECT_EQ(ajaccio->name, "Ajaccio");
  EXPECT_EQ(ajaccio->department, "2A");
  EXPECT_NE(std::ranges::find(ajaccio->postcodes, "20000"), ajaccio->postcodes.end());
  const Commune* bastia = communes().by_code("2B033");
  ASSERT_NE(bastia, nullptr);
  EXPECT_EQ(bastia->name, "Bastia");
  EXPECT_EQ(communes().by_code("20004"), nullptr);  // the pre-1976 code
}

TEST(CommunesTable, EveryCommuneLiesInFranceAndItsDepartement) {
  struct Box {
    const char* departments;  // the 3-character ones it holds, or "" for metropolitan France
    double south, north, west, east;
  };
  // Generous boxes: Corsica and Brittany's islands, and Saint-Barthélemy and Saint-Martin
  // (977, 978) with Guadeloupe, whose postcodes they share.
  const Box kBoxes[] = {
      {"", 41.3, 51.2, -5.3, 9.6},       {"971 977 978", 15.8, 18.2, -63.2, -60.9},
      {"972", 14.3, 14.9, -61.3, -60.8}, {"973", 2.1, 5.8, -54.7, -51.6},
      {"974", -21.4, -20.8, 55.2, 55.9}, {"976", -13.1, -12.6, 45.0, 45.4}};
  for (const auto& c : communes().all()) {
    const bool overseas = c.department.size() == 3;
    const auto box = std::ranges::find_if(kBoxes, [&](const Box& b) {
      return overseas ? std::string_view(b.departments).find(c.department) != std::string::npos
                      : *b.departments == '\0';
    });
    ASSERT_NE(box, std::end(kBoxes)) << c.code;
    EXPECT_TRUE(c.lat >= box->south && c.lat <= box->north && c.lng >= box->west &&
                c.lng <= box->east)
        << c.code << ' ' << c.name << ' ' << c.lat << ',' << c.lng;
    EXPECT_FALSE(c.postcodes.empty()) << c.code;
  }
}

TEST(CommunesSearch, SaintIsSpelledAnyWay) {
  for (const char* q : {"saint et", "st-etienne", "St Étienne", "SAINT-ÉTIENNE", "st etienne"}) {
    const auto found = communes().search(q, 5);
    ASSERT_FALSE(found.empty()) << q;
    EXPECT_EQ(found[0].commune->code, "42218") << q;
    EXPECT_EQ(found[0].commune->name, "Saint-Étienne") << q;
  }
}

TEST(CommunesSearch, IgnoresAccentsAndCase) {
  for (const char* q : {"ORLEANS", "orléans", "Orlé"}) {
    const auto found = communes().search(q, 5);
    ASSERT_FALSE(found.empty()) << q;
    EXPECT_EQ(found[0].commune->name, "Orléans") << q;
  }
  EXPECT_EQ(communes().search("l'hay les", 1).at(0).commune->name, "L'Haÿ-les-Roses");
}

TEST(CommunesSearch, ListsEachPostcodeOfACityWithSeveral) {
  const auto found = communes().search("lyon", 12);
  ASSERT_EQ(found.size(), 10U);  // all there is
  for (std::size_t i = 0; i < 9; ++i) {
    EXPECT_EQ(found[i].commune->code, "69123");
    EXPECT_EQ(found[i].postcode, "6900" + std::to_string(i + 1));
  }
  EXPECT_EQ(found[9].commune->name, "Lyons-la-Forêt");
  EXPECT_EQ(postcodes(communes().search("parisot", 8)),
            (std::vector<std::string>{"81310", "82160"}));
}

TEST(CommunesSearch, PostcodePrefixesListPairsByPopulation) {
  EXPECT_EQ(postcodes(communes().search("690", 3)),
            (std::vector<std::string>{"69001", "69002", "69003"}));
  const auto found = communes().search("42", 50);
  ASSERT_EQ(found.size(), 50U);
  EXPECT_EQ(postcodes(std::vector(found.begin(), found.begin() + 3)),
            (std::vector<std::string>{"42000", "42100", "42230"}));  // Saint-Étienne
  for (const auto& p : found) EXPECT_TRUE(p.postcode.starts_with("42")) << p.postcode;
  EXPECT_EQ(codes(communes().search("97400", 1)), std::vector<std::string>{"97411"});
}

TEST(CommunesSearch, ALastStStillBeingTypedMayBeStrasbourg) {
  const auto found = codes(communes().search("st", 20));
  EXPECT_NE(std::ranges::find(found, "67482"), found.end());  // Strasbourg
  EXPECT_NE(std::ranges::find(found, "42218"), found.end());  // Saint-Étienne
  const auto done = codes(communes().search("st ", 20));      // the word is finished
  EXPECT_EQ(std::ranges::find(done, "67482"), done.end());
  EXPECT_NE(std::ranges::find(done, "42218"), done.end());
}

TEST(CommunesSearch, HonoursTheLimit) {
  for (const char* q : {"saint", "la", "paris", "75", "1"}) {
    const auto all = communes().search(q, 1000);
    for (std::size_t limit : {0U, 1U, 5U, 8U, 20U, 1000U}) {
      const auto found = communes().search(q, limit);
      ASSERT_EQ(found.size(), std::min(limit, all.size())) << q << ' ' << limit;
      EXPECT_TRUE(
          std::equal(found.begin(), found.end(), all.begin(), [](const auto& a, const auto& b) {
            return a.commune == b.commune && a.postcode == b.postcode;
          }));
    }
  }
  EXPECT_EQ(communes().search("saint", 1000).size(), 1000U);
  EXPECT_EQ(communes().search("75", 1000).size(), 21U);
}

TEST(CommunesSearch, BadInputFindsNothing) {
  const std::vector<std::string> queries = {"",
                                            " ",
                                            "x",
                                            "-",
                                            "1",
                                            "12345678901",
                                            "123456",
                                            "zzzz",
                                            "\xff\xfe",
                                            "'''",
                                            std::string(200, 'a'),
                                            std::string("ly\0on", 5)};
  for (const auto& q : queries) {
    EXPECT_TRUE(communes().search(q, 8).empty()) << q;
  }
  EXPECT_EQ(codes(communes().search("y", 8)), std::vector<std::string>{"80829"});  // Y, Somme
  EXPECT_TRUE(communes().by_postcode("7501").empty());
  EXPECT_TRUE(communes().by_postcode("7501a").empty());
  EXPECT_TRUE(communes().by_postcode("00000").empty());
  EXPECT_EQ(communes().by_code(""), nullptr);
  EXPECT_EQ(communes().by_code("99999"), nullptr);
}

TEST(CommunesParse, ReadsTheGeneratedFormat) {
  const Communes table(
      "# Sources: test\n"
      "# code\tname\tdepartment\tpopulation\tlat\tlng\tpostcodes\n"
      "69123\tLyon\t69\t519127\t45.7491\t4.8479\t69001,69002\n"
      "01001\tL'Abergement-Clémenciat\t01\t860\t46.1403\t4.9816\t01400\n");
  ASSERT_EQ(table.size(), 2U);
  EXPECT_EQ(table.all()[0].code, "01001");  // sorted by code
  const Commune* lyon = table.by_code("69123");
  ASSERT_NE(lyon, nullptr);
  EXPECT_EQ(lyon->postcodes, (std::vector<std::string>{"69001", "69002"}));
  EXPECT_DOUBLE_EQ(lyon->lat, 45.7491);
  EXPECT_EQ(lyon->population, 519127);
  EXPECT_EQ(codes(table.search("l abergement", 8)), std::vector<std::string>{"01001"});
}

TEST(CommunesParse, RefusesMalformedLines) {
  for (const char* tsv : {
           "69123\tLyon\t69\t1\t45.7\t4.8\n",                // no postcode field
           "69123\tLyon\t69\t1\t45.7\t4.8\t69001\textra\n",  // 8 fields
           "69123\tLyon\t69\tmany\t45.7\t4.8\t69001\n",      // population
           "69123\tLyon\t69\t1\t145.7\t4.8\t69001\n",        // latitude
           "69123\tLyon\t69\t1\t45.7\t4.8\t6900\n",          // postcode
           "69123\tLyon\t69\t1\t45.7\t4.8\t69001,\n",        // empty postcode
           "69123\tLyon\t69\t1\t45.7\t4.8\t69001\n69123\tLyon\t69\t1\t45.7\t4.8\t69001\n"  // twice
       }) {
    EXPECT_THROW(Communes{tsv}, std::runtime_error) << tsv;
  }
}

TEST(GeoNormalise, FoldsFrenchSpelling) {
  EXPECT_EQ(normalise("Saint-Étienne"), "saint etienne");
  EXPECT_EQ(normalise("  ST   ÉTIENNE "), "saint etienne");
  EXPECT_EQ(normalise("Ste-Marie-aux-Mines"), "sainte marie aux mines");
  EXPECT_EQ(normalise("L'Haÿ-les-Roses"), "l hay les roses");
  EXPECT_EQ(normalise("L’Île-d’Yeu"), "l ile d yeu");
  EXPECT_EQ(normalise("Bors (Canton de Tude-et-Lavalette)"), "bors canton de tude et lavalette");
  EXPECT_EQ(normalise("éèêëàâäîïôöùûüÿçœæ"), "eeeeaaaiioouuuycoeae");
  EXPECT_EQ(normalise("ÉÈÊËÀÂÄÎÏÔÖÙÛÜŸÇŒÆ"), "eeeeaaaiioouuuycoeae");
  EXPECT_EQ(normalise("Strasbourg"), "strasbourg");
  EXPECT_EQ(normalise("Stenay"), "stenay");
  EXPECT_EQ(normalise("69003 Lyon"), "69003 lyon");
}

TEST(GeoNormalise, KeepsOtherLettersAndDropsBrokenBytes) {
  EXPECT_EQ(normalise("Ελλάδα"), "Ελλάδα");
  EXPECT_EQ(normalise("a\xff"
                      "b"),
            "a b");
  EXPECT_EQ(normalise("\xc3"), "");            // truncated sequence
  EXPECT_EQ(normalise("\xed\xa0\x80x"), "x");  // a surrogate
  EXPECT_EQ(normalise(""), "");
}

TEST(GeoDistance, ParisToLyonIsAbout392Km) {
  const Commune* paris = communes().by_code("75056");
  const Commune* lyon = communes().by_code("69123");
  ASSERT_NE(paris, nullptr);
  ASSERT_NE(lyon, nullptr);
  EXPECT_NEAR(distance_km(paris->lat, paris->lng, lyon->lat, lyon->lng), 392.0, 5.0);
  EXPECT_NEAR(distance_km(48.8534, 2.3488, 48.8534, 2.3488), 0.0, 1e-9);
  EXPECT_NEAR(distance_km(0, 0, 0, 180), 3.14159265358979 * 6371.0088, 1e-6);
  EXPECT_NEAR(distance_km(45, 4, 46, 5), distance_km(46, 5, 45, 4), 1e-9);
}

}  // namespace
}  // namespace cabinet::geo
