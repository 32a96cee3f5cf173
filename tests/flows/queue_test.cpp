// Immediate teleconsultation through the handlers, on both engines (issue 16, docs/queue.md):
// the public list, the quote with its fee and reimbursement, joining with a card hold (and the
// refusals: bad input, red flags, closed hours, already queued, declined card), practitioners on
// duty taking the next patient into a confirmed appointment, two taking at the same instant,
// the patient answering (fee and consultation captured at the close), leaving, not answering
// (skipped once, then removed), a page gone past the grace, and the agenda's priority.
#include <boost/asio/experimental/awaitable_operators.hpp>

#include "booking_fixture.hpp"
#include "queue/service.hpp"

namespace cabinet::test {
namespace {

class Queue : public BookingFlows {
 protected:
  static constexpr const char* kGp = "/api/v1/queues/general_medicine";

  static nlohmann::json calm() {
    return {{"chest_pain", false},
            {"breathing", false},
            {"intense_pain", false},
            {"fainting", false},
            {"stroke", false}};
  }

  nlohmann::json entry_body(const std::string& profile, const std::string& card = "tok_visa") {
    return {{"profile_id", profile},
            {"reason", "Fièvre à 39 depuis hier soir"},
            {"commune_code", "75056"},
            {"emergency_answers", calm()},
            {"card_token", card}};
  }

  Reply join(Client& c, const std::string& profile, const std::string& card = "tok_visa") {
    return h_.post(c, std::string(kGp) + "/entries", entry_body(profile, card));
  }

  void on_duty(Client& c) {
    auto r = h_.put(c, "/api/v1/practitioner/duty", {{"on", true}});
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.body["on_duty"].get<bool>());
  }

  std::string state(Client& c, const std::string& entry) {
    return h_.get(c, "/api/v1/queue-entries/" + entry).body.value("state", "");
  }

  std::size_t sweep() {
    auto r = h_.app().block_on(h_.app().queue().sweep());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().detail);
    return r.ok() ? *r : 0;
  }

  std::string hold_status(const std::string& entry) {
    storage::Params p{entry};
    auto rows = h_.app().block_on(h_.db().query(
        "SELECT h.status FROM sandbox_holds h JOIN queue_entries e ON e.hold_id = h.public_id"
        " WHERE e.public_id = $1",
        std::move(p)));
    return rows && !rows->empty() ? rows->row(0).text(0) : "";
  }

  Principal practitioner_of(Client& c) {
    const auto me = h_.get(c, "/api/v1/me").body;
    storage::Params p{me["account"]["id"].get<std::string>()};
    auto rows = h_.app().block_on(
        h_.db().query("SELECT id FROM accounts WHERE public_id = $1", std::move(p)));
    Principal who;
    who.account_id = rows && !rows->empty() ? rows->row(0).integer(0) : 0;
    who.role = Role::practitioner;
    return who;
  }

  std::int64_t appointment_id(const std::string& public_id) {
    storage::Params p{public_id};
    auto rows = h_.app().block_on(
        h_.db().query("SELECT id FROM appointments WHERE public_id = $1", std::move(p)));
    return rows && !rows->empty() ? rows->row(0).integer(0) : 0;
  }
};

TEST_P(Queue, ThePublicListSaysOpenHoursFeeAndWhoIsOnDuty) {
  Client anyone;
  auto r = h_.get(anyone, "/api/v1/queues");
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.body["items"].size(), 1U);
  const auto& gp = r.body["items"][0];
  EXPECT_EQ(gp["specialty"], "general_medicine");
  EXPECT_EQ(gp["label"], "Médecine générale");
  EXPECT_TRUE(gp["open"].get<bool>());  // Sunday 10:00 in Paris
  EXPECT_EQ(gp["on_duty"], 0);
  EXPECT_TRUE(gp["estimate_minutes"].is_null());  // nobody on duty: no false promise
  EXPECT_EQ(gp["fee_cents"], 500);
  EXPECT_EQ(gp["price_cents"], 2500);  // TCG
  EXPECT_EQ(gp["closes_at"], "2026-11-23T00:00:00+01:00");

  on_duty(doc_.client);
  r = h_.get(anyone, "/api/v1/queues");
  EXPECT_EQ(r.body["items"][0]["on_duty"], 1);
  EXPECT_EQ(r.body["items"][0]["estimate_minutes"], nlohmann::json::array({5, 20}));
}

TEST_P(Queue, TheQuoteShowsTheFeeApartAndWhetherItIsReimbursed) {
  on_duty(doc_.client);
  auto adult = h_.post(pat_, std::string(kGp) + "/quote",
                       {{"profile_id", holder_}, {"commune_code", "75056"}});
  ASSERT_EQ(adult.status, 200) << adult.body;
  EXPECT_EQ(adult.body["price_cents"], 2500);
  EXPECT_EQ(adult.body["fee_cents"], 500);
  EXPECT_EQ(adult.body["hold_cents"], 3000);
  EXPECT_EQ(adult.body["near"], "near");
  // An adult without their médecin traitant, by video: not reimbursed at all (PAY4).
  EXPECT_FALSE(adult.body["estimate"]["reimbursable"].get<bool>());
  EXPECT_EQ(adult.body["estimate"]["rule"], "video_out_of_parcours");

  // A child under 16 is an exception to the parcours.
  auto child = h_.post(pat_, std::string(kGp) + "/quote",
                       {{"profile_id", child_}, {"commune_code", "75056"}});
  ASSERT_EQ(child.status, 200) << child.body;
  EXPECT_TRUE(child.body["estimate"]["reimbursable"].get<bool>());
  EXPECT_EQ(child.body["estimate"]["rule"], "under_16");

  // Far from the only practitioner on duty (Marseille): said before the card step.
  auto far = h_.post(pat_, std::string(kGp) + "/quote",
                     {{"profile_id", child_}, {"commune_code", "13055"}});
  ASSERT_EQ(far.status, 200) << far.body;
  EXPECT_EQ(far.body["near"], "distant");

  // With the CSS, no service fee.
  auto admin = h_.put(pat_, "/api/v1/me/profiles/" + holder_ + "/administrative",
                      {{"coverage", {{"css", true}}}});
  ASSERT_EQ(admin.status, 200) << admin.body;
  auto css = h_.post(pat_, std::string(kGp) + "/quote",
                     {{"profile_id", holder_}, {"commune_code", "75056"}});
  EXPECT_EQ(css.body["fee_cents"], 0);
  EXPECT_TRUE(css.body["fee_waived"].get<bool>());
  EXPECT_EQ(css.body["hold_cents"], 2500);
  // Reading the coverage is audited.
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'profile.administrative.read'"),
            4);
}

TEST_P(Queue, JoiningRefusesBadInputRedFlagsClosedHoursAndASecondPlace) {
  on_duty(doc_.client);
  for (const auto& [field, value] :
       std::vector<std::pair<std::string, nlohmann::json>>{{"reason", ""},
                                                           {"reason", "ligne 1\nligne 2"},
                                                           {"reason", std::string(700, 'a')},
                                                           {"commune_code", "99999"},
                                                           {"profile_id", "pnotmine"},
                                                           {"card_token", 12},
                                                           {"emergency_answers", "non"}}) {
    auto body = entry_body(holder_);
    body[field] = value;
    auto r = h_.post(pat_, std::string(kGp) + "/entries", body);
    EXPECT_EQ(r.status, 400) << field << " " << r.body;
    EXPECT_EQ(r.body["error"].value("field", "").substr(0, field.size()), field) << r.body;
  }
  auto missing = entry_body(holder_);
  missing["emergency_answers"].erase("stroke");
  EXPECT_EQ(h_.post(pat_, std::string(kGp) + "/entries", missing).status, 400);
  // A red flag: 15 / 112, and no place in the queue.
  auto red = entry_body(holder_);
  red["emergency_answers"]["chest_pain"] = true;
  auto r = h_.post(pat_, std::string(kGp) + "/entries", red);
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.code(), "emergency");
  EXPECT_NE(r.message().find("15"), std::string::npos);
  // An unknown specialty has no queue.
  EXPECT_EQ(h_.post(pat_, "/api/v1/queues/dentistry/entries", entry_body(holder_)).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries"), 0);

  auto first = join(pat_, holder_);
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.body["position"], 1);
  auto again = join(pat_, holder_);
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.code(), "already_queued");
  EXPECT_EQ(again.body["error"]["entry"], first.body["id"]);
  // Another family member may wait at the same time.
  auto child = join(pat_, child_);
  ASSERT_EQ(child.status, 201) << child.body;
  EXPECT_EQ(child.body["position"], 2);

  // At 02:00 in Paris the queue is closed.
  at("2026-11-23T01:00:00");
  relogin();
  auto other = h_.patient("nuit@example.fr", "Nora");
  const auto nora = h_.get(other, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  auto closed = join(other, nora);
  EXPECT_EQ(closed.status, 423) << closed.body;
  EXPECT_EQ(closed.code(), "queue_closed");
  EXPECT_NE(closed.message().find("07:00"), std::string::npos) << closed.message();
}

TEST_P(Queue, ADeclinedCardLeavesNoPlace) {
  on_duty(doc_.client);
  auto r = join(pat_, holder_, "tok_declined");
  EXPECT_EQ(r.status, 402) << r.body;
  EXPECT_EQ(h_.get(pat_, "/api/v1/queue-entries").body["items"].size(), 0U);
  auto ok = join(pat_, holder_);
  EXPECT_EQ(ok.status, 201) << ok.body;
}

TEST_P(Queue, TakenAnsweredClosedFeeAndConsultationCapturedTogether) {
  at("2026-11-22T09:02:00");  // 10:02 in Paris: taken for 10:05–10:20
  relogin();
  on_duty(doc_.client);
  auto joined = join(pat_, holder_);
  ASSERT_EQ(joined.status, 201) << joined.body;
  const std::string entry = joined.body["id"];
  EXPECT_EQ(hold_status(entry), "authorized");

  // What the practitioner sees before taking: age, reason, waiting time, near — nothing else.
  auto view = h_.get(doc_.client, "/api/v1/practitioner/queue");
  ASSERT_EQ(view.status, 200) << view.body;
  ASSERT_EQ(view.body["items"].size(), 1U);
  const auto& item = view.body["items"][0];
  EXPECT_EQ(item["reason"], "Fièvre à 39 depuis hier soir");
  EXPECT_TRUE(item["near"].get<bool>());
  EXPECT_FALSE(item.contains("first_name"));
  EXPECT_FALSE(item.contains("last_name"));
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'queue.reason.read'"), 1);
  // The reason is sealed at rest.
  auto sealed = h_.app().block_on(h_.db().query("SELECT reason FROM queue_entries"));
  ASSERT_TRUE(sealed && sealed->size() == 1);
  EXPECT_EQ(sealed->row(0).bytes(0).find("Fièvre"), std::string::npos);

  auto taken = h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object());
  ASSERT_EQ(taken.status, 200) << taken.body;
  EXPECT_EQ(taken.body["entry"], entry);
  const std::string consultation = taken.body["consultation_id"];
  auto e = h_.get(pat_, "/api/v1/queue-entries/" + entry);
  EXPECT_EQ(e.body["state"], "called");
  EXPECT_EQ(e.body["consultation_id"], consultation);
  // A confirmed appointment now, in the practitioner's agenda and the patient's list.
  auto a = h_.get(pat_, "/api/v1/appointments/" + consultation);
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.body["status"], "confirmed");
  EXPECT_EQ(a.body["origin"], "queue");
  EXPECT_EQ(a.body["fee_cents"], 500);
  EXPECT_EQ(a.body["payment"]["amount_cents"], 3000);
  EXPECT_EQ(
      h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object()).code(),
      "queue_empty");

  // The patient enters the room: the place is theirs, the hold goes with the appointment.
  h_.app().block_on(h_.app().queue().patient_joined(appointment_id(consultation)));
  EXPECT_EQ(state(pat_, entry), "in_consultation");
  EXPECT_EQ(h_.del(pat_, "/api/v1/queue-entries/" + entry).status, 409);
  at("2026-11-22T09:11:00");  // closed at 10:11: from 10:15 the agenda is free again
  relogin();
  auto closed = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + consultation + "/close",
                        {{"amount_cents", 2500}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.body["payment"]["captured_cents"], 3000);
  EXPECT_EQ(hold_status(entry), "captured");
  EXPECT_EQ(state(pat_, entry), "done");
  // Its time after the close is the agenda's again.
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointment_granules g JOIN appointments a ON"
                  " a.id = g.appointment_id WHERE a.origin = 'queue'"),
            2);
}

TEST_P(Queue, TwoPractitionersTakingAtTheSameInstantTakeEachPatientOnce) {
  auto second = doc("Paul", "Bernard", "general_medicine", in("75056", "75015", {{"video", true}}));
  on_duty(doc_.client);
  on_duty(second.client);
  auto other = h_.patient("autre@example.fr", "Sami");
  const auto sami = h_.get(other, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  ASSERT_EQ(join(pat_, holder_).status, 201);
  ASSERT_EQ(join(other, sami).status, 201);
  const auto a = practitioner_of(doc_.client);
  const auto b = practitioner_of(second.client);
  auto& q = h_.app().queue();
  using namespace boost::asio::experimental::awaitable_operators;
  auto both =
      h_.app().block_on([&]() -> Task<std::tuple<Result<nlohmann::json>, Result<nlohmann::json>>> {
        co_return co_await (q.take(a) && q.take(b));
      }());
  const auto& [ra, rb] = both;
  ASSERT_TRUE(ra.ok()) << ra.error().detail;
  ASSERT_TRUE(rb.ok()) << rb.error().detail;
  EXPECT_NE((*ra)["entry"], (*rb)["entry"]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM queue_entries WHERE state = 'called'"), 2);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT practitioner_id) FROM queue_entries"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE origin = 'queue'"), 2);
}

TEST_P(Queue, LeavingVoidsTheHoldAndNobodyElseSeesTheEntry) {
  on_duty(doc_.client);
  auto joined = join(pat_, holder_);
  ASSERT_EQ(joined.status, 201) << joined.body;
  const std::string entry = joined.body["id"];
  auto stranger = h_.patient("etranger@example.fr", "Inès");
  EXPECT_EQ(h_.get(stranger, "/api/v1/queue-entries/" + entry).status, 404);
  EXPECT_EQ(h_.del(stranger, "/api/v1/queue-entries/" + entry).status, 404);
  EXPECT_EQ(h_.get(doc_.client, "/api/v1/queue-entries/" + entry).status, 403);

  EXPECT_EQ(h_.del(pat_, "/api/v1/queue-entries/" + entry).status, 204);
  EXPECT_EQ(state(pat_, entry), "left");
  EXPECT_EQ(hold_status(entry), "voided");
  EXPECT_EQ(h_.get(pat_, "/api/v1/queue-entries/" + entry).body["hold_state"], "voided");
  EXPECT_EQ(h_.del(pat_, "/api/v1/queue-entries/" + entry).status, 204);  // already out
  EXPECT_EQ(
      h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object()).code(),
      "queue_empty");
}

TEST_P(Queue, APatientWhoDoesNotAnswerIsSkippedOnceThenRemovedAndNotCharged) {
  on_duty(doc_.client);
  auto joined = join(pat_, holder_);
  const std::string entry = joined.body["id"];
  auto first = h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object());
  ASSERT_EQ(first.status, 200) << first.body;
  const std::string consultation = first.body["consultation_id"];
  // Nobody enters the room for 3 minutes.
  h_.clock().advance(std::chrono::seconds(181));
  EXPECT_EQ(sweep(), 1U);
  auto e = h_.get(pat_, "/api/v1/queue-entries/" + entry);
  EXPECT_EQ(e.body["state"], "waiting");
  EXPECT_TRUE(e.body["skipped"].get<bool>());
  EXPECT_EQ(e.body["position"], 1);
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + consultation).body["status"], "cancelled");
  EXPECT_EQ(hold_status(entry), "authorized");

  auto second = h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object());
  ASSERT_EQ(second.status, 200) << second.body;
  h_.clock().advance(std::chrono::seconds(181));
  EXPECT_EQ(sweep(), 1U);
  e = h_.get(pat_, "/api/v1/queue-entries/" + entry);
  EXPECT_EQ(e.body["state"], "removed");
  EXPECT_EQ(e.body["end_reason"], "no_answer");
  EXPECT_EQ(hold_status(entry), "voided");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE captured_cents > 0"), 0);
}

TEST_P(Queue, APageGonePastTheGraceLosesThePlace) {
  on_duty(doc_.client);
  auto joined = join(pat_, holder_);
  const std::string entry = joined.body["id"];
  h_.clock().advance(std::chrono::seconds(60));
  EXPECT_EQ(sweep(), 0U);
  EXPECT_EQ(state(pat_, entry), "waiting");
  h_.clock().advance(std::chrono::seconds(61));
  EXPECT_EQ(sweep(), 1U);
  auto e = h_.get(pat_, "/api/v1/queue-entries/" + entry);
  EXPECT_EQ(e.body["state"], "removed");
  EXPECT_EQ(e.body["end_reason"], "gone");
  EXPECT_EQ(hold_status(entry), "voided");
}

TEST_P(Queue, ABookedAppointmentKeepsPriorityAndDutyNeedsAVerifiedPractitioner) {
  // Without duty, nothing to take.
  EXPECT_EQ(
      h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object()).code(),
      "not_on_duty");
  auto pending =
      doc("Jean", "Petit", "general_medicine", in("75056", "75012", {{"video", true}}), false);
  auto view = h_.get(pending.client, "/api/v1/practitioner/queue");
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_FALSE(view.body["eligible"].get<bool>());
  EXPECT_EQ(h_.put(pending.client, "/api/v1/practitioner/duty", {{"on", true}}).status, 403);

  // Monday 14:00 booked; at 13:58 the practitioner on duty cannot take a queue patient over it.
  booked(monday("14:00"), "prio");
  at("2026-11-23T12:58:00");
  relogin();
  on_duty(doc_.client);
  auto joined = join(pat_, holder_);
  ASSERT_EQ(joined.status, 201) << joined.body;
  auto r = h_.post(doc_.client, "/api/v1/practitioner/queue/take", nlohmann::json::object());
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.code(), "agenda_busy");
  EXPECT_EQ(state(pat_, joined.body["id"]), "waiting");
}

INSTANTIATE_TEST_SUITE_P(Engines, Queue, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
