// The booking lifecycle through the API (docs/booking.md), on both engines, with the clock
// moved by the tests: booking, payment, cancel link, reminders, no-shows, abandoned payments, the
// day's consultations. Later holds and the practitioner's bookings: booking_holds_test.cpp.
#include "booking_fixture.hpp"

namespace cabinet::test {
namespace {

using Booking = BookingFlows;

TEST_P(Booking, ChildVideoBookingIsHeldConfirmedMailedAndTakesTheSlot) {
  ASSERT_EQ(monday_video_slots().front(), monday("14:00"));
  auto r = book(pat_, monday("14:00"), "k1");
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.body["status"], "pending_payment");
  EXPECT_EQ(r.body["profile"]["first_name"], "Tom");
  EXPECT_EQ(r.body["price_cents"], 2500);
  EXPECT_FALSE(r.body["hold_expires_at"].is_null());
  // Held while the patient pays: nobody else sees it.
  EXPECT_NE(monday_video_slots().front(), monday("14:00"));

  const std::string id = r.body["id"];
  auto c =
      h_.post(pat_, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}});
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.body["status"], "confirmed");
  EXPECT_EQ(c.body["payment"]["state"], "held");
  EXPECT_EQ(c.body["payment"]["last4"], "4242");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 1);

  const auto mail = h_.last_mail_to("parent@example.fr");
  EXPECT_NE(mail.subject.find("Rendez-vous confirmé"), std::string::npos) << mail.subject;
  EXPECT_NE(mail.text.find("/annuler?token="), std::string::npos) << mail.text;
  EXPECT_NE(mail.html.find("ANNULER LE RENDEZ-VOUS"), std::string::npos);
  EXPECT_NE(mail.text.find("Tom Durand"), std::string::npos);
  // Tom is 7: the email greets Léa, who holds the account and reads it.
  EXPECT_NE(mail.text.find("Bonjour Léa,"), std::string::npos) << mail.text;
  EXPECT_EQ(mail.text.find("Bonjour Tom"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("lundi 23 novembre à 14 h 00"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("calendar.ics"), std::string::npos);

  auto list = h_.get(pat_, "/api/v1/appointments");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body["upcoming"].size(), 1U);
  EXPECT_EQ(list.body["upcoming"][0]["id"], id);

  auto ics = h_.get(pat_, "/api/v1/appointments/" + id + "/calendar.ics");
  EXPECT_EQ(ics.status, 200);
  EXPECT_EQ(ics.headers.get("Content-Type").value_or(""), "text/calendar; charset=utf-8");

  // The practitioner's day shows it.
  auto day = h_.get(doc_.client, std::string("/api/v1/practitioner/agenda?from=") + kMonday);
  ASSERT_EQ(day.status, 200) << day.body;
  ASSERT_EQ(day.body["days"][0]["appointments"].size(), 1U);
  EXPECT_EQ(day.body["days"][0]["appointments"][0]["patient"]["name"], "Tom Durand");
  EXPECT_EQ(day.body["days"][0]["appointments"][0]["status"], "confirmed");
}

TEST_P(Booking, AppointmentsCarryTheMotifsEnglishLabel) {
  auto put = h_.put(doc_.client, "/api/v1/practitioner/motifs/" + motif_,
                    {{"label", "Consultation de suivi"},
                     {"label_en", "Follow-up consultation"},
                     {"duration_min", 20},
                     {"mode", "both"},
                     {"price_cents", 2500}});
  ASSERT_EQ(put.status, 200) << put.body;
  const auto id = booked(monday("14:40"), "k-en");
  auto one = h_.get(pat_, "/api/v1/appointments/" + id);
  EXPECT_EQ(one.body["motif"]["label"], "Consultation de suivi");
  EXPECT_EQ(one.body["motif"]["label_en"], "Follow-up consultation");
  auto list = h_.get(pat_, "/api/v1/appointments");
  EXPECT_EQ(list.body["upcoming"][0]["motif"]["label_en"], "Follow-up consultation");
  Client stranger;
  auto link = h_.get(stranger, "/api/v1/cancel-links/" + cancel_token("parent@example.fr"));
  EXPECT_EQ(link.body["appointment"]["motif"], "Consultation de suivi");
  EXPECT_EQ(link.body["appointment"]["motif_en"], "Follow-up consultation");
}

TEST_P(Booking, CancelLinkWorksWithoutLoginOnceAndVoidsTheHold) {
  const auto id = booked(monday("14:20"), "k2");
  const auto token = cancel_token("parent@example.fr");
  // The confirmation carries the event itself, not only a link to it.
  const auto confirmation = h_.last_mail_to("parent@example.fr");
  ASSERT_EQ(confirmation.attachments.size(), 1U);
  EXPECT_EQ(confirmation.attachments[0].filename, "rendez-vous.ics");
  const auto& event = confirmation.attachments[0].content;
  EXPECT_NE(event.find("BEGIN:VEVENT"), std::string::npos) << event;
  EXPECT_NE(event.find("STATUS:CONFIRMED"), std::string::npos) << event;
  const std::regex uid_line("UID:([^\r\n]+)");
  std::smatch uid;
  ASSERT_TRUE(std::regex_search(event, uid, uid_line)) << event;
  Client stranger;
  auto view = h_.get(stranger, "/api/v1/cancel-links/" + token);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.body["appointment"]["status"], "confirmed");
  auto cancel = h_.post(stranger, "/api/v1/cancel-links/" + token);
  ASSERT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.body["appointment"]["status"], "cancelled");
  EXPECT_EQ(h_.post(stranger, "/api/v1/cancel-links/" + token).status, 200);  // idempotent
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'voided'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'authorized'"), 0);
  // The slot is offered again, and the practitioner was told.
  const auto slots = monday_video_slots();
  EXPECT_NE(std::find(slots.begin(), slots.end(), monday("14:20")), slots.end());
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + id).body["payment"]["state"], "voided");
  h_.mail();
  auto doc_mail = sent_to("doc1@example.fr");
  EXPECT_NE(doc_mail.back().find("Rendez-vous annulé"), std::string::npos);
  // The patient gets the cancelled event: same UID, higher sequence, so calendars drop it.
  const auto cancelled = h_.last_mail_to("parent@example.fr");
  EXPECT_NE(cancelled.subject.find("Rendez-vous annulé"), std::string::npos) << cancelled.subject;
  ASSERT_EQ(cancelled.attachments.size(), 1U);
  const auto& gone = cancelled.attachments[0].content;
  EXPECT_NE(gone.find("UID:" + uid[1].str()), std::string::npos) << gone;
  EXPECT_NE(gone.find("STATUS:CANCELLED"), std::string::npos) << gone;
  EXPECT_NE(gone.find("SEQUENCE:1"), std::string::npos) << gone;
  // A forged or altered token is refused.
  auto forged = token;
  forged.back() = forged.back() == 'a' ? 'b' : 'a';
  EXPECT_EQ(h_.get(stranger, "/api/v1/cancel-links/" + forged).code(), "link_invalid");
  // No reminder for a cancelled appointment.
  at("2026-11-23T13:00:00");
  run_jobs();
  for (const auto& m : sent_to("parent@example.fr")) EXPECT_EQ(m.find("Rappel"), std::string::npos);
}

TEST_P(Booking, ExpiredCancelLinkIsGone) {
  booked(monday("14:00"), "k3");
  const auto token = cancel_token("parent@example.fr");
  at("2026-11-23T13:30:00");  // the consultation has started
  Client stranger;
  EXPECT_EQ(h_.post(stranger, "/api/v1/cancel-links/" + token).code(), "link_expired");
}

TEST_P(Booking, RetriedRequestReturnsTheFirstAnswerAndNeverBooksTwice) {
  auto a = book(pat_, monday("15:00"), "same-key");
  auto b = book(pat_, monday("15:00"), "same-key");
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  EXPECT_EQ(a.body["id"], b.body["id"]);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments"), 1);
  EXPECT_EQ(book(pat_, monday("15:20"), "same-key").code(), "idempotency_mismatch");
  EXPECT_EQ(book(pat_, monday("15:20"), "").status, 400);
  EXPECT_EQ(book(pat_, monday("15:20"), std::string(101, 'x')).status, 400);
}

TEST_P(Booking, LostRaceGets409WithTheNextFreeSlots) {
  ASSERT_EQ(book(pat_, monday("14:00"), "first").status, 201);
  auto other = h_.patient("autre@example.fr", "Paul");
  const std::string holder = h_.get(other, "/api/v1/me").body["profiles"][0]["id"];
  auto lost = book(other, monday("14:00"), "second", holder);
  ASSERT_EQ(lost.status, 409) << lost.body;
  EXPECT_EQ(lost.code(), "slot_taken");
  ASSERT_FALSE(lost.body["error"]["next_slots"].empty());
  EXPECT_EQ(lost.body["error"]["next_slots"][0]["start"], monday("14:20"));
  // Not a slot at all: closed hours, off the grid, in the past, malformed.
  EXPECT_EQ(book(other, monday("19:00"), "x1", holder).status, 400);
  EXPECT_EQ(book(other, monday("14:07"), "x2", holder).status, 400);
  EXPECT_EQ(book(other, "2026-11-20T14:00:00+01:00", "x3", holder).status, 400);
  EXPECT_EQ(book(other, "lundi 14h", "x4", holder).status, 400);
  // Someone else's profile does not exist for this patient.
  EXPECT_EQ(book(other, monday("16:00"), "x5", child_).status, 400);
}

TEST_P(Booking, AbandonedPaymentFreesTheSlotAndLeavesNoHold) {
  auto r = book(pat_, monday("16:00"), "k4");
  ASSERT_EQ(r.status, 201);
  h_.clock().advance(std::chrono::minutes(11));
  EXPECT_GE(run_jobs(), 1U);
  auto late = h_.post(pat_, "/api/v1/appointments/" + r.body["id"].get<std::string>() + "/confirm",
                      {{"payment_method", "tok_visa"}});
  EXPECT_EQ(late.code(), "booking_expired");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds"), 0);
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments").body["upcoming"].size(), 0U);
  const auto slots = monday_video_slots();
  EXPECT_NE(std::find(slots.begin(), slots.end(), monday("16:00")), slots.end());
}

TEST_P(Booking, DeclinedCardLeavesThePatientFreeToTryAnother) {
  auto r = book(pat_, monday("14:40"), "k5");
  const std::string id = r.body["id"];
  auto declined = h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
                          {{"payment_method", "tok_declined"}});
  EXPECT_EQ(declined.status, 402);
  EXPECT_EQ(declined.code(), "card_declined");
  EXPECT_EQ(h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
                    {{"payment_method", "tok_insufficient_funds"}})
                .code(),
            "insufficient_funds");
  auto ok = h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
                    {{"payment_method", "tok_mastercard"}});
  EXPECT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.body["payment"]["brand"], "mastercard");
  // A retried confirmation changes nothing.
  EXPECT_EQ(h_.post(pat_, "/api/v1/appointments/" + id + "/confirm",
                    {{"payment_method", "tok_mastercard"}})
                .status,
            200);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds"), 1);
}

TEST_P(Booking, RemindersGoOutOnceEachAtTheirTime) {
  booked(monday("16:20"), "k6");
  const auto base = sent_to("parent@example.fr").size();
  at("2026-11-22T15:25:00");  // 24 h before, give or take
  run_jobs();
  run_jobs();
  auto sent = sent_to("parent@example.fr");
  ASSERT_EQ(sent.size(), base + 1) << testing::PrintToString(sent);
  EXPECT_NE(sent.back().find("Rappel"), std::string::npos);
  at("2026-11-23T12:30:00");  // 3 h before
  run_jobs();
  at("2026-11-23T15:11:00");  // 9 min before
  run_jobs();
  run_jobs();
  sent = sent_to("parent@example.fr");
  ASSERT_EQ(sent.size(), base + 2) << testing::PrintToString(sent);
  // The SMS go to the account's phone.
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND body_text LIKE "
                  "'%téléconsultation%10 min%'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms' AND body_text LIKE "
                  "'%rappel%'"),
            1);
}

TEST_P(Booking, NoShowVoidsTheHoldAndChargesNothing) {
  const auto id = booked(monday("14:00"), "k7");
  at("2026-11-23T13:55:00");  // end 14:20 Paris + 30 min grace
  run_jobs();
  relogin();
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + id).body["status"], "no_show");
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'voided'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM sandbox_holds WHERE status = 'captured'"), 0);
}

TEST_P(Booking, ClosingCapturesAtMostTheHold) {
  const auto id = booked(monday("14:00"), "k8");
  auto early = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                       {{"amount_cents", 2500}});
  EXPECT_EQ(early.status, 400);  // nothing is charged before the consultation
  at("2026-11-23T13:15:00");
  relogin();
  EXPECT_EQ(h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                    {{"amount_cents", 2501}})
                .status,
            400);
  auto done = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                      {{"amount_cents", 2000}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.body["status"], "done");
  EXPECT_EQ(done.body["payment"]["captured_cents"], 2000);
  at("2026-11-23T14:00:00");
  run_jobs();  // no no-show after a consultation that happened
  relogin();
  EXPECT_EQ(h_.get(pat_, "/api/v1/appointments/" + id).body["status"], "done");
}

// Around midnight (found by the e2e suite run at a simulated 23:55): "Consultations du jour" keeps
// a consultation begun before midnight and not closed yet, so the practitioner can still end it.
TEST_P(Booking, TodaysConsultationsKeepOneGoingOnPastMidnight) {
  auto hours = weekday_hours();
  hours.push_back({{"weekday", 1}, {"mode", "video"}, {"start", "22:00"}, {"end", "24:00"}});
  ASSERT_EQ(h_.put(doc_.client, "/api/v1/practitioner/agenda/hours", {{"hours", hours}}).status,
            200);
  at("2026-11-23T20:00:00");  // Monday 21:00 in Paris
  relogin();
  const auto id = booked(monday("23:20"), "k-midnight");
  at("2026-11-23T22:21:00");  // 23:21: the practitioner admits the patient
  storage::Params which{id};
  auto row = h_.app().block_on(
      h_.db().query("SELECT id FROM appointments WHERE public_id = $1", std::move(which)));
  ASSERT_TRUE(row.ok() && row->size() == 1);
  ASSERT_TRUE(h_.app().block_on(h_.app().booking().started(row->row(0).integer(0))).ok());
  at("2026-11-23T23:05:00");  // Tuesday 00:05: still talking
  relogin();
  auto today = h_.get(doc_.client, "/api/v1/practitioner/consultations");
  ASSERT_EQ(today.status, 200) << today.body;
  ASSERT_EQ(today.body["items"].size(), 1U) << today.body;
  EXPECT_EQ(today.body["items"][0]["id"], id);
  // Another day's list is as it was.
  auto wednesday = h_.get(doc_.client, "/api/v1/practitioner/consultations?date=2026-11-25");
  EXPECT_EQ(wednesday.body["items"].size(), 0U);
}

TEST_P(Booking, AppointmentsAreOnlyTheirPatientsAndPractitioners) {
  const auto id = booked(monday("14:00"), "k13");
  auto other = h_.patient("curieux@example.fr", "Max");
  EXPECT_EQ(h_.get(other, "/api/v1/appointments/" + id).status, 404);
  EXPECT_EQ(h_.post(other, "/api/v1/appointments/" + id + "/cancel").status, 404);
  EXPECT_EQ(
      h_.post(other, "/api/v1/appointments/" + id + "/confirm", {{"payment_method", "tok_visa"}})
          .status,
      404);
  auto other_doc = doc("Jean", "Autre", "general_medicine", in("75056", "75011"));
  EXPECT_EQ(h_.post(other_doc.client, "/api/v1/practitioner/appointments/" + id + "/cancel",
                    nlohmann::json::object())
                .status,
            404);
  EXPECT_EQ(h_.post(doc_.client, "/api/v1/appointments/" + id + "/cancel").status, 403);
  // The patient cancels from their account.
  auto cancel = h_.post(pat_, "/api/v1/appointments/" + id + "/cancel");
  EXPECT_EQ(cancel.status, 200);
  EXPECT_EQ(cancel.body["status"], "cancelled");
}

TEST_P(Booking, EstimateShowsPriceShareAndReason) {
  auto r = h_.post(pat_, "/api/v1/reimbursement/estimate",
                   {{"practitioner_id", doc_.id}, {"motif_id", motif_}, {"profile_id", child_}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body["price_cents"], 2500);
  EXPECT_EQ(r.body["reimbursable"], true);  // under 16: outside the parcours condition
  EXPECT_EQ(r.body["patient_cents"].get<int>() + r.body["amo_cents"].get<int>(), 2500);
  EXPECT_FALSE(r.body["reason"].get<std::string>().empty());
  // The adult whose médecin traitant is another doctor, by video: out of the parcours.
  auto admin = h_.put(pat_, "/api/v1/me/profiles/" + holder_ + "/administrative",
                      {{"medecin_traitant", {{"name", "Dr Autre"}, {"rpps", rpps_number(999)}}}});
  ASSERT_EQ(admin.status, 200) << admin.body;
  auto adult =
      h_.post(pat_, "/api/v1/reimbursement/estimate",
              {{"practitioner_id", doc_.id}, {"motif_id", motif_}, {"profile_id", holder_}});
  ASSERT_EQ(adult.status, 200) << adult.body;
  EXPECT_EQ(adult.body["reimbursable"], false) << adult.body;
  // Reading the administrative data is in the patient's access log.
  auto log = h_.get(pat_, "/api/v1/me/access-log");
  EXPECT_NE(log.body.dump().find("administrative"), std::string::npos) << log.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, Booking, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
