// The directory's public side through the composition root, on both engines (issue 4): every
// search filter, distance order, pagination, who is listed, next slots equal to the slots
// endpoint, specialties, and changes made on another node.
#include <set>

#include "directory_fixture.hpp"

namespace cabinet::test {
namespace {

using http::Method;

class DirectorySearch : public DirectoryFlows {};

TEST_P(DirectorySearch, EachSearchFilterNarrowsTheList) {
  doc("Alice", "Martin", "general_medicine",
      in("75056", "75011", {{"languages", {"fr", "en"}}, {"tiers_payant", true}, {"sector", "1"}}));
  doc("Bruno", "Petit", "general_medicine",
      in("75056", "75015", {{"video", false}, {"sector", "2"}}));
  doc("Chloé", "Roux", "dermatology", in("75056", "75008", {{"sector", "2_optam"}}));
  doc("David", "Noël", "psychology",
      in("69123", "69003", {{"sector", "nc"}, {"languages", {"fr", "es"}}}));

  EXPECT_EQ(names("specialty=general_medicine&sort=soonest").size(), 2U);
  EXPECT_EQ(names("specialty=dermatology"), std::vector<std::string>{"Dr Chloé Roux"});
  // Psychologists are not addressed as "Dr".
  EXPECT_EQ(names("specialty=psychology"), std::vector<std::string>{"David Noël"});
  EXPECT_EQ(names("q=noel"), std::vector<std::string>{"David Noël"});  // accents ignored
  EXPECT_EQ(names("q=DERMATO"), std::vector<std::string>{"Dr Chloé Roux"});
  EXPECT_EQ(names("q=dermatologue"), std::vector<std::string>{"Dr Chloé Roux"});
  EXPECT_EQ(names("q=m%C3%A9decin%20g%C3%A9n%C3%A9raliste").size(), 2U);  // "médecin généraliste"
  EXPECT_EQ(names("q=psy"), std::vector<std::string>{"David Noël"});
  EXPECT_EQ(names("q=alice%20mart"), std::vector<std::string>{"Dr Alice Martin"});
  EXPECT_EQ(names("language=en"), std::vector<std::string>{"Dr Alice Martin"});
  EXPECT_EQ(names("language=es"), std::vector<std::string>{"David Noël"});
  EXPECT_EQ(names("tiers_payant=true"), std::vector<std::string>{"Dr Alice Martin"});
  EXPECT_EQ(names("sector=2,2_optam").size(), 2U);
  EXPECT_EQ(names("sector=nc"), std::vector<std::string>{"David Noël"});
  const auto video = names("video=true");
  EXPECT_EQ(video.size(), 3U);
  EXPECT_EQ(std::count(video.begin(), video.end(), "Dr Bruno Petit"), 0);
  EXPECT_EQ(names("near=69003"), std::vector<std::string>{"David Noël"});
  EXPECT_EQ(names("near=75011&specialty=general_medicine&language=en"),
            std::vector<std::string>{"Dr Alice Martin"});
  EXPECT_TRUE(names("q=zzz").empty());
}

TEST_P(DirectorySearch, PlacesSortByDistanceAndFilterByRadius) {
  doc("Anne", "Paris", "general_medicine", in("75056", "75011"));
  doc("Bea", "Boulogne", "general_medicine", in("92012", "92100"));
  doc("Carl", "Versailles", "general_medicine", in("78646", "78000"));
  doc("Dan", "Lyon", "general_medicine", in("69123", "69003"));

  auto r = h_.get(anyone_, "/api/v1/practitioners?near=75011&radius_km=50&sort=distance");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.body["items"].size(), 3U);  // Lyon is 390 km away
  EXPECT_EQ(r.body["items"][0]["name"], "Dr Anne Paris");
  EXPECT_EQ(r.body["items"][1]["name"], "Dr Bea Boulogne");
  EXPECT_EQ(r.body["items"][2]["name"], "Dr Carl Versailles");
  double last = -1;
  for (const auto& item : r.body["items"]) {
    EXPECT_GE(item["distance_km"].get<double>(), last);
    last = item["distance_km"].get<double>();
  }
  EXPECT_EQ(r.body["near"]["name"], "Paris");
  EXPECT_EQ(r.body["near"]["postcode"], "75011");

  // A point, a commune code, a smaller radius.
  EXPECT_EQ(names("near=45.76,4.84&sort=distance").front(), "Dr Dan Lyon");
  EXPECT_EQ(names("near=c:78646&radius_km=5"), std::vector<std::string>{"Dr Carl Versailles"});
  EXPECT_EQ(names("near=75011&radius_km=10&sort=distance"),
            (std::vector<std::string>{"Dr Anne Paris", "Dr Bea Boulogne"}));

  // Places autocomplete: postcodes and names, accents ignored.
  auto places = h_.get(anyone_, "/api/v1/places?q=versai");
  ASSERT_EQ(places.status, 200);
  EXPECT_EQ(places.body["items"][0]["name"], "Versailles");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/places?q=69003").body["items"][0]["name"], "Lyon");
  // … and places as people type them (issue 12): the first item is what the form then uses.
  for (const auto& [typed, label] :
       {std::pair{"Lyon%2069003", "Lyon (69003)"}, std::pair{"69003%20lyon", "Lyon (69003)"},
        std::pair{"Paris%20XIe", "Paris (75011)"}, std::pair{"Lyon%203%C3%A8me", "Lyon (69003)"},
        std::pair{"Bordeux", "Bordeaux (33000)"}}) {
    const auto found = h_.get(anyone_, std::string("/api/v1/places?limit=1&q=") + typed);
    ASSERT_EQ(found.status, 200) << typed;
    ASSERT_EQ(found.body["items"].size(), 1U) << typed;
    EXPECT_EQ(found.body["items"][0]["label"], label) << typed;
  }
  EXPECT_TRUE(h_.get(anyone_, "/api/v1/places?q=Paris%2021e").body["items"].empty());
  // `near` reads them the same way.
  EXPECT_EQ(names("near=Lyon%2C%2069003&radius_km=5"), std::vector<std::string>{"Dr Dan Lyon"});
  const auto typed = h_.get(anyone_, "/api/v1/practitioners?near=Paris%2011e&radius_km=5");
  ASSERT_EQ(typed.status, 200) << typed.body;
  EXPECT_EQ(typed.body["near"]["postcode"], "75011");
  EXPECT_EQ(typed.body["items"][0]["name"], "Dr Anne Paris");

  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=00000").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=91,2").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=Paris%2021e").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?sort=distance").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=75011&radius_km=500").code(),
            "invalid_request");
}

TEST_P(DirectorySearch, PagesAreStableAndCoverEveryone) {
  for (const auto* first : {"Anna", "Berthe", "Cora", "Dina", "Elsa", "Fanny", "Gina"})
    doc(first, "Page", "pediatrics", in("75056", "75011"));
  std::set<std::string> seen;
  for (int page = 1; page <= 3; ++page) {
    auto r = h_.get(anyone_, "/api/v1/practitioners?specialty=pediatrics&per_page=3&page=" +
                                 std::to_string(page));
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body["total"], 7);
    EXPECT_EQ(r.body["page"], page);
    EXPECT_EQ(r.body["items"].size(), page < 3 ? 3U : 1U);
    for (const auto& item : r.body["items"]) EXPECT_TRUE(seen.insert(item["id"]).second);
  }
  EXPECT_EQ(seen.size(), 7U);
  EXPECT_TRUE(h_.get(anyone_, "/api/v1/practitioners?specialty=pediatrics&per_page=3&page=4")
                  .body["items"]
                  .empty());
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?page=0").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?per_page=51").code(), "invalid_request");
}

TEST_P(DirectorySearch, OnlyVerifiedPublishedPractitionersAreListed) {
  auto pending = doc("Paul", "Attente", "general_medicine", in("75056", "75011"), false);
  auto listed = doc("Lise", "Verifiee", "general_medicine", in("75056", "75011"));
  EXPECT_EQ(names("specialty=general_medicine"), std::vector<std::string>{"Dr Lise Verifiee"});
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + pending.id).status, 404);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + pending.id + "/slots").status, 404);
  // The pending practitioner prepares their profile, and sees it is not listed yet.
  auto mine = h_.get(pending.client, "/api/v1/practitioner/profile");
  EXPECT_EQ(mine.body["status"], "pending");
  EXPECT_EQ(mine.body["listed"], false);

  // Unpublished: gone from the list and the page; published again: back.
  EXPECT_EQ(h_.put(listed.client, "/api/v1/practitioner/profile", {{"published", false}}).status,
            200);
  EXPECT_TRUE(names("specialty=general_medicine").empty());
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + listed.id).status, 404);
  EXPECT_EQ(h_.put(listed.client, "/api/v1/practitioner/profile", {{"published", true}}).status,
            200);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + listed.id).status, 200);

  // Verified by the operator: listed at once.
  const auto account =
      h_.get(pending.client, "/api/v1/me").body["account"]["id"].get<std::string>();
  EXPECT_EQ(h_.post(op_, "/api/v1/operator/practitioners/" + account + "/verify").status, 200);
  EXPECT_EQ(names("specialty=general_medicine").size(), 2U);
}

TEST_P(DirectorySearch, NextSlotsAreTheFirstSlotsOfTheSlotsEndpoint) {
  auto d = doc("Nina", "Slot", "general_medicine", in("75056", "75011"));
  for (const std::string mode : {"", "video"}) {
    auto search = h_.get(anyone_, "/api/v1/practitioners?specialty=general_medicine" +
                                      std::string(mode.empty() ? "" : "&video=true"));
    ASSERT_EQ(search.body["items"].size(), 1U);
    const auto next = search.body["items"][0]["next_slots"];
    ASSERT_EQ(next.size(), 5U);
    auto slots = h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=7" +
                                     std::string(mode.empty() ? "" : "&mode=video"));
    ASSERT_EQ(slots.status, 200);
    ASSERT_GE(slots.body["slots"].size(), 5U);
    for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(next[i], slots.body["slots"][i]) << mode << i;
  }
  // Sunday 10:00 now: the first slot is Monday 09:00 in person, or 14:00 by video, 20 minutes.
  auto slots = h_.get(
      anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=1&from=" + std::string(kMonday));
  EXPECT_EQ(slots.body["timezone"], "Europe/Paris");
  EXPECT_EQ(slots.body["slots"][0]["start"], "2026-11-23T09:00:00+01:00");
  EXPECT_EQ(slots.body["slots"][0]["end"], "2026-11-23T09:20:00+01:00");
  EXPECT_EQ(slots.body["slots"][0]["mode"], "in_person");
  EXPECT_EQ(slots.body["slots"].size(), 9U + 9U);  // 3 h of each mode, 20 minutes each
  auto video = h_.get(anyone_, "/api/v1/practitioners/" + d.id +
                                   "/slots?mode=video&from=" + std::string(kMonday) + "&days=1");
  EXPECT_EQ(video.body["slots"][0]["start"], "2026-11-23T14:00:00+01:00");

  // A motif sets the duration; an unknown one is an error.
  auto profile = h_.get(anyone_, "/api/v1/practitioners/" + d.id);
  ASSERT_EQ(profile.body["motifs"].size(), 1U);
  EXPECT_EQ(profile.body["motifs"][0]["duration_min"], 20);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?motif_id=nope").code(),
            "invalid_request");
  for (const auto* bad : {"from=2026-02-30", "days=0", "days=32", "mode=phone"}) {
    EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?" + bad).status, 400)
        << bad;
  }

  // Time passes: Monday 09:30 in Paris, with one hour's notice. The list (whose answer and
  // next slots were cached) no longer offers anything before 10:30.
  h_.clock().advance(std::chrono::minutes(23 * 60 + 30));
  auto later = h_.get(anyone_, "/api/v1/practitioners?specialty=general_medicine");
  EXPECT_EQ(later.body["items"][0]["next_slots"][0]["start"], "2026-11-23T10:40:00+01:00");
  auto today = h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=1");
  EXPECT_EQ(today.body["slots"][0]["start"], "2026-11-23T10:40:00+01:00");
}

TEST_P(DirectorySearch, ChangesRecordedByAnotherNodeReachThisNodesIndex) {
  auto d = doc("Noe", "Noeud", "general_medicine", in("75056", "75011"));
  EXPECT_TRUE(names("tiers_payant=true").empty());
  // Another node changes the profile: the row and its change record, in one transaction.
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    storage::Params set{std::int64_t{1}, d.id};
    auto r = co_await tx.query(
        "UPDATE practitioner_profiles SET tiers_payant = $1 WHERE public_id = $2", std::move(set));
    if (!r) co_return std::move(r).error();
    storage::Params change{d.id, h_.clock().unix_seconds()};
    auto c = co_await tx.query(
        "INSERT INTO directory_changes (practitioner_id, changed_at)"
        " SELECT account_id, $2 FROM practitioner_profiles WHERE public_id = $1",
        std::move(change));
    if (!c) co_return std::move(c).error();
    co_return ok();
  };
  ASSERT_TRUE(h_.app().block_on(h_.db().transact(tx_body)));
  EXPECT_TRUE(names("tiers_payant=true").empty());  // not seen before the next pass
  ASSERT_TRUE(h_.app().block_on(h_.app().directory_index().poll_changes()));
  EXPECT_EQ(names("tiers_payant=true"), std::vector<std::string>{"Dr Noe Noeud"});
  // A pass with nothing new changes nothing.
  ASSERT_TRUE(h_.app().block_on(h_.app().directory_index().poll_changes()));
  EXPECT_EQ(names("tiers_payant=true").size(), 1U);
}

TEST_P(DirectorySearch, SpecialtiesCarryTheirReimbursementFacts) {
  auto r = h_.get(anyone_, "/api/v1/specialties");
  ASSERT_EQ(r.status, 200);
  bool dentist = false;
  for (const auto& s : r.body["items"]) {
    if (s["id"] == "dentistry") {
      dentist = true;
      EXPECT_EQ(s["label"], "Chirurgie dentaire");
      EXPECT_EQ(s["teleconsultation_reimbursed"], false);
    }
  }
  EXPECT_TRUE(dentist);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?specialty=astrology").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?date=2026-13-01").code(), "invalid_request");
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectorySearch, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
