// The practitioner's agenda through the composition root, on both engines (issue 4): absences,
// blocks and extra openings seen at once, hours validation, who may edit, delays announced live,
// and photos checked by content.
#include "directory_fixture.hpp"

namespace cabinet::test {
namespace {

using http::Method;

class DirectoryAgenda : public DirectoryFlows {};

TEST_P(DirectoryAgenda, AnAbsenceRemovesSlotsFromTheAgendaTheSearchAndTheDateFilter) {
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

TEST_P(DirectoryAgenda, HoursEditsShowAtOnceAndBadHoursAreRefused) {
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

TEST_P(DirectoryAgenda, AMotifMayCarryAnEnglishLabelBesideTheFrenchOne) {
  auto d = doc("Eva", "English", "general_medicine", in("75056", "75011"));
  auto added = h_.post(d.client, "/api/v1/practitioner/motifs",
                       {{"label", "Renouvellement d’ordonnance"},
                        {"label_en", "  Prescription renewal "},
                        {"duration_min", 10},
                        {"mode", "both"},
                        {"price_cents", 2500}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.body["label"], "Renouvellement d’ordonnance");  // unchanged, French
  EXPECT_EQ(added.body["label_en"], "Prescription renewal");      // trimmed
  const auto id = added.body["id"].get<std::string>();
  const auto path = "/api/v1/practitioner/motifs/" + id;
  auto stored = h_.app().block_on(
      h_.db().query("SELECT label_en FROM motifs WHERE public_id = $1", storage::Params{id}));
  ASSERT_TRUE(stored && stored->size() == 1);
  EXPECT_EQ(stored->row(0).opt_text(0), "Prescription renewal");

  // The public page carries both; a motif without one says null, not "".
  auto page = h_.get(anyone_, "/api/v1/practitioners/" + d.id);
  ASSERT_EQ(page.body["motifs"].size(), 2U) << page.body;
  EXPECT_TRUE(page.body["motifs"][0]["label_en"].is_null());
  EXPECT_EQ(page.body["motifs"][1]["label_en"], "Prescription renewal");

  const auto put = [&](nlohmann::json extra) {
    nlohmann::json body = {
        {"label", "Renouvellement"}, {"duration_min", 10}, {"mode", "both"}, {"price_cents", 2500}};
    body.update(extra);
    return h_.put(d.client, path, body);
  };
  EXPECT_EQ(put({{"label_en", "Renewal"}}).body["label_en"], "Renewal");
  EXPECT_EQ(h_.get(d.client, "/api/v1/practitioner/motifs").body["items"][1]["label_en"],
            "Renewal");
  EXPECT_TRUE(put({{"label_en", "   "}}).body["label_en"].is_null());  // blank is none
  EXPECT_EQ(put({{"label_en", "Renewal"}}).status, 200);
  EXPECT_TRUE(put(nlohmann::json::object()).body["label_en"].is_null());  // a PUT replaces it all
  EXPECT_TRUE(
      h_.get(d.client, "/api/v1/practitioner/motifs").body["items"][1]["label_en"].is_null());
  auto wrong = put({{"label_en", 42}});
  EXPECT_EQ(wrong.status, 400);
  EXPECT_EQ(wrong.body["error"]["field"], "label_en");
  EXPECT_EQ(put({{"label_en", std::string(121, 'a')}}).status, 400);
}

TEST_P(DirectoryAgenda, AgendaBelongsToThePractitionerAndTheirAssistantOnly) {
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
  // They read Ana's motifs, to book for her patients, but do not change them.
  auto motifs = h_.get(assistant, "/api/v1/practitioner/motifs");
  ASSERT_EQ(motifs.status, 200) << motifs.body;
  EXPECT_EQ(motifs.body["items"], h_.get(a.client, "/api/v1/practitioner/motifs").body["items"]);
  EXPECT_EQ(
      h_.post(assistant, "/api/v1/practitioner/motifs",
              {{"label", "Bilan"}, {"duration_min", 30}, {"mode", "video"}, {"price_cents", 3000}})
          .status,
      403);
  EXPECT_EQ(h_.del(assistant, path).status, 204);
}

TEST_P(DirectoryAgenda, ADelayIsShownOnTheProfileAndPhotosAreCheckedByContent) {
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
  [[nodiscard]] const Principal& principal() const override { return principal_; }
  void send(std::string text) override { sent.push_back(nlohmann::json::parse(text)); }
  void close(realtime::CloseCode, std::string) override {}
  std::vector<nlohmann::json> sent;

 private:
  std::uint64_t id_;
  Principal principal_;
};

TEST_P(DirectoryAgenda, PatientsFollowingAPractitionerSeeTheDelayLive) {
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

// Sector 1 bills the convention tariff (issue 12): a GP's video motif above the TCG (25 €) is
// refused with the tariff, in-person up to the G (30 €) is fine, a "both" motif must fit both;
// sector 2 sets its own price; moving to sector 1 with a motif above the tariff is refused.
TEST_P(DirectoryAgenda, Sector1PricesStayAtTheConventionTariff) {
  auto d = doc("Paul", "Tarif", "general_medicine", in("75056", "75011"));
  const auto add = [&](const std::string& mode, int cents) {
    return h_.post(
        d.client, "/api/v1/practitioner/motifs",
        {{"label", "Suivi"}, {"duration_min", 15}, {"mode", mode}, {"price_cents", cents}});
  };
  auto video = add("video", 3000);
  ASSERT_EQ(video.status, 400) << video.body;
  EXPECT_EQ(video.body["error"]["field"], "price_cents");
  EXPECT_NE(video.message().find("25,00 €"), std::string::npos) << video.body;
  EXPECT_EQ(add("both", 3000).status, 400);
  EXPECT_EQ(add("in_person", 3000).status, 201);
  auto ok = add("video", 2500);
  ASSERT_EQ(ok.status, 201) << ok.body;
  // Editing one above the tariff is refused the same way.
  const auto path = "/api/v1/practitioner/motifs/" + ok.body["id"].get<std::string>();
  EXPECT_EQ(
      h_.call(d.client, Method::put, path,
              {{"label", "Suivi"}, {"duration_min", 15}, {"mode", "video"}, {"price_cents", 2600}})
          .status,
      400);

  auto s2 = doc("Sara", "Libre", "general_medicine", in("75056", "75011", {{"sector", "2"}}));
  auto free_price =
      h_.post(s2.client, "/api/v1/practitioner/motifs",
              {{"label", "Suivi"}, {"duration_min", 15}, {"mode", "video"}, {"price_cents", 4000}});
  ASSERT_EQ(free_price.status, 201) << free_price.body;
  auto back = h_.put(s2.client, "/api/v1/practitioner/profile", {{"sector", "1"}});
  ASSERT_EQ(back.status, 400) << back.body;
  EXPECT_EQ(back.body["error"]["field"], "sector");
  // The estimate of a sector-1 GP's video consultation at the tariff has no excess.
  // (For a child: under 16, the video consultation is reimbursed outside the parcours.)
  auto p = h_.patient("tarif@example.fr", "Inès");
  auto child = h_.post(p, "/api/v1/me/profiles",
                       {{"first_name", "Noé"},
                        {"last_name", "Tarif"},
                        {"birth_date", "2018-05-04"},
                        {"sex", "male"},
                        {"relationship", "child"}});
  ASSERT_EQ(child.status, 201) << child.body;
  auto e = h_.post(
      p, "/api/v1/reimbursement/estimate",
      {{"practitioner_id", d.id}, {"motif_id", ok.body["id"]}, {"profile_id", child.body["id"]}});
  ASSERT_EQ(e.status, 200) << e.body;
  EXPECT_EQ(e.body["price_cents"], 2500);
  EXPECT_EQ(e.body["reimbursable"], true);
  EXPECT_EQ(e.body["reason"].get<std::string>().find("dépassement"), std::string::npos) << e.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryAgenda, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
