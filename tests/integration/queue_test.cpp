// The immediate queue over real sockets (issue 16, docs/queue.md): a patient's page watching
// its place is told its position at once and at every change, "called" with the consultation
// when a practitioner takes them, and entering that room gives them the place for good (the
// hold passes to the appointment).
#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class QueueTest : public SignedInServerTest {
 protected:
  std::string join(int patient) {
    const nlohmann::json body{
        {"profile_id", people().patients.at(static_cast<std::size_t>(patient)).profile_id},
        {"reason", "Fièvre depuis ce matin"},
        {"commune_code", "75056"},
        {"emergency_answers",
         {{"chest_pain", false},
          {"breathing", false},
          {"intense_pain", false},
          {"fainting", false},
          {"stroke", false}}},
        {"card_token", "tok_visa"}};
    auto r = http().post_json("/api/v1/queues/general_medicine/entries", body.dump(),
                              as_patient(patient));
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json().value("id", "");
  }
};

TEST_P(QueueTest, TheWatchingPageFollowsItsPlaceIsCalledAndKeepsItByEnteringTheRoom) {
  node({"queue.hours=00:00-24:00"});
  auto json_headers = as_doctor();
  json_headers.emplace_back("Content-Type", "application/json");
  auto duty = http().request("PUT", "/api/v1/practitioner/duty", R"({"on":true})", json_headers);
  ASSERT_EQ(duty.status, 200) << duty.body;
  const auto first = join(0);
  const auto second = join(1);

  const auto port = node().port();
  WsClient one(port, patient(0));
  ASSERT_TRUE(one.read().has_value());
  one.send(nlohmann::json{{"type", "watch_queue"}, {"entry", first}}.dump());
  EXPECT_EQ(next(one, "queue")["position"], 1);
  WsClient two(port, patient(1));
  ASSERT_TRUE(two.read().has_value());
  two.send(nlohmann::json{{"type", "watch_queue"}, {"entry", second}}.dump());
  const auto at_two = next(two, "queue");
  EXPECT_EQ(at_two["position"], 2);
  EXPECT_EQ(at_two["on_duty"], 1);
  // Someone else's place does not exist for this socket.
  two.send(nlohmann::json{{"type", "watch_queue"}, {"entry", first}}.dump());
  EXPECT_EQ(next(two, "error")["code"], "not_found");

  auto taken = http().post_json("/api/v1/practitioner/queue/take", "{}", as_doctor());
  ASSERT_EQ(taken.status, 200) << taken.body;
  const std::string consultation = taken.json()["consultation_id"];
  const auto called = next(one, "called");
  EXPECT_EQ(called["entry"], first);
  EXPECT_EQ(called["consultation_id"], consultation);
  EXPECT_EQ(next(two, "queue")["position"], 1);

  // "C'est à vous": the patient enters the room; the place is theirs.
  WsClient room(port, patient(0));
  ASSERT_TRUE(room.read().has_value());
  room.send(msg("join", consultation));
  next(room, "joined");
  auto entry = http().get("/api/v1/queue-entries/" + first, patient(0));
  ASSERT_EQ(entry.status, 200) << entry.body;
  EXPECT_EQ(entry.json()["state"], "in_consultation");
  EXPECT_EQ(count("SELECT COUNT(*) FROM payment_holds WHERE state = 'held'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, QueueTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
