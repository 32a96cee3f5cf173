#include <set>

#include "fixture.hpp"
#include "notify/eml.hpp"
#include "smtp_server.hpp"

namespace cabinet::test {
namespace {

// Email through a real SMTP server (Debian's aiosmtpd), and the outbox's promise across a
// crash: a message committed with its change is delivered after a kill -9, exactly once.
class DeliveryTest : public testing::TestWithParam<storage::Engine> {
 protected:
  std::unique_ptr<ServerProcess> node(bool courier) {
    return std::make_unique<ServerProcess>(ServerProcess::Options{
        database_.url(),
        dir_.path(),
        {},
        {"notify.email_transport=smtp", "notify.smtp_url=" + smtp_.url(), "notify.smtp_tls=none",
         "notify.courier=" + std::string(courier ? "true" : "false"), "security.argon2_memory=8KiB",
         "security.argon2_ops=1", "notify.poll_interval=200ms"}});
  }
  static HttpResponse signup(ServerProcess& server, const std::string& email) {
    HttpClient http(server.port());
    const auto origin = "http://127.0.0.1:" + std::to_string(server.port());
    return http.request("POST", "/api/v1/auth/signup",
                        nlohmann::json{{"email", email},
                                       {"password", "Velo-Nuage-Tram 73"},
                                       {"phone", "0612345678"},
                                       {"first_name", "Zoé"},
                                       {"last_name", "Martin"},
                                       {"birth_date", "1990-04-02"}}
                            .dump(),
                        {{"Content-Type", "application/json"},
                         {"Origin", origin},
                         {"X-Requested-With", "cabinet"}});
  }

  TempDir dir_;
  DatabaseUrl database_{GetParam()};
  SmtpServer smtp_;
};

TEST_P(DeliveryTest, TheConfirmationEmailReachesARealSmtpServer) {
  auto server = node(true);
  ASSERT_EQ(signup(*server, "zoe@example.fr").status, 201);
  ASSERT_TRUE(smtp_.wait_for_messages(1)) << smtp_.output();
  const auto mail = notify::parse_eml(smtp_.messages().at(0));
  EXPECT_EQ(mail.subject, "Confirmez votre adresse e-mail");
  EXPECT_NE(mail.to.find("zoe@example.fr"), std::string::npos);
  EXPECT_NE(mail.text.find("/confirmer-email?token="), std::string::npos);
  EXPECT_NE(mail.html.find("Confirmer mon adresse"), std::string::npos);
  EXPECT_FALSE(mail.message_id.empty());
}

TEST_P(DeliveryTest, MessagesCommittedBeforeAKillAreDeliveredOnceAfterRestart) {
  {
    auto first = node(false);  // commits messages but does not deliver them
    for (const auto* email : {"a@example.fr", "b@example.fr", "c@example.fr"}) {
      ASSERT_EQ(signup(*first, email).status, 201);
    }
    EXPECT_EQ(first->stop(SIGKILL), 128 + SIGKILL);  // no shutdown, no flush, no goodbye
  }
  EXPECT_TRUE(smtp_.messages().empty());
  {
    auto second = node(true);
    ASSERT_TRUE(smtp_.wait_for_messages(3)) << smtp_.output();
    EXPECT_EQ(second->stop(SIGTERM), 0);
  }
  // Every message is recorded as delivered, so no later start sends it again; and its body,
  // which held a single-use link, is gone from the database.
  EXPECT_EQ(
      query_integer(database_.url(), "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL"), 0);
  EXPECT_EQ(query_integer(database_.url(), "SELECT COUNT(*) FROM outbox WHERE body_text <> ''"), 0);
  const auto messages = smtp_.messages();
  ASSERT_EQ(messages.size(), 3U);
  std::set<std::string> ids;
  std::set<std::string> recipients;
  for (const auto& raw : messages) {
    const auto mail = notify::parse_eml(raw);
    ids.insert(mail.message_id);
    recipients.insert(mail.to);
  }
  EXPECT_EQ(ids.size(), 3U);
  EXPECT_EQ(recipients.size(), 3U);
}

INSTANTIATE_TEST_SUITE_P(Engines, DeliveryTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
