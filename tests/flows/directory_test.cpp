// The directory and agenda through the composition root, on both engines (issue 4): every
// search filter, distance order, pagination, who is listed, next slots equal to the slots
// endpoint, agenda edits seen at once, delay announcements, photos and bad input.
#include <set>

#include "agenda/local_time.hpp"
#include "harness.hpp"

namespace cabinet::test {
namespace {

using http::Method;

// Harness clock: Sunday 22 November 2026, 10:00 in Paris.
constexpr const char* kMonday = "2026-11-23";

nlohmann::json weekday_hours() {
  nlohmann::json hours = nlohmann::json::array();
  for (int d = 1; d <= 5; ++d) {
    hours.push_back({{"weekday", d}, {"mode", "in_person"}, {"start", "09:00"}, {"end", "12:00"}});
    hours.push_back({{"weekday", d}, {"mode", "video"}, {"start", "14:00"}, {"end", "17:00"}});
  }
  return hours;
}

class DirectoryFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  struct Doc {
    Client client;
    std::string id;
  };

  // A practitioner signed up, verified (unless told otherwise), with a profile, one 20-minute
  // motif in both modes, and weekday hours.
  Doc doc(const std::string& first, const std::string& last, const std::string& specialty,
          nlohmann::json profile, bool verified = true) {
    Client c;
    const auto n = ++count_;
    const auto email = "doc" + std::to_string(n) + "@example.fr";
    auto r = h_.post(c, "/api/v1/auth/signup/practitioner",
                     {{"email", email},
                      {"password", Harness::kPassword},
                      {"phone", "07 12 34 56 78"},
                      {"first_name", first},
                      {"last_name", last},
                      {"rpps", rpps_number(100 + n)},
                      {"specialty", specialty}});
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(h_.post(c, "/api/v1/auth/email/confirm",
                      {{"token", h_.link_token(email, "/confirmer-email")}})
                  .status,
              200);
    h_.login(c, email);
    if (verified) {
      const auto account = h_.get(c, "/api/v1/me").body["account"]["id"].get<std::string>();
      EXPECT_EQ(h_.post(op_, "/api/v1/operator/practitioners/" + account + "/verify").status, 200);
    }
    auto put = h_.put(c, "/api/v1/practitioner/profile", profile);
    EXPECT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(h_.post(c, "/api/v1/practitioner/motifs",
                      {{"label", "Consultation"},
                       {"duration_min", 20},
                       {"mode", "both"},
                       {"price_cents", 3000}})
                  .status,
              201);
    EXPECT_EQ(h_.put(c, "/api/v1/practitioner/agenda/hours", {{"hours", weekday_hours()}}).status,
              200);
    return Doc{c, put.body["id"].get<std::string>()};
  }

  static nlohmann::json in(const std::string& code, const std::string& postcode,
                           nlohmann::json extra = nlohmann::json::object()) {
    extra["commune_code"] = code;
    extra["postcode"] = postcode;
    if (!extra.contains("in_person")) extra["in_person"] = true;
    return extra;
  }

  std::vector<std::string> names(const std::string& query) {
    auto r = h_.get(anyone_, "/api/v1/practitioners?" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    std::vector<std::string> out;
    for (const auto& item : r.body["items"]) out.push_back(item["name"].get<std::string>());
    return out;
  }

  Harness h_{GetParam()};
  Client op_ = h_.operator_("operateur@cabinet.test");
  Client anyone_;
  int count_ = 0;
};

TEST_P(DirectoryFlows, EachSearchFilterNarrowsTheList) {
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

TEST_P(DirectoryFlows, PlacesSortByDistanceAndFilterByRadius) {
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

  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=00000").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=91,2").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?sort=distance").code(), "invalid_request");
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners?near=75011&radius_km=500").code(),
            "invalid_request");
}

TEST_P(DirectoryFlows, PagesAreStableAndCoverEveryone) {
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

TEST_P(DirectoryFlows, OnlyVerifiedPublishedPractitionersAreListed) {
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

TEST_P(DirectoryFlows, NextSlotsAreTheFirstSlotsOfTheSlotsEndpoint) {
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
}

TEST_P(DirectoryFlows, AnAbsenceRemovesSlotsFromTheAgendaTheSearchAndTheDateFilter) {
  auto d = doc("Omar", "Absent", "general_medicine", in("75056", "75011"));
  doc("Ines", "Present", "general_medicine", in("75056", "75011"));
  EXPECT_EQ(names(std::string("date=") + kMonday).size(), 2U);

  auto x = h_.post(d.client, "/api/v1/practitioner/agenda/exceptions",
                   {{"kind", "absence"},
                    {"start", "2026-11-23T00:00"},
                    {"end", "2026-11-24T00:00"},
                    {"note", "Formation"}});
  ASSERT_EQ(x.status, 201) << x.body;
  EXPECT_EQ(x.body["start"], "2026-11-23T00:00:00+01:00");

  auto day = h_.get(d.client, std::string("/api/v1/practitioner/agenda?days=1&from=") + kMonday);
  ASSERT_EQ(day.status, 200) << day.body;
  EXPECT_EQ(day.body["days"][0]["open"].size(), 2U);  // hours still shown…
  EXPECT_TRUE(day.body["days"][0]["free"].empty());   // …but nothing bookable
  EXPECT_EQ(day.body["days"][0]["blocked"][0]["note"], "Formation");
  EXPECT_EQ(names(std::string("date=") + kMonday), std::vector<std::string>{"Dr Ines Present"});
  auto next = h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=1&from=" + kMonday);
  EXPECT_TRUE(next.body["slots"].empty());

  // A block removes exactly the slots it covers, on Tuesday.
  auto block =
      h_.post(d.client, "/api/v1/practitioner/agenda/exceptions",
              {{"kind", "block"}, {"start", "2026-11-24T09:20"}, {"end", "2026-11-24T10:00"}});
  ASSERT_EQ(block.status, 201);
  auto tuesday = h_.get(d.client, "/api/v1/practitioner/agenda?days=1&from=2026-11-24");
  std::vector<std::string> starts;
  for (const auto& s : tuesday.body["days"][0]["free"]) starts.push_back(s["start"]);
  EXPECT_EQ(std::count(starts.begin(), starts.end(), "2026-11-24T09:00:00+01:00"), 1);
  EXPECT_EQ(std::count(starts.begin(), starts.end(), "2026-11-24T09:20:00+01:00"), 0);
  EXPECT_EQ(std::count(starts.begin(), starts.end(), "2026-11-24T09:40:00+01:00"), 0);
  EXPECT_EQ(std::count(starts.begin(), starts.end(), "2026-11-24T10:00:00+01:00"), 1);

  // Removed: the Monday comes back everywhere.
  EXPECT_EQ(
      h_.del(d.client, "/api/v1/practitioner/agenda/exceptions/" + x.body["id"].get<std::string>())
          .status,
      204);
  EXPECT_EQ(names(std::string("date=") + kMonday).size(), 2U);

  // An extra opening on Saturday adds slots.
  auto extra = h_.post(d.client, "/api/v1/practitioner/agenda/exceptions",
                       {{"kind", "extra"},
                        {"mode", "video"},
                        {"start", "2026-11-28T10:00"},
                        {"end", "2026-11-28T11:00"}});
  ASSERT_EQ(extra.status, 201) << extra.body;
  auto saturday =
      h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=1&from=2026-11-28");
  EXPECT_EQ(saturday.body["slots"].size(), 3U);
}

TEST_P(DirectoryFlows, HoursEditsShowAtOnceAndBadHoursAreRefused) {
  auto d = doc("Hugo", "Horaires", "general_medicine", in("75056", "75011"));
  nlohmann::json mornings = nlohmann::json::array();
  mornings.push_back({{"weekday", 1}, {"mode", "in_person"}, {"start", "08:00"}, {"end", "09:00"}});
  ASSERT_EQ(h_.put(d.client, "/api/v1/practitioner/agenda/hours", {{"hours", mornings}}).status,
            200);
  auto slots = h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/slots?days=7");
  ASSERT_EQ(slots.body["slots"].size(), 3U);  // only Monday 08:00, 08:20, 08:40
  EXPECT_EQ(slots.body["slots"][0]["start"], "2026-11-23T08:00:00+01:00");

  const auto bad = [&](nlohmann::json hours) {
    return h_.put(d.client, "/api/v1/practitioner/agenda/hours", {{"hours", std::move(hours)}});
  };
  auto overlap = nlohmann::json::array(
      {{{"weekday", 1}, {"mode", "video"}, {"start", "08:00"}, {"end", "10:00"}},
       {{"weekday", 1}, {"mode", "video"}, {"start", "09:30"}, {"end", "11:00"}}});
  EXPECT_EQ(bad(overlap).code(), "invalid_request");
  EXPECT_EQ(bad({{{"weekday", 8}, {"mode", "video"}, {"start", "08:00"}, {"end", "09:00"}}}).status,
            400);
  EXPECT_EQ(bad({{{"weekday", 1}, {"mode", "video"}, {"start", "10:00"}, {"end", "09:00"}}}).status,
            400);
  EXPECT_EQ(bad({{{"weekday", 1}, {"mode", "video"}, {"start", "9h"}, {"end", "10:00"}}}).status,
            400);
  EXPECT_EQ(bad({{{"weekday", 1}, {"mode", "phone"}, {"start", "08:00"}, {"end", "09:00"}}}).status,
            400);
  // Nothing half-written: the saved week is still the last good one.
  EXPECT_EQ(h_.get(d.client, "/api/v1/practitioner/agenda/hours").body["hours"].size(), 1U);

  for (const auto& body : std::vector<nlohmann::json>{
           {{"kind", "holiday"}, {"start", "2026-12-01T00:00"}, {"end", "2026-12-02T00:00"}},
           {{"kind", "absence"}, {"start", "2026-12-02T00:00"}, {"end", "2026-12-01T00:00"}},
           {{"kind", "absence"}, {"start", "2026-12-01"}, {"end", "2026-12-02T00:00"}},
           {{"kind", "absence"}, {"start", "2025-01-01T00:00"}, {"end", "2025-01-02T00:00"}},
           {{"kind", "extra"}, {"start", "2026-12-01T00:00"}, {"end", "2026-12-02T00:00"}},
       }) {
    EXPECT_EQ(h_.post(d.client, "/api/v1/practitioner/agenda/exceptions", body).status, 400)
        << body;
  }
  EXPECT_EQ(
      h_.post(d.client, "/api/v1/practitioner/motifs",
              {{"label", "Trop court"}, {"duration_min", 3}, {"mode", "video"}, {"price_cents", 0}})
          .status,
      400);
  EXPECT_EQ(
      h_.post(
            d.client, "/api/v1/practitioner/motifs",
            {{"label", "Hors grille"}, {"duration_min", 17}, {"mode", "video"}, {"price_cents", 0}})
          .status,
      400);
  EXPECT_EQ(bad({{{"weekday", 1}, {"mode", "video"}, {"start", "08:03"}, {"end", "09:00"}}}).status,
            400);
  EXPECT_EQ(h_.put(d.client, "/api/v1/practitioner/profile", {{"sector", "3"}}).status, 400);
  EXPECT_EQ(h_.put(d.client, "/api/v1/practitioner/profile",
                   {{"commune_code", "75056"}, {"postcode", "69003"}})
                .status,
            400);
  EXPECT_EQ(
      h_.put(d.client, "/api/v1/practitioner/profile", {{"video", false}, {"in_person", false}})
          .status,
      400);
}

TEST_P(DirectoryFlows, AgendaBelongsToThePractitionerAndTheirAssistantOnly) {
  auto a = doc("Ana", "Agenda", "general_medicine", in("75056", "75011"));
  auto b = doc("Ben", "Autre", "general_medicine", in("75056", "75011"));
  auto x = h_.post(a.client, "/api/v1/practitioner/agenda/exceptions",
                   {{"kind", "block"}, {"start", "2026-11-23T09:00"}, {"end", "2026-11-23T10:00"}});
  ASSERT_EQ(x.status, 201);
  const auto path = "/api/v1/practitioner/agenda/exceptions/" + x.body["id"].get<std::string>();
  EXPECT_EQ(h_.del(b.client, path).status, 404);  // another practitioner's block
  auto patient = h_.patient("zoe@example.fr");
  EXPECT_EQ(h_.get(patient, "/api/v1/practitioner/agenda").status, 403);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioner/agenda").status, 401);

  // An assistant invited by Ana manages her agenda, not her profile.
  ASSERT_EQ(
      h_.post(a.client, "/api/v1/practitioner/assistants", {{"email", "ines@example.fr"}}).status,
      201);
  Client assistant;
  auto signup = h_.post(assistant, "/api/v1/auth/signup/assistant",
                        {{"token", h_.link_token("ines@example.fr", "/inscription/assistant")},
                         {"password", Harness::kPassword},
                         {"phone", "07 12 34 56 78"},
                         {"first_name", "Inès"},
                         {"last_name", "Roux"}});
  ASSERT_EQ(signup.status, 201) << signup.body;
  h_.login(assistant, "ines@example.fr");
  auto view = h_.get(assistant, std::string("/api/v1/practitioner/agenda?days=7&from=") + kMonday);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.body["days"].size(), 7U);
  EXPECT_EQ(view.body["days"][0]["blocked"].size(), 1U);
  EXPECT_EQ(h_.get(assistant, "/api/v1/practitioner/profile").status, 403);
  EXPECT_EQ(h_.del(assistant, path).status, 204);
}

TEST_P(DirectoryFlows, ADelayIsShownOnTheProfileAndPhotosAreCheckedByContent) {
  auto d = doc("Rita", "Retard", "general_medicine", in("75056", "75011"));
  auto delay = h_.post(d.client, "/api/v1/practitioner/agenda/delay", {{"minutes", 25}});
  ASSERT_EQ(delay.status, 200) << delay.body;
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id).body["delay_minutes"], 25);
  EXPECT_EQ(h_.post(d.client, "/api/v1/practitioner/agenda/delay", {{"minutes", 241}}).status, 400);
  EXPECT_EQ(h_.post(d.client, "/api/v1/practitioner/agenda/delay", {{"minutes", 0}}).status, 200);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id).body["delay_minutes"], 0);

  // A text file named as a picture is refused by its content.
  EXPECT_EQ(
      h_.upload(d.client, "/api/v1/practitioner/photo", "not really a PNG", "image/png").status,
      415);
  // A real PNG (1×1, red) is accepted and served as a re-encoded JPEG.
  const std::string png(
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52"
      "\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a"
      "\x73\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00"
      "\x44\x0c\x10\x0a\x00\x1f\xee\x03\xfd\x8b\x5f\x14\xd4\x00\x00\x00"
      "\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      73);
  auto up = h_.upload(d.client, "/api/v1/practitioner/photo", png, "image/png");
  ASSERT_EQ(up.status, 204) << up.body;
  auto profile = h_.get(anyone_, "/api/v1/practitioners/" + d.id);
  const auto url = profile.body["photo_url"].get<std::string>();
  EXPECT_TRUE(url.starts_with("/api/v1/practitioners/" + d.id + "/photo?v="));
  auto photo = h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/photo");
  EXPECT_EQ(photo.status, 200);
  EXPECT_EQ(photo.headers.get("Content-Type"), "image/jpeg");
  EXPECT_EQ(h_.del(d.client, "/api/v1/practitioner/photo").status, 204);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id).body["photo_url"], nullptr);
  EXPECT_EQ(h_.get(anyone_, "/api/v1/practitioners/" + d.id + "/photo").status, 404);
}

// A socket as the hub sees it, keeping what it is sent.
class RecordingConnection final : public realtime::Connection {
 public:
  explicit RecordingConnection(std::uint64_t id) : id_(id) {}
  [[nodiscard]] std::uint64_t id() const override { return id_; }
  [[nodiscard]] Locale locale() const override { return Locale::fr; }
  void send(std::string text) override { sent.push_back(nlohmann::json::parse(text)); }
  void close(realtime::CloseCode, std::string) override {}
  std::vector<nlohmann::json> sent;

 private:
  std::uint64_t id_;
};

TEST_P(DirectoryFlows, PatientsFollowingAPractitionerSeeTheDelayLive) {
  auto d = doc("Lea", "Live", "general_medicine", in("75056", "75011"));
  auto& hub = h_.app().hub();
  auto waiting = std::make_shared<RecordingConnection>(990001);
  auto other = std::make_shared<RecordingConnection>(990002);
  hub.attach(waiting);
  hub.attach(other);
  const std::string follow = R"({"type":"follow","practitioner":")" + d.id + R"("})";
  h_.app().block_on(hub.dispatch(*waiting, follow));
  ASSERT_EQ(waiting->sent.size(), 1U);
  EXPECT_EQ(waiting->sent[0]["type"], "following");
  EXPECT_EQ(waiting->sent[0]["delay_minutes"], 0);
  h_.app().block_on(hub.dispatch(*other, R"({"type":"follow","practitioner":"nobody"})"));
  EXPECT_EQ(other->sent.at(0)["code"], "not_found");

  ASSERT_EQ(h_.post(d.client, "/api/v1/practitioner/agenda/delay", {{"minutes", 20}}).status, 200);
  ASSERT_EQ(waiting->sent.size(), 2U);
  EXPECT_EQ(waiting->sent[1]["type"], "delay");
  EXPECT_EQ(waiting->sent[1]["minutes"], 20);
  EXPECT_EQ(other->sent.size(), 1U);  // only followers hear it

  h_.app().block_on(
      hub.dispatch(*waiting, R"({"type":"unfollow","practitioner":")" + d.id + R"("})"));
  ASSERT_EQ(h_.post(d.client, "/api/v1/practitioner/agenda/delay", {{"minutes", 0}}).status, 200);
  EXPECT_EQ(waiting->sent.size(), 2U);
  hub.detach(waiting->id());
  hub.detach(other->id());
}

TEST_P(DirectoryFlows, ChangesRecordedByAnotherNodeReachThisNodesIndex) {
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

TEST_P(DirectoryFlows, SpecialtiesCarryTheirReimbursementFacts) {
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

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
