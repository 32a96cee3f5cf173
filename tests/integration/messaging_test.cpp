// Messaging over real sockets (issue 15, docs/messaging.md): the demo patient's open page, which
// sent `watch_messages`, hears the practitioner's answer the moment it is written, with the new
// unread count, and the count falls when the patient reads the conversation.
#include "session.hpp"
#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class MessagingTest : public SignedInServerTest {};

TEST_P(MessagingTest, ThePatientsPageHearsTheAnswerAndTheUnreadCountLive) {
  const auto port = node().port();
  // `cabinet seed --demo-accounts` left the demo patient a conversation with one unread answer.
  load::Session patient(port, "192.0.2.50");
  patient.login("patient@demo.cabinet.test", "Tilleul-Printemps-2026");
  WsClient page(port, cookie_of(patient.cookie()));
  ASSERT_TRUE(page.read().has_value());
  page.send(R"({"type":"watch_messages"})");
  EXPECT_EQ(next(page, "unread")["count"], 1);

  auto list = http().get("/api/v1/conversations", as_doctor());
  ASSERT_EQ(list.status, 200) << list.body;
  ASSERT_EQ(list.json()["items"].size(), 1U) << list.body;
  const auto id = list.json()["items"][0]["id"].get<std::string>();
  auto sent = http().post_json("/api/v1/conversations/" + id + "/messages",
                               R"({"message":"Pensez à bien vous hydrater."})", as_doctor());
  ASSERT_EQ(sent.status, 201) << sent.body;

  const auto heard = next(page, "message");
  EXPECT_EQ(heard["conversation"], id);
  EXPECT_EQ(heard["message"]["text"], "Pensez à bien vous hydrater.");
  EXPECT_EQ(heard["message"]["from"]["role"], "practitioner");
  EXPECT_EQ(next(page, "unread")["count"], 2);

  auto read = http().get("/api/v1/conversations/" + id, cookie_of(patient.cookie()));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json()["messages"].size(), 3U);
  EXPECT_EQ(next(page, "unread")["count"], 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, MessagingTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
