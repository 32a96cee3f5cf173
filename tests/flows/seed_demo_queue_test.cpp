// `cabinet demo queue` through the composition root (docs/queue.md "Try it"), on both engines:
// after `cabinet seed --demo-accounts`, it tells how to try both sides, puts the demo
// practitioner on duty and demo patients in the general medicine queue, and the demo
// practitioner, signed in with the printed password, takes the first of them.
#include <sstream>

#include "directory/seed.hpp"
#include "harness.hpp"
#include "queue/service.hpp"

namespace cabinet::test {
namespace {

class SeedDemoQueueFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  void seed(int gps_per_city) {
    directory::SeedOptions options;
    options.practitioners = 0;
    options.demo_accounts = true;
    options.gps_per_city = gps_per_city;
    options.hashing = {1, 8192};
    auto r = h_.app().block_on(directory::seed(h_.db(), h_.clock(), options));
    ASSERT_TRUE(r) << r.error().detail;
  }
  std::string demo(int patients) {
    std::ostringstream out;
    auto r = h_.app().demo_queue(patients, out);
    EXPECT_TRUE(r) << r.error().detail;
    return out.str();
  }
  std::int64_t count(const std::string& sql) { return query_integer(h_.url(), sql); }

  // 2026-11-22 10:00 in Paris: the queue is open.
  Harness h_{GetParam()};
};

TEST_P(SeedDemoQueueFlows, BothSidesWithTheDemoAccountsAndPatientsWaiting) {
  seed(2);
  const auto out = demo(2);
  for (const auto& a : directory::demo_accounts()) {
    if (a.role == "operator") continue;
    EXPECT_NE(out.find(a.email + " / " + a.password), std::string::npos) << out;
  }
  EXPECT_NE(out.find("http://localhost:8080/maintenant"), std::string::npos) << out;
  EXPECT_NE(out.find("http://localhost:8080/praticien/maintenant"), std::string::npos) << out;
  EXPECT_NE(out.find("Mise de garde"), std::string::npos) << out;
  EXPECT_NE(out.find("Patient de démonstration 2"), std::string::npos) << out;
  EXPECT_NE(out.find("queue.grace=1h"), std::string::npos) << out;
  // The seed's 10 (the 2 GPs of each of the five largest cities) and the demo practitioner.
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_duty"), 11);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE state = 'waiting'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE hold_state = 'held'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM profiles p JOIN accounts a ON a.id = p.account_id"
                  " WHERE a.email LIKE 'patient-demo-%'"),
            2);

  // Again: the same patients, already waiting; nobody is added.
  const auto again = demo(2);
  EXPECT_NE(again.find("Déjà de garde"), std::string::npos) << again;
  EXPECT_NE(again.find("déjà dans la file"), std::string::npos) << again;
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries"), 2);

  // The practitioner's side, as the output says.
  Client doctor;
  const auto& dr = directory::demo_accounts().at(1);
  h_.login(doctor, dr.email, dr.password);
  auto staff = h_.get(doctor, "/api/v1/practitioner/queue");
  ASSERT_EQ(staff.status, 200) << staff.body;
  EXPECT_TRUE(staff.body["on_duty"].get<bool>());
  ASSERT_EQ(staff.body["items"].size(), 2U) << staff.body;
  EXPECT_EQ(staff.body["items"][0]["reason"], "Fièvre depuis hier soir");
  auto taken = h_.post(doctor, "/api/v1/practitioner/queue/take");
  ASSERT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE state = 'called'"), 1);

  // The demo patients have no page open: the sweep removes those still waiting after the grace
  // (the called one has until the answer window's end).
  h_.clock().advance(std::chrono::seconds(150));
  ASSERT_TRUE(h_.app().block_on(h_.app().queue().sweep()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE state = 'waiting'"), 0);
  // And the command puts them back.
  demo(2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE state = 'waiting'"), 1);
}

TEST_P(SeedDemoQueueFlows, WithoutTheDemoAccountsItSaysWhatToRunFirst) {
  std::ostringstream out;
  auto r = h_.app().demo_queue(2, out);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("cabinet seed --demo-accounts"), std::string::npos);
}

TEST_P(SeedDemoQueueFlows, OutsideTheQueueHoursNobodyJoins) {
  seed(0);
  // 2026-11-23 05:30 in Paris.
  h_.clock().advance(std::chrono::hours(19) + std::chrono::minutes(30));
  const auto out = demo(1);
  EXPECT_NE(out.find("fermée, ouvre à 07:00"), std::string::npos) << out;
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, SeedDemoQueueFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
