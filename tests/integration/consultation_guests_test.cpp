// Guests of a teleconsultation over real sockets (issue 6, ROOM8; docs/consultation.md
// "Guests"): a one-time link, claimed by one browser only; the guest cookie opens the WebSocket
// and the guest view but no other route; a guest waits until the practitioner admits it and
// until then sends and receives no signaling; the room holds four people; a revoked guest is
// out at once, and every guest is out once the consultation is closed.
#include <regex>
#include <set>
#include <thread>

#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class ConsultationGuestsTest : public SignedInServerTest {
 protected:
  // The consultation, on a node with STUN/TURN configured (a guest's TURN credential).
  std::string book_video() {
    return SignedInServerTest::book_video({"ice.stun_urls=stun:127.0.0.1:3478",
                                           "ice.turn_urls=turn:127.0.0.1:3478?transport=udp",
                                           "ice.turn_secret=s3cret"});
  }

  nlohmann::json invite(const std::string& id, const std::string& kind, const HeaderList& who) {
    auto r = HttpClient(node().port())
                 .post_json("/api/v1/consultations/" + id + "/invitations",
                            nlohmann::json{{"kind", kind}}.dump(), who);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["invitation"];
  }

  // Claims the link from a browser without cookies; returns its "cabinet_guest=…" cookie.
  std::string claim(const std::string& token, const std::string& name) {
    auto r = HttpClient(node().port())
                 .post_json("/api/v1/invitations/" + token + "/claim",
                            nlohmann::json{{"name", name}}.dump(), unsafe());
    EXPECT_EQ(r.status, 200) << r.body;
    const auto set = r.header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }

  // Pings and returns every message that came before the pong: what reached the socket.
  static std::vector<nlohmann::json> drain(WsClient& ws) {
    ws.send(R"({"type":"ping"})");
    std::vector<nlohmann::json> out;
    for (int i = 0; i < 30; ++i) {
      auto m = ws.read_json();
      if (!m || (*m)["type"] == "pong") break;
      out.push_back(*m);
    }
    return out;
  }
  static bool has_type(const std::vector<nlohmann::json>& ms, const std::string& type) {
    return std::any_of(ms.begin(), ms.end(), [&](const auto& m) { return m["type"] == type; });
  }
  static nlohmann::json presence_of(WsClient& ws, std::size_t people) {
    auto p = next(ws, "presence");
    for (int i = 0; i < 10 && p.contains("participants") && p["participants"].size() != people; ++i)
      p = next(ws, "presence");
    EXPECT_EQ(p["participants"].size(), people) << p.dump();
    return p;
  }
  static nlohmann::json participant(const nlohmann::json& presence, const std::string& id) {
    for (const auto& p : presence["participants"]) {
      if (p["id"] == id) return p;
    }
    return {};
  }

  // The demo practitioner's assistant, signed up through the emailed link and signed in.
  std::string assistant_cookie() {
    const auto port = node().port();
    HttpClient http(port);
    const std::string email = "aide@example.fr";
    const std::string password = "Fauteuil-Orange-2026";
    auto invited = http.post_json("/api/v1/practitioner/assistants",
                                  nlohmann::json{{"email", email}}.dump(), as_doctor());
    EXPECT_EQ(invited.status, 201) << invited.body;
    std::smatch token;
    std::set<std::string> seen;
    const auto link = mail_to(http, email, seen);
    static const std::regex kToken("[?&]token=([A-Za-z0-9._~-]+)");
    EXPECT_TRUE(std::regex_search(link, token, kToken)) << link;
    auto signed_up = http.post_json("/api/v1/auth/signup/assistant",
                                    nlohmann::json{{"token", token[1].str()},
                                                   {"password", password},
                                                   {"phone", "0611223344"},
                                                   {"first_name", "Inès"},
                                                   {"last_name", "Roux"}}
                                        .dump(),
                                    unsafe());
    EXPECT_EQ(signed_up.status, 201) << signed_up.body;
    auto login =
        http.post_json("/api/v1/auth/login",
                       nlohmann::json{{"email", email}, {"password", password}}.dump(), unsafe());
    EXPECT_EQ(login.status, 200) << login.body;
    const auto text = mail_to(http, email, seen);
    std::smatch code;
    static const std::regex kCode("\\b(\\d{6})\\b");
    EXPECT_TRUE(std::regex_search(text, code, kCode)) << text;
    auto verified = http.post_json(
        "/api/v1/auth/login/verify",
        nlohmann::json{{"challenge", login.json()["challenge"]}, {"code", code[1].str()}}.dump(),
        unsafe());
    EXPECT_EQ(verified.status, 200) << verified.body;
    const auto set = verified.header("Set-Cookie");
    return set.substr(0, set.find(';'));
  }

  // The text of an email to `to` not among `seen` (which it joins), once the courier
  // delivered it.
  static std::string mail_to(HttpClient& http, const std::string& to, std::set<std::string>& seen) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      for (const auto& m : http.get("/api/v1/dev/mailbox").json()) {
        const auto id = m.value("id", "");
        if (m.value("to", "").find(to) == std::string::npos || !seen.insert(id).second) continue;
        return http.get("/api/v1/dev/mailbox/" + id).json().value("text", "");
      }
      // The courier delivers in the background (notify.poll_interval=100ms).
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "no new email to " << to;
    return {};
  }
};

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

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationGuestsTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
