// The practitioner's side panel and the consultation record through the handlers, with the
// harness clock (issue 6, docs/consultation.md): a consultation booked for a child shows the
// child, their age today in Paris and their coverage; an assistant of the agenda sees none of it.
#include "booking_fixture.hpp"

namespace cabinet::test {
namespace {

class ConsultationRecords : public BookingFlows {
 protected:
  // An assistant of the practitioner, signed in.
  Client assistant() {
    auto invite =
        h_.post(doc_.client, "/api/v1/practitioner/assistants", {{"email", "aide@example.fr"}});
    EXPECT_EQ(invite.status, 201) << invite.body;
    Client c;
    EXPECT_EQ(h_.post(c, "/api/v1/auth/signup/assistant",
                      {{"token", h_.link_token("aide@example.fr", "/inscription/assistant")},
                       {"password", Harness::kPassword},
                       {"phone", "0611223344"},
                       {"first_name", "Inès"},
                       {"last_name", "Roux"}})
                  .status,
              201);
    h_.login(c, "aide@example.fr");
    return c;
  }

  Reply share(Client& c, const std::string& id, const std::string& bytes) {
    return h_.call(c, http::Method::post, "/api/v1/consultations/" + id + "/files", nullptr,
                   {{"Content-Type", "application/octet-stream"}, {"X-File-Name", "vue.pdf"}}, true,
                   bytes);
  }
};

TEST_P(ConsultationRecords, ThePanelShowsTheChildTheirAgeTodayAndTheirCoverage) {
  ASSERT_EQ(h_.put(pat_, "/api/v1/me/profiles/" + child_ + "/administrative",
                   {{"nir", "1190475056123 08"},
                    {"coverage", {{"ald", true}}},
                    {"complementary", {{"name", "MGEN"}, {"member_number", "123456"}}}})
                .status,
            200);
  const auto id = booked(monday("14:00"), "panel");
  const std::string panel = "/api/v1/consultations/" + id + "/panel";

  auto seen = h_.get(doc_.client, panel);
  ASSERT_EQ(seen.status, 200) << seen.body;
  const auto& p = seen.body["patient"];
  EXPECT_EQ(p["first_name"], "Tom");
  EXPECT_EQ(p["birth_date"], "2019-04-02");
  EXPECT_EQ(p["age"], 7);  // Sunday 22 November 2026
  EXPECT_EQ(p["sex"], "male");
  EXPECT_EQ(p["relationship"], "child");
  EXPECT_EQ(p["coverage"]["nir"], "119047505612308");
  EXPECT_EQ(p["coverage"]["ald"], true);
  EXPECT_EQ(p["coverage"]["complementary"]["name"], "MGEN");
  EXPECT_EQ(seen.body["notes"]["text"], "");
  EXPECT_TRUE(seen.body["notes"]["updated_at"].is_null());

  // A year and a half later (the practitioner reads the record again): 9 on the day after the
  // birthday, 8 the day before.
  at("2028-04-01T12:00:00");
  relogin();
  EXPECT_EQ(h_.get(doc_.client, panel).body["patient"]["age"], 8);
  at("2028-04-02T08:00:00");
  relogin();
  EXPECT_EQ(h_.get(doc_.client, panel).body["patient"]["age"], 9);

  // The parent sees the consultation, never the panel; an outsider not even the consultation.
  EXPECT_EQ(h_.get(pat_, panel).code(), "forbidden");
  auto other = h_.patient("autre@example.fr", "Paul");
  EXPECT_EQ(h_.get(other, panel).status, 404);
  // The patient's access log shows the practitioner read the record.
  bool traced = false;
  for (const auto& e : h_.get(pat_, "/api/v1/me/access-log").body)
    traced = traced || e.value("action", "") == "consultation.panel.read";
  EXPECT_TRUE(traced);
}

TEST_P(ConsultationRecords, AnAssistantSeesNoClinicalData) {
  const auto id = booked(monday("14:00"), "assistant");
  auto aide = assistant();
  const std::string base = "/api/v1/consultations/" + id;
  EXPECT_EQ(h_.get(aide, base).status, 200);  // the room itself: yes
  EXPECT_EQ(h_.get(aide, base + "/panel").code(), "forbidden");
  EXPECT_EQ(h_.get(aide, base + "/files").code(), "forbidden");
  EXPECT_EQ(h_.put(aide, base + "/notes", {{"text", "x"}}).code(), "forbidden");
  EXPECT_EQ(h_.post(aide, base + "/phone", {{"cause", "network"}}).code(), "forbidden");
  EXPECT_EQ(share(aide, id, "%PDF-1.4\n%%EOF\n").code(), "forbidden");
  // PDF is not accepted by default, whoever sends it.
  EXPECT_EQ(share(pat_, id, "%PDF-1.4\n%%EOF\n").status, 415);

  // Notes: saved, replaced, cleared; the time is the harness clock's.
  auto saved = h_.put(doc_.client, base + "/notes", {{"text", "Otite droite."}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.body["notes"]["updated_at"], h_.clock().unix_seconds());
  EXPECT_EQ(h_.get(doc_.client, base + "/panel").body["notes"]["text"], "Otite droite.");
  EXPECT_EQ(h_.put(doc_.client, base + "/notes", {{"text", ""}}).status, 200);
  EXPECT_EQ(h_.get(doc_.client, base + "/panel").body["notes"]["text"], "");
  EXPECT_EQ(h_.put(doc_.client, base + "/notes", nlohmann::json::object()).status, 400);
}

TEST_P(ConsultationRecords, AConsultationSwitchedToThePhoneStillClosesAndCaptures) {
  const auto id = booked(monday("14:00"), "phone");
  at("2026-11-23T13:05:00");  // 14:05 in Paris
  relogin();
  const std::string phone = "/api/v1/consultations/" + id + "/phone";
  auto switched = h_.post(doc_.client, phone, {{"cause", "microphone"}});
  ASSERT_EQ(switched.status, 200) << switched.body;
  EXPECT_EQ(switched.body["phone_fallback"]["at"], h_.clock().unix_seconds());
  EXPECT_TRUE(switched.body["phone_fallback"]["note"].is_null());
  EXPECT_EQ(h_.post(pat_, phone, {{"cause", "network"}}).code(), "forbidden");
  auto day = h_.get(doc_.client, "/api/v1/practitioner/consultations?date=2026-11-23");
  ASSERT_EQ(day.body["items"].size(), 1U) << day.body;
  EXPECT_EQ(day.body["items"][0]["phone_fallback"]["cause"], "microphone");

  auto done = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                      {{"amount_cents", 2000}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["payment"]["captured_cents"], 2000);
  // Over: no more switches nor files, but the record stays readable and the notes writable.
  EXPECT_EQ(h_.post(doc_.client, phone, {{"cause", "network"}}).status, 409);
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/consultations/" + id).body["phone_fallback"]["cause"],
            "microphone");
  EXPECT_EQ(
      h_.put(doc_.client, "/api/v1/consultations/" + id + "/notes", {{"text", "Rappelé."}}).status,
      200);
  EXPECT_EQ(
      h_.get(doc_.client, "/api/v1/consultations/" + id + "/panel").body["phone_fallback"]["cause"],
      "microphone");
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationRecords, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
