// Guests of a teleconsultation over real sockets (issue 6, ROOM8; docs/consultation.md
// "Guests"), their limits: the room holds four people; a revoked guest is out at once, and every
// guest is out once the consultation is closed. The suite is instantiated in
// consultation_guests_test.cpp.
#include "consultation_guests_fixture.hpp"

namespace cabinet::test {
namespace {

TEST_P(ConsultationGuestsTest, FourPeopleAtMostAndARevokedOrClosedGuestIsOut) {
  const auto id = book_video();
  const auto port = node().port();
  HttpClient http(port);

  // Two guests at most: with the practitioner and the patient, the mesh holds four.
  const auto first = invite(id, "guest", as_patient());
  const auto second = invite(id, "interpreter", as_doctor());
  auto third = http.post_json("/api/v1/consultations/" + id + "/invitations", R"({"kind":"guest"})",
                              as_patient());
  EXPECT_EQ(third.status, 409);
  EXPECT_EQ(third.json()["error"]["code"], "room_full") << third.body;
  EXPECT_EQ(http.post_json("/api/v1/consultations/" + id + "/invitations", R"({"kind":"friend"})",
                           as_patient())
                .status,
            400);
  // Another patient cannot invite to someone else's consultation.
  EXPECT_EQ(http.post_json("/api/v1/consultations/" + id + "/invitations", R"({"kind":"guest"})",
                           as_patient(1))
                .status,
            404);
  const HeaderList one = {{"Cookie", claim(first["token"], "Paul Martin")}};
  const HeaderList two = {{"Cookie", claim(second["token"], "Ana Souza")}};

  const auto assistant = assistant_cookie();
  WsClient doctor(port, cookie_of(people().practitioner_cookie));
  WsClient patient_ws(port, patient(0));
  WsClient guest1(port, one);
  auto guest2 = std::make_unique<WsClient>(port, two);
  WsClient aide(port, cookie_of(assistant));
  for (auto* ws : {&doctor, &patient_ws, &guest1, guest2.get(), &aide})
    ASSERT_TRUE(ws->read().has_value());
  doctor.send(msg("join", id));
  next(doctor, "joined");
  patient_ws.send(msg("join", id));
  next(patient_ws, "joined");
  guest1.send(msg("join", id));
  next(guest1, "joined");
  guest2->send(msg("join", id));
  const std::string guest2_id = next(*guest2, "joined")["you"];
  presence_of(doctor, 4);

  // Four people: the practitioner, the patient and two guests, the most invitations allow. An
  // assistant, who could otherwise make a fifth, never enters a room (no clinical content).
  aide.send(msg("join", id));
  EXPECT_EQ(next(aide, "error")["code"], "forbidden");
  // The same person from a second socket replaces their first one: still four.
  WsClient guest1_again(port, one);
  ASSERT_TRUE(guest1_again.read().has_value());
  guest1_again.send(msg("join", id));
  next(guest1_again, "joined");
  next(guest1, "replaced");
  presence_of(doctor, 4);

  // Revoked: out of the room at once, its socket closed, its cookie dead, its link gone.
  const std::string second_id = std::to_string(second["id"].get<std::int64_t>());
  auto revoked = http.request("DELETE", "/api/v1/consultations/" + id + "/invitations/" + second_id,
                              "", as_patient());
  EXPECT_EQ(revoked.status, 204) << revoked.body;
  auto left = presence_of(doctor, 3);
  EXPECT_TRUE(participant(left, guest2_id).is_null());
  std::optional<std::string> last;
  do {
    last = guest2->read();
  } while (last);
  EXPECT_EQ(guest2->close_code(), 1008);
  EXPECT_EQ(websocket_refusal_status(port, two), 401);
  EXPECT_EQ(http.get("/api/v1/consultations/" + id, two).status, 401);
  EXPECT_EQ(http.get("/api/v1/invitations/" + second["token"].get<std::string>()).status, 404);
  EXPECT_EQ(http.request("DELETE", "/api/v1/consultations/" + id + "/invitations/" + second_id, "",
                         as_doctor())
                .status,
            404);
  auto listed = http.get("/api/v1/consultations/" + id + "/invitations", as_patient());
  EXPECT_EQ(listed.json()["invitations"].size(), 1U);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.invitation.revoked'"), 1);

  // The place is free again, for the patient's or practitioner's invitations only.
  EXPECT_EQ(invite(id, "guest", as_patient())["claimed"], false);

  // Closed: the guest gets `closed` like everyone, then its socket ends and its cookie too. The
  // appointment is moved into the past first: only a consultation that took place is closed.
  const auto now = static_cast<std::int64_t>(std::time(nullptr));
  count("UPDATE appointments SET start_at = " + std::to_string(now - 900) +
        ", end_at = " + std::to_string(now) + " WHERE public_id = '" + id + "' RETURNING id");
  auto closed = http.post_json("/api/v1/practitioner/appointments/" + id + "/close",
                               R"({"amount_cents":0})", as_doctor());
  ASSERT_EQ(closed.status, 200) << closed.body;
  next(guest1_again, "closed");
  std::optional<std::string> rest;
  do {
    rest = guest1_again.read();
  } while (rest);
  EXPECT_EQ(websocket_refusal_status(port, one), 401);
  EXPECT_EQ(http.get("/api/v1/consultations/" + id, one).status, 401);
  EXPECT_EQ(http.get("/api/v1/invitations/" + first["token"].get<std::string>()).status, 404);
  auto late = http.post_json("/api/v1/consultations/" + id + "/invitations", R"({"kind":"guest"})",
                             as_patient());
  EXPECT_EQ(late.status, 409);
}

}  // namespace
}  // namespace cabinet::test
