// Guests of a teleconsultation over real sockets (issue 6, ROOM8; docs/consultation.md
// "Guests"): a one-time link, claimed by one browser only; the guest cookie opens the WebSocket
// and the guest view but no other route; a guest waits until the practitioner admits it and
// until then sends and receives no signaling. The room's limits, revocation and closing are in
// consultation_guests_limits_test.cpp.
#include "consultation_guests_fixture.hpp"

namespace cabinet::test {
namespace {

TEST_P(ConsultationGuestsTest, AGuestEntersByItsLinkOnceAndTakesPartOnlyWhenAdmitted) {
  const auto id = book_video();
  const auto port = node().port();
  HttpClient http(port);

  // The patient invites an interpreter: a one-time link.
  auto created = http.post_json("/api/v1/consultations/" + id + "/invitations",
                                R"({"kind":"interpreter","name":"Interprète LSF"})", as_patient());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto inv = created.json()["invitation"];
  const std::string token = inv["token"];
  EXPECT_EQ(inv["url"], "/invitation/" + token);
  EXPECT_EQ(inv["kind"], "interpreter");
  EXPECT_EQ(inv["name"], "Interprète LSF");
  EXPECT_EQ(inv["claimed"], false);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_invitations WHERE token_hash LIKE '%" + token +
                  "%'"),
            0);  // only its hash is kept

  // Anyone with the link sees what it is for; a made-up token is not found.
  auto page = http.get("/api/v1/invitations/" + token);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.json()["consultation"]["id"], id);
  EXPECT_FALSE(page.json()["consultation"]["practitioner"]["name"].get<std::string>().empty());
  EXPECT_EQ(page.json()["claimed"], false);
  EXPECT_EQ(page.json()["mine"], false);
  EXPECT_EQ(http.get("/api/v1/invitations/not-a-token").status, 404);

  // A name is required; then the first browser gets the guest cookie.
  auto nameless =
      http.post_json("/api/v1/invitations/" + token + "/claim", R"({"name":"  "})", unsafe());
  EXPECT_EQ(nameless.status, 400);
  auto claimed = http.post_json("/api/v1/invitations/" + token + "/claim",
                                R"({"name":"  Marie Dupont "})", unsafe());
  ASSERT_EQ(claimed.status, 200) << claimed.body;
  EXPECT_EQ(claimed.json()["guest"]["name"], "Marie Dupont");
  EXPECT_EQ(claimed.json()["guest"]["consultation"], id);
  const std::int64_t guest_number = claimed.json()["guest"]["id"];
  const auto set = claimed.header("Set-Cookie");
  EXPECT_EQ(set.rfind("cabinet_guest=", 0), 0U) << set;
  EXPECT_NE(set.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("SameSite=Strict"), std::string::npos);
  EXPECT_NE(set.find("Max-Age="), std::string::npos);
  const auto cookie = set.substr(0, set.find(';'));
  const HeaderList guest = {{"Cookie", cookie}};

  // One time: another browser is told the link was used; the same browser gets its guest back.
  auto second = HttpClient(port).post_json("/api/v1/invitations/" + token + "/claim",
                                           R"({"name":"Pirate"})", unsafe());
  EXPECT_EQ(second.status, 410);
  EXPECT_EQ(second.json()["error"]["code"], "invitation_used") << second.body;
  auto again = HttpClient(port).post_json("/api/v1/invitations/" + token + "/claim",
                                          R"({"name":"Marie Dupont"})", unsafe(guest));
  EXPECT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["guest"]["id"], guest_number);
  EXPECT_EQ(http.get("/api/v1/invitations/" + token, guest).json()["mine"], true);
  auto listed = http.get("/api/v1/consultations/" + id + "/invitations", as_doctor());
  ASSERT_EQ(listed.status, 200) << listed.body;
  ASSERT_EQ(listed.json()["invitations"].size(), 1U);
  EXPECT_EQ(listed.json()["invitations"][0]["claimed"], true);
  EXPECT_EQ(listed.json()["invitations"][0]["guest_name"], "Marie Dupont");
  EXPECT_FALSE(listed.json()["invitations"][0].contains("token"));

  // The guest cookie is no session: only the guest view and the ICE servers answer it.
  EXPECT_EQ(http.get("/api/v1/appointments", guest).status, 401);
  EXPECT_EQ(http.get("/api/v1/me", guest).status, 401);
  EXPECT_EQ(http.get("/api/v1/consultations/" + id + "/invitations", guest).status, 401);
  auto view = http.get("/api/v1/consultations/" + id, guest);
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json()["role"], "guest");
  EXPECT_EQ(view.json()["guest"]["admitted"], false);
  EXPECT_EQ(view.body.find("birth_date"), std::string::npos) << view.body;
  EXPECT_EQ(view.body.find("motif"), std::string::npos) << view.body;
  auto ice = http.get("/api/v1/ice-servers", guest);
  ASSERT_EQ(ice.status, 200) << ice.body;
  const std::string user = ice.json()["ice_servers"][1]["username"];
  EXPECT_EQ(user.substr(user.find(':')), ":g" + std::to_string(guest_number));

  // The WebSocket opens with the guest cookie, not without.
  EXPECT_EQ(websocket_refusal_status(port, {}), 401);
  EXPECT_EQ(websocket_refusal_status(port, {{"Cookie", "cabinet_guest=forged"}}), 401);
  WsClient doctor(port, cookie_of(people().practitioner_cookie));
  WsClient patient_ws(port, patient(0));
  WsClient outsider(port, patient(1));
  auto guest_ws = std::make_unique<WsClient>(port, guest);
  for (auto* ws : {&doctor, &patient_ws, &outsider, guest_ws.get()})
    ASSERT_TRUE(ws->read().has_value());

  // Only its own room, and only the room's messages.
  guest_ws->send(R"({"type":"watch_waiting_room"})");
  EXPECT_EQ(next(*guest_ws, "error")["code"], "forbidden");
  patient_ws.send(msg("join", id));
  const std::string patient_id = next(patient_ws, "joined")["you"];
  doctor.send(msg("join", id));
  const std::string doctor_id = next(doctor, "joined")["you"];
  patient_ws.send(msg("chat", id, {{"text", "Avant l'arrivée de l'interprète."}}));
  next(patient_ws, "chat");
  guest_ws->send(msg("join", id));
  auto joined = next(*guest_ws, "joined");
  EXPECT_EQ(joined["role"], "guest");
  EXPECT_EQ(joined["admitted"], false);
  EXPECT_TRUE(joined["chat"].empty());  // nothing of the record before admission
  const std::string guest_id = joined["you"];

  // The practitioner sees the guest waiting.
  auto seen = participant(presence_of(doctor, 3), guest_id);
  EXPECT_EQ(seen["role"], "guest");
  EXPECT_EQ(seen["name"], "Marie Dupont");
  EXPECT_EQ(seen["kind"], "interpreter");
  EXPECT_EQ(seen["admitted"], false);

  // Waiting: no signaling either way, no chat.
  patient_ws.send(msg("signal", id, {{"to", guest_id}, {"data", {{"candidate", "x"}}}}));
  EXPECT_EQ(next(patient_ws, "error")["code"], "not_admitted");
  guest_ws->send(msg("signal", id, {{"to", doctor_id}, {"data", {{"candidate", "y"}}}}));
  EXPECT_EQ(next(*guest_ws, "error")["code"], "not_admitted");
  guest_ws->send(msg("chat", id, {{"text", "Bonjour"}}));
  EXPECT_EQ(next(*guest_ws, "error")["code"], "not_admitted");
  patient_ws.send(msg("chat", id, {{"text", "Toujours pas admise."}}));
  next(patient_ws, "chat");
  auto reached = drain(*guest_ws);
  EXPECT_FALSE(has_type(reached, "signal"));
  EXPECT_FALSE(has_type(reached, "chat"));

  // The patient cannot admit; the practitioner admits the guest by its participant id.
  patient_ws.send(msg("admit", id, {{"participant", guest_id}}));
  EXPECT_EQ(next(patient_ws, "error")["code"], "forbidden");
  doctor.send(msg("admit", id, {{"participant", guest_id}}));
  auto admitted = next(*guest_ws, "admitted");
  EXPECT_EQ(admitted["participant"], guest_id);
  EXPECT_EQ(participant(presence_of(doctor, 3), guest_id)["admitted"], true);

  // Now signaling flows both ways, and the chat carries the guest's name.
  patient_ws.send(msg("signal", id, {{"to", guest_id}, {"data", {{"candidate", "p"}}}}));
  EXPECT_EQ(next(*guest_ws, "signal")["from"], patient_id);
  guest_ws->send(msg("signal", id, {{"to", doctor_id}, {"data", {{"candidate", "g"}}}}));
  auto relayed = next(doctor, "signal");
  EXPECT_EQ(relayed["from"], guest_id);
  EXPECT_EQ(relayed["data"]["candidate"], "g");
  guest_ws->send(msg("chat", id, {{"text", "Je traduis pour Hugo."}}));
  auto mine = next(*guest_ws, "chat");
  EXPECT_EQ(mine["mine"], true);
  auto theirs = next(patient_ws, "chat");
  EXPECT_EQ(theirs["role"], "guest");
  EXPECT_EQ(theirs["name"], "Marie Dupont");
  EXPECT_EQ(theirs["mine"], false);
  EXPECT_EQ(count("SELECT COUNT(*) FROM consultation_messages WHERE sender_account_id IS NULL"
                  " AND sender_guest_id = " +
                  std::to_string(guest_number)),
            1);

  // Someone else's patient can neither join nor hear anything.
  outsider.send(msg("join", id));
  EXPECT_EQ(next(outsider, "error")["code"], "not_found");
  outsider.send(msg("signal", id, {{"to", guest_id}, {"data", {{"candidate", "o"}}}}));
  EXPECT_EQ(next(outsider, "error")["code"], "not_found");
  auto outside = drain(outsider);
  EXPECT_FALSE(has_type(outside, "presence"));
  EXPECT_FALSE(has_type(outside, "chat"));

  // A reconnected guest replaces its old socket and stays admitted, with the chat history.
  auto back = std::make_unique<WsClient>(port, guest);
  ASSERT_TRUE(back->read().has_value());
  back->send(msg("join", id));
  auto rejoined = next(*back, "joined");
  EXPECT_EQ(rejoined["admitted"], true);
  EXPECT_EQ(rejoined["chat"].size(), 3U);
  EXPECT_EQ(rejoined["participants"].size(), 3U);
  next(*guest_ws, "replaced");

  // Traced: created, claimed, admitted; the chat read by the guest.
  for (const auto* action : {"consultation.invitation.created", "consultation.invitation.claimed",
                             "consultation.guest.admitted"})
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE action = '") + action + "'"),
              1)
        << action;
}

// For the tests of both files (one fixture, one suite).
INSTANTIATE_TEST_SUITE_P(Engines, ConsultationGuestsTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
