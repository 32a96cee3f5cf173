#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/communes.hpp"

namespace cabinet::geo {
namespace {

const Communes& communes() { return Communes::instance(); }

struct Typed {
  const char* text;
  const char* code;      // INSEE
  const char* postcode;  // the one the text names, or the commune's first
};

// What people type in the "Où ?" field, and what they mean. Each is checked through resolve()
// and through search(), which answers GET /places and so both the suggestions and the final
// choice when the form is sent without picking one.
const Typed kTyped[] = {
    // A postcode with the name, in either order, or alone.
    {"Lyon 69003", "69123", "69003"},
    {"69003 Lyon", "69123", "69003"},
    {"lyon, 69003", "69123", "69003"},
    {"69003", "69123", "69003"},
    {"Marseille 13008", "13055", "13008"},
    {"Paris 75116", "75056", "75116"},
    {"aix-en-provence 13090", "13001", "13090"},
    {"SAINT-ETIENNE 42100", "42218", "42100"},
    {"42000 saint etienne", "42218", "42000"},
    // Arrondissements of Paris, Lyon and Marseille.
    {"Paris 11e", "75056", "75011"},
    {"Paris 11ème", "75056", "75011"},
    {"paris 11eme arr.", "75056", "75011"},
    {"Paris XIe", "75056", "75011"},
    {"Paris 11", "75056", "75011"},
    {"Paris 1er", "75056", "75001"},
    {"Paris 1er arrondissement", "75056", "75001"},
    {"Paris Ier", "75056", "75001"},
    {"Paris 2e", "75056", "75002"},
    {"Paris IIe", "75056", "75002"},
    {"Paris 16e", "75056", "75016"},
    {"Paris 20e", "75056", "75020"},
    {"11e arrondissement de Paris", "75056", "75011"},
    {"Paris 11e 75011", "75056", "75011"},
    {"Lyon 3e", "69123", "69003"},
    {"Lyon 3ème", "69123", "69003"},
    {"Lyon 3eme", "69123", "69003"},
    {"Lyon 3e arrondissement", "69123", "69003"},
    {"Lyon IIIe", "69123", "69003"},
    {"3e arr. Lyon", "69123", "69003"},
    {"Lyon 1re", "69123", "69001"},
    {"Lyon 9e", "69123", "69009"},
    {"Marseille 8e", "13055", "13008"},
    {"Marseille 1er", "13055", "13001"},
    {"Marseille 13", "13055", "13013"},  // the 13e, not the Bouches-du-Rhône
    {"Marseille XVIe", "13055", "13016"},
    // Accents, case, hyphens, apostrophes, saint/st/ste.
    {"st etienne", "42218", "42000"},
    {"st-etienne", "42218", "42000"},
    {"Saint Étienne", "42218", "42000"},
    {"Aix en Provence", "13001", "13080"},
    {"chalons en champagne", "51108", "51000"},
    {"Châlons-en-Champagne", "51108", "51000"},
    {"ste marie aux mines", "68298", "68160"},
    {"l hay les roses", "94038", "94240"},
    {"LE HAVRE", "76351", "76600"},
    // Homonyms: by population, unless a postcode or its start chooses.
    {"Saint-Denis", "97411", "97400"},
    {"Saint-Denis 93200", "93066", "93200"},
    {"st denis 93", "93066", "93200"},
    {"97400 St Denis", "97411", "97400"},
    // Overseas départements.
    {"97400", "97411", "97400"},
    {"Fort de France", "97209", "97200"},
    {"97200", "97209", "97200"},
    {"fort-de-france 97234", "97209", "97234"},
    // Corsica.
    {"Ajaccio", "2A004", "20000"},
    {"20000", "2A004", "20000"},
    {"Bastia", "2B033", "20200"},
    {"Bastia 20600", "2B033", "20600"},
    // One typo away, 5 letters or more.
    {"Bordeux", "33063", "33000"},
    {"Toulouze", "31555", "31000"},
    {"Marseile", "13055", "13001"},
    {"Nantse", "44109", "44000"},
    {"Montpelier", "34172", "34000"},
    {"Strasbourgg", "67482", "67000"},
    {"Ajacio", "2A004", "20000"},
    {"st etiene", "42218", "42000"},
    {"Bordeux 33800", "33063", "33800"},
    {"Marseile 8e", "13055", "13008"},
};

TEST(CommunesResolve, UnderstandsPlacesAsPeopleTypeThem) {
  for (const auto& t : kTyped) {
    const auto found = communes().resolve(t.text, 5);
    ASSERT_FALSE(found.empty()) << t.text;
    EXPECT_EQ(found[0].commune->code, t.code) << t.text;
    EXPECT_EQ(found[0].postcode, t.postcode) << t.text;

    const auto suggested = communes().search(t.text, 1);
    ASSERT_EQ(suggested.size(), 1U) << t.text;
    EXPECT_EQ(suggested[0].commune->code, t.code) << t.text;
    EXPECT_EQ(suggested[0].postcode, t.postcode) << t.text;
  }
}

TEST(CommunesResolve, FindsNothingRatherThanAWrongPlace) {
  for (const char* text : {"",
                           "   ",
                           "xyzzy",
                           "qwertyuiop",
                           "Paris 21e",
                           "Paris XXI",
                           "Lyon 10e",
                           "Marseille 17e",
                           "Paris 0",
                           "99999",
                           "00000",
                           "Lyon 75001",
                           "Bordeaux 69003",
                           "Saint-Étienne 75011",
                           "Lyom",
                           "Tolouze",
                           "Bordoeux",
                           "Nice 11e",
                           "11e arrondissement",
                           "arrondissement Paris"}) {
    EXPECT_TRUE(communes().resolve(text, 5).empty()) << text;
    EXPECT_TRUE(communes().search(text, 5).empty()) << text;
  }
}

TEST(CommunesResolve, ListsThePostcodesTheTextAllows) {
  const auto lyon = communes().resolve("Lyon", 20);
  ASSERT_EQ(lyon.size(), 9U);  // exactly the name: not Lyons-la-Forêt
  for (const auto& p : lyon) EXPECT_EQ(p.commune->code, "69123");

  std::vector<std::string> paris16;
  for (const auto& p : communes().resolve("Paris 16e", 5)) paris16.push_back(p.postcode);
  EXPECT_EQ(paris16, (std::vector<std::string>{"75016", "75116"}));

  const auto saint_denis = communes().resolve("Saint-Denis", 20);
  ASSERT_GE(saint_denis.size(), 4U);
  EXPECT_EQ(saint_denis[0].commune->code, "97411");
  EXPECT_EQ(saint_denis[3].commune->code, "93066");  // after the three of Réunion's
  EXPECT_EQ(communes().resolve("Saint-Denis", 2).size(), 2U);
  EXPECT_TRUE(communes().resolve("Lyon", 0).empty());
}

TEST(CommunesResolve, ExactNamesWinOverTypos) {
  // "Bordes" is a commune (64 and 65) one typo from many; "Paris" is one from "Pariss".
  const auto bordes = communes().resolve("Bordes", 5);
  ASSERT_FALSE(bordes.empty());
  EXPECT_EQ(bordes[0].commune->name, "Bordes");
  for (const auto& p : bordes) EXPECT_EQ(p.commune->name, "Bordes");
  EXPECT_EQ(communes().resolve("Pariss", 1).at(0).commune->code, "75056");
}

TEST(CommunesSearch, SuggestsWhileTheTextIsBeingTyped) {
  const auto first = [](const char* q) {
    const auto found = communes().search(q, 8);
    return found.empty() ? std::string() : found[0].commune->code + " " + found[0].postcode;
  };
  EXPECT_EQ(first("Lyon 6900"), "69123 69001");  // the start of a postcode
  EXPECT_EQ(first("69003 Ly"), "69123 69003");   // the start of a name after a postcode
  EXPECT_EQ(first("Lyon 3e a"), "69123 69003");  // "arrondissement" on its way
  EXPECT_EQ(first("Paris 1"), "75056 75001");
  EXPECT_EQ(first("Bordeu"), "64138 64510");  // Bordes, until the x comes
  EXPECT_EQ(first("Bordeux"), "33063 33000");
  // The exact name first, then those it starts: "Lyon" lists Lyons-la-Forêt after Lyon's nine.
  EXPECT_EQ(communes().search("lyon", 12).size(), 10U);
}

}  // namespace
}  // namespace cabinet::geo
