// Card holds over time and the practitioner's side of booking (docs/booking.md "Payment"), on
// both engines with the clock moved by the tests: a card saved and held later, a refused later
// hold, reconciliation after a crash, and appointments the practitioner books for a patient.
#include "booking/ledger_store.hpp"
#include "booking_fixture.hpp"
#include "payments/provider.hpp"

namespace cabinet::test {
namespace {

using BookingHolds = BookingFlows;

TEST_P(BookingHolds, FarAheadSavesTheCardAndHoldsItLater) {
  // Monday 14 December: three weeks ahead, beyond a hold's 7 days.
  auto r = book(pat_, "2026-12-14T14:00:00+01:00", "k9");
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string id = r.body["id"];
  auto c =
      h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.body["payment"]["state"], "card_saved");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds"), 0);
  at("2026-12-09T13:00:01");  // five days before
  run_jobs();
  relogin();
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + id).body["payment"]["state"], "held");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 1);
}

TEST_P(BookingHolds, RefusedLaterHoldAsksForACardThenCancels) {
  auto r = book(pat_, "2026-12-14T14:00:00+01:00", "k10");
  const std::string id = r.body["id"];
  ASSERT_EQ(h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
                    {{"payment_method", "tok_decline_later"}})
                .status,
            200);
  at("2026-12-09T13:00:01");
  run_jobs();
  relogin();
  auto asked = h_.get(pat_, "/api/v1/appointments/" + id);
  EXPECT_EQ(asked.body["payment"]["state"], "card_required");
  EXPECT_EQ(asked.body["payment"]["card_due_at"], "2026-12-14T12:00:00+01:00");  // 2 h before
  EXPECT_EQ(asked.body["payment"]["without_card"], "cancelled");
  const auto sent = sent_to("parent@example.fr");
  EXPECT_NE(std::find(sent.begin(), sent.end(),
                      "email:Action requise : ajoutez une carte pour votre rendez-vous"),
            sent.end())
      << testing::PrintToString(sent);
  at("2026-12-14T11:00:01");  // two hours before: still no card
  run_jobs();
  run_jobs();
  relogin();
  auto after = h_.get(pat_, "/api/v1/appointments/" + id);
  EXPECT_EQ(after.body["status"], "cancelled");
  EXPECT_EQ(after.body["cancelled_by"], "system");
}

TEST_P(BookingHolds, CardRequiredCanBeFixedWithAnotherCard) {
  auto r = book(pat_, "2026-12-14T14:00:00+01:00", "k11");
  const std::string id = r.body["id"];
  h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
          {{"payment_method", "tok_decline_later"}});
  at("2026-12-09T13:00:01");
  run_jobs();
  relogin();
  auto fixed =
      h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_EQ(fixed.body["payment"]["state"], "held");
  at("2026-12-14T11:00:01");
  run_jobs();
  relogin();
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + id).body["status"], "confirmed");
}

TEST_P(BookingHolds, ReconciliationVoidsAHoldACrashLeftBehind) {
  auto r = book(pat_, monday("14:00"), "k12");
  const std::string id = r.body["id"];
  // The provider answered but the node died before recording it: the ledger row is still
  // "authorizing" and the hold exists at the provider.
  storage::Params which{id};
  auto row = h_.app().block_on(
      h_.db().query("SELECT id FROM appointments WHERE public_id = $1", std::move(which)));
  ASSERT_TRUE(row.ok());
  const auto appointment = row->row(0).integer(0);
  auto ledger = h_.app().block_on(booking::store::begin_authorization(
      h_.db(), appointment, "sandbox", "hold:crash", "tok_visa", 3000, h_.clock().unix_seconds()));
  ASSERT_TRUE(ledger.ok());
  payments::AuthorizeRequest request;
  request.payment_method = "tok_visa";
  request.amount_cents = 3000;
  request.idempotency_key = "hold:crash";
  ASSERT_TRUE(h_.app().block_on(h_.app().payments().authorize(request)).ok());
  h_.clock().advance(std::chrono::minutes(11));
  run_jobs();
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'voided'"), 1);
}

TEST_P(BookingHolds, PractitionerBooksForAPatientAndCancelsWithNotice) {
  auto r = h_.post(doc_.client, "/api/v1/practitioner/appointments",
                   {{"patient_email", "Parent@Example.fr"},
                    {"motif_id", motif_},
                    {"start", monday("09:00")},
                    {"mode", "in_person"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.body["status"], "confirmed");
  EXPECT_EQ(r.body["payment"]["state"], "card_required");
  EXPECT_NE(h_.last_mail_to("parent@example.fr").subject.find("a pris rendez-vous pour vous"),
            std::string::npos);
  EXPECT_EQ(h_.post(doc_.client, "/api/v1/practitioner/appointments",
                    {{"patient_email", "nobody@example.fr"},
                     {"motif_id", motif_},
                     {"start", monday("09:20")},
                     {"mode", "in_person"}})
                .code(),
            "patient_not_found");
  const std::string id = r.body["id"];
  auto cancel = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/cancel",
                        {{"reason", "Urgence au cabinet"}});
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.body["status"], "cancelled");
  const auto mail = h_.last_mail_to("parent@example.fr");
  EXPECT_NE(mail.subject.find("Rendez-vous annulé"), std::string::npos);
  EXPECT_NE(mail.text.find("Urgence au cabinet"), std::string::npos);
}

// The practitioner books a patient for later today (issue 12): the card is due at the start, not
// booking.card_deadline before it (already past); nothing cancels the appointment; without a
// card the consultation is held and closed as paid directly, nothing captured.
TEST_P(BookingHolds, PractitionerBookingForLaterTodayWaitsForTheCardUntilTheStart) {
  at("2026-11-23T12:30:00");  // Monday 13:30 in Paris
  relogin();
  auto r = h_.post(doc_.client, "/api/v1/practitioner/appointments",
                   {{"patient_email", "parent@example.fr"},
                    {"motif_id", motif_},
                    {"start", monday("14:40")},
                    {"mode", "video"}});
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.body["payment"]["card_due_at"], r.body["start"]);
  EXPECT_EQ(r.body["payment"]["without_card"], "direct");
  const std::string id = r.body["id"];
  const auto mail = h_.last_mail_to("parent@example.fr");
  EXPECT_NE(mail.text.find("avant le lundi 23 novembre à 14 h 40"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("vous réglez directement Dr Claire Martin"), std::string::npos)
      << mail.text;
  EXPECT_EQ(mail.text.find("12 h 40"), std::string::npos) << mail.text;
  run_jobs();
  at("2026-11-23T13:39:59");
  run_jobs();
  at("2026-11-23T13:40:01");  // the start, still no card
  run_jobs();
  run_jobs();
  relogin();
  auto after = h_.get(pat_, "/api/v1/appointments/" + id);
  EXPECT_EQ(after.body["status"], "confirmed") << after.body;
  EXPECT_EQ(after.body["payment"]["state"], "card_required");
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE subject LIKE 'Rendez-vous annulé%'"), 0);

  at("2026-11-23T13:55:00");
  relogin();
  auto done = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                      {{"amount_cents", 2500}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["status"], "done");
  EXPECT_EQ(done.body["payment"]["state"], "direct");
  EXPECT_EQ(done.body["payment"]["captured_cents"], 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingHolds, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
