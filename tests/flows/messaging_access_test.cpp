// Who reaches a conversation (docs/messaging.md), on both engines: its patient and its
// practitioner; everyone else (another patient, another practitioner, an assistant, allowed
// or not) gets 404 as if it did not exist, and signed out 401. An allowed assistant sees that
// conversations exist, never their content. The RGPD export carries them; deleting the account
// closes them.
#include "messaging_fixture.hpp"

namespace cabinet::test {
namespace {

class MessagingAccess : public MessagingFlows {
 protected:
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

  // Every route naming the conversation, with what `c` gets.
  std::vector<int> statuses(Client& c, const std::string& id, const std::string& file_url) {
    const auto base = "/api/v1/conversations/" + id;
    return {h_.get(c, base).status, write(c, id, "Intrus").status,
            attach(c, id, "texte\n", "x.txt").status, h_.get(c, file_url).status,
            h_.post(c, base + "/close").status};
  }
};

TEST_P(MessagingAccess, OnlyItsTwoSidesReachAConversation) {
  ASSERT_EQ(turn_on().status, 200);
  const auto id = conversation("Mon fils tousse encore la nuit.");
  auto sent = attach(pat_, id, "Courbe de température\n", "courbe.txt");
  ASSERT_EQ(sent.status, 201) << sent.body;
  const auto file_url = sent.body["attachments"][0]["url"].get<std::string>();
  const std::vector<int> hidden{404, 404, 404, 404, 404};

  auto other_patient = h_.patient("autre@example.fr", "Inès");
  EXPECT_EQ(statuses(other_patient, id, file_url), hidden);
  EXPECT_EQ(h_.get(other_patient, "/api/v1/conversations").body["items"].size(), 0U);
  auto other_doctor = h_.practitioner("autre-dr@example.fr", rpps_number(31), true);
  EXPECT_EQ(statuses(other_doctor, id, file_url), hidden);
  EXPECT_EQ(h_.get(other_doctor, "/api/v1/conversations").body["items"].size(), 0U);
  EXPECT_EQ(h_.post(other_doctor, "/api/v1/conversations",
                    {{"practitioner_id", doc_.id},
                     {"profile_id", child_},
                     {"reason", "other"},
                     {"message", "x"}})
                .status,
            403);  // a patient's route
  Client anonymous;
  EXPECT_EQ(statuses(anonymous, id, file_url), (std::vector<int>{401, 401, 401, 401, 401}));

  // The practitioner's assistant: nothing without the permission; with it, that the
  // conversation exists (patient, reason, date, unread) and never its content.
  auto aide = assistant();
  EXPECT_EQ(h_.get(aide, "/api/v1/conversations").body["items"].size(), 0U);
  EXPECT_EQ(statuses(aide, id, file_url), hidden);
  ASSERT_EQ(turn_on(true).status, 200);
  auto seen = h_.get(aide, "/api/v1/conversations");
  ASSERT_EQ(seen.status, 200) << seen.body;
  ASSERT_EQ(seen.body["items"].size(), 1U);
  const auto& item = seen.body["items"][0];
  EXPECT_EQ(item["id"], id);
  EXPECT_EQ(item["reason"], "renewal");
  EXPECT_EQ(item["profile"]["name"], "Tom Durand");
  EXPECT_EQ(item["unread"], 2);
  EXPECT_FALSE(item.contains("last_message"));
  EXPECT_FALSE(item.contains("messages"));
  EXPECT_EQ(seen.body.dump().find("tousse"), std::string::npos);
  EXPECT_EQ(statuses(aide, id, file_url), hidden);
  EXPECT_EQ(h_.get(aide, "/api/v1/me/messaging").status, 403);
  // Nobody read anything: the assistant's list marks nothing read.
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/conversations").body["items"][0]["unread"], 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'messaging.%.read'"), 0);

  // Its two sides.
  EXPECT_EQ(h_.get(pat_, "/api/v1/conversations/" + id).status, 200);
  EXPECT_EQ(h_.get(doc_.client, file_url).status, 200);
  EXPECT_EQ(h_.get(pat_, file_url).status, 200);
}

TEST_P(MessagingAccess, TheExportCarriesTheConversationsAndDeletionClosesThem) {
  ASSERT_EQ(turn_on().status, 200);
  const auto id = conversation("Mon fils tousse encore la nuit.");
  ASSERT_EQ(attach(pat_, id, "Courbe de température\n", "courbe.txt").status, 201);
  ASSERT_EQ(write(doc_.client, id, "Donnez-lui du miel le soir.").status, 201);

  auto exported = h_.get(pat_, "/api/v1/me/export");
  ASSERT_EQ(exported.status, 200) << exported.body;
  ASSERT_EQ(exported.body["conversations"].size(), 1U);
  const auto& c = exported.body["conversations"][0];
  EXPECT_EQ(c["id"], id);
  EXPECT_EQ(c["reason"], "renewal");
  EXPECT_EQ(c["practitioner"]["last_name"], "Martin");
  ASSERT_EQ(c["messages"].size(), 3U);
  EXPECT_EQ(c["messages"][0]["text"], "Mon fils tousse encore la nuit.");
  EXPECT_EQ(c["messages"][0]["me"], true);
  EXPECT_EQ(c["messages"][1]["attachments"][0]["name"], "courbe.txt");
  EXPECT_EQ(c["messages"][2]["text"], "Donnez-lui du miel le soir.");
  EXPECT_EQ(c["messages"][2]["me"], false);
  auto zip = h_.get(pat_, "/api/v1/me/export.zip");
  ASSERT_EQ(zip.status, 200);
  auto doctor_export = h_.get(doc_.client, "/api/v1/me/export");
  ASSERT_EQ(doctor_export.status, 200);
  EXPECT_EQ(doctor_export.body["practitioner"]["messaging"][0]["enabled"], 1);

  // The patient deletes the account: the conversation is closed (its content stays with the
  // practitioner, like the consultation's chat), and nobody writes in it again.
  auto deleted = h_.call(pat_, http::Method::del, "/api/v1/me", {{"password", Harness::kPassword}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  auto kept = h_.get(doc_.client, "/api/v1/conversations/" + id);
  ASSERT_EQ(kept.status, 200) << kept.body;
  EXPECT_EQ(kept.body["status"], "closed");
  EXPECT_EQ(write(doc_.client, id, "Toujours là ?").code(), "conversation_closed");
}

TEST_P(MessagingAccess, APractitionersDeletionClosesTheirConversationsAndTurnsMessagingOff) {
  ASSERT_EQ(turn_on().status, 200);
  const auto id = conversation();
  auto deleted =
      h_.call(doc_.client, http::Method::del, "/api/v1/me", {{"password", Harness::kPassword}});
  ASSERT_EQ(deleted.status, 204) << deleted.body;
  EXPECT_EQ(h_.get(pat_, "/api/v1/conversations/" + id).body["status"], "closed");
  EXPECT_EQ(write(pat_, id, "Docteur ?").code(), "conversation_closed");
  EXPECT_EQ(h_.get(pat_, "/api/v1/messaging/practitioners").body["items"][0]["open"], false);
}

INSTANTIATE_TEST_SUITE_P(Engines, MessagingAccess, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
