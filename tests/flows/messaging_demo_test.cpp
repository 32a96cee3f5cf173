// The demo data's messaging (`cabinet seed --demo-accounts`, docs/messaging.md "Decisions"), on
// both engines: the practitioner the demo patient consulted receives messages, and the demo
// patient finds a short conversation about that consultation, sealed like any other.
#include "directory/seed.hpp"
#include "harness.hpp"

namespace cabinet::test {
namespace {

class MessagingDemo : public testing::TestWithParam<storage::Engine> {
 protected:
  Harness h_{GetParam()};
};

TEST_P(MessagingDemo, TheDemoPatientHasAConversationWithThePractitionerTheyConsulted) {
  directory::SeedOptions options;
  options.practitioners = 0;
  options.demo_accounts = true;
  options.gps_per_city = 0;
  options.hashing = {1, 8192};
  auto seeded = h_.app().block_on(directory::seed(h_.db(), h_.clock(), options));
  ASSERT_TRUE(seeded) << seeded.error().detail;
  ASSERT_FALSE(seeded->demo_consultation.empty());
  auto closed = h_.app().close_demo_consultation(seeded->demo_consultation);
  ASSERT_TRUE(closed) << closed.error().detail;

  Client patient;
  for (const auto& a : directory::demo_accounts()) {
    if (a.role == "patient" && patient.cookies.empty()) h_.login(patient, a.email, a.password);
  }
  auto doctors = h_.get(patient, "/api/v1/messaging/practitioners");
  ASSERT_EQ(doctors.status, 200) << doctors.body;
  ASSERT_EQ(doctors.body["items"].size(), 1U);
  EXPECT_EQ(doctors.body["items"][0]["open"], true);
  auto list = h_.get(patient, "/api/v1/conversations");
  ASSERT_EQ(list.body["items"].size(), 1U) << list.body;
  auto read =
      h_.get(patient, "/api/v1/conversations/" + list.body["items"][0]["id"].get<std::string>());
  ASSERT_EQ(read.status, 200) << read.body;
  ASSERT_EQ(read.body["messages"].size(), 2U);
  EXPECT_EQ(read.body["messages"][0]["mine"], true);
  EXPECT_EQ(read.body["messages"][1]["from"]["role"], "practitioner");
  EXPECT_NE(read.body["messages"][0]["text"].get<std::string>().find("lavages"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, MessagingDemo, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
