// The teleconsultation room's protocol over real sockets (issue 6, docs/realtime.md
// "Consultations"): only the participants of a consultation enter it and receive its messages,
// signaling is relayed to the named peer only, the chat is kept sealed, a reconnected browser
// resumes, and refused messages leave everyone else served.
#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class ConsultationTest : public SignedInServerTest {
 protected:
  // The consultation, on a node with STUN/TURN configured (for the ICE servers test).
  std::string book_video() {
    return SignedInServerTest::book_video({"ice.stun_urls=stun:127.0.0.1:3478",
                                           "ice.turn_urls=turn:127.0.0.1:3478?transport=udp",
                                           "ice.turn_secret=s3cret"});
  }
};

TEST_P(ConsultationTest, OnlyParticipantsEnterAndSignalsReachTheNamedPeerOnly) {
  const auto id = book_video();
  const auto& s = people();
  const auto port = node().port();
  WsClient doctor(port, cookie_of(s.practitioner_cookie));
  WsClient patient_ws(port, patient(0));
  WsClient outsider(port, patient(1));
  for (auto* ws : {&doctor, &patient_ws, &outsider}) ASSERT_TRUE(ws->read().has_value());

  // Someone else's consultation does not exist for them, and its room stays closed to them.
  outsider.send(msg("join", id));
  EXPECT_EQ(next(outsider, "error")["code"], "not_found");
  EXPECT_EQ(HttpClient(port).get("/api/v1/consultations/" + id, patient(1)).status, 404);
  EXPECT_EQ(HttpClient(port).get("/api/v1/consultations/" + id).status, 401);

  doctor.send(R"({"type":"watch_waiting_room"})");
  next(doctor, "watching");
  patient_ws.send(msg("join", id));
  const auto joined = next(patient_ws, "joined");
  EXPECT_EQ(joined["status"], "waiting");
  EXPECT_EQ(joined["role"], "patient");
  const std::string patient_id = joined["you"];
  auto waiting = next(doctor, "waiting_room");
  EXPECT_EQ(waiting["consultation"], id);
  EXPECT_EQ(waiting["waiting"], true);
  auto view = HttpClient(port).get("/api/v1/consultations/" + id, patient(0));
  ASSERT_EQ(view.status, 200) << view.body;
  EXPECT_EQ(view.json()["status"], "waiting");
  EXPECT_EQ(view.json()["practitioner"]["connected"], false);

  doctor.send(msg("join", id));
  const std::string doctor_id = next(doctor, "joined")["you"];
  auto presence = next(patient_ws, "presence");  // its own entrance first, then the doctor's
  while (presence.contains("participants") && presence["participants"].size() != 2U)
    presence = next(patient_ws, "presence");
  EXPECT_EQ(presence["participants"].size(), 2U);

  // Nothing is charged before the consultation happened: the booked time is still ahead and
  // nobody was admitted yet.
  const auto close = [&] {
    HeaderList h{{"Cookie", s.practitioner_cookie},
                 {"Origin", "http://127.0.0.1:" + std::to_string(port)},
                 {"X-Requested-With", "cabinet"}};
    return HttpClient(port).post_json("/api/v1/practitioner/appointments/" + id + "/close",
                                      R"({"amount_cents":2000})", h);
  };
  auto early = close();
  EXPECT_EQ(early.status, 400) << early.body;

  // Only the practitioner admits.
  patient_ws.send(msg("admit", id));
  EXPECT_EQ(next(patient_ws, "error")["code"], "forbidden");
  doctor.send(msg("admit", id));
  next(patient_ws, "admitted");
  next(doctor, "admitted");

  // Signaling goes to the named peer, from the sender's id; an outsider cannot send any.
  patient_ws.send(
      msg("signal", id,
          {{"to", doctor_id}, {"data", {{"description", {{"type", "offer"}, {"sdp", "v=0"}}}}}}));
  auto relayed = next(doctor, "signal");
  EXPECT_EQ(relayed["from"], patient_id);
  EXPECT_EQ(relayed["data"]["description"]["type"], "offer");
  outsider.send(msg("signal", id, {{"to", doctor_id}, {"data", {{"candidate", "x"}}}}));
  EXPECT_EQ(next(outsider, "error")["code"], "not_found");
  // The outsider's next message is the answer to its ping: nothing of the room came before it.
  outsider.send(R"({"type":"ping"})");
  EXPECT_EQ((*outsider.read_json())["type"], "pong");
  // Oversized signaling is refused without closing anything.
  patient_ws.send(
      msg("signal", id, {{"to", doctor_id}, {"data", {{"sdp", std::string(40000, 'a')}}}}));
  EXPECT_EQ(next(patient_ws, "error")["code"], "invalid");

  // Admitted early (the room opens before the booked time), the consultation took place: the
  // practitioner closes it, the hold is captured and the patient's room says so.
  auto closed = close();
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["payment"]["state"], "captured") << closed.body;
  next(patient_ws, "closed");
  auto after = HttpClient(port).get("/api/v1/consultations/" + id, patient(0)).json();
  EXPECT_EQ(after["status"], "completed");
  EXPECT_TRUE(after["started_at"].is_number());
  EXPECT_TRUE(after["duration_seconds"].is_number()) << after.dump();
}

// The room's refusals come from the same table as HTTP errors, in the socket's language, with
// the values the node was configured with: the opening time here, the participant limit on the
// invitation that would exceed it.
TEST_P(ConsultationTest, RefusalsSpeakTheSocketsLanguageWithTheConfiguredValues) {
  node({"booking.room_opens=2m", "consultation.max_participants=3"});
  // The third booking starts two grid steps after the first at least: well after 2 minutes.
  const auto id = load::book_video(people(), 3, 0).at(2).id;
  const auto port = node().port();
  auto french = patient(0);
  french.emplace_back("Accept-Language", "fr-FR,fr;q=0.9");
  auto english = patient(0);
  english.emplace_back("Accept-Language", "en-GB,en;q=0.8");
  WsClient fr(port, french);
  WsClient en(port, english);
  for (auto* ws : {&fr, &en}) ASSERT_TRUE(ws->read().has_value());
  fr.send(msg("join", id));
  const auto refused_fr = next(fr, "error");
  EXPECT_EQ(refused_fr["code"], "not_open");
  EXPECT_EQ(refused_fr["message"], "La salle d'attente ouvre 2 minutes avant le rendez-vous.");
  en.send(msg("join", id));
  const auto refused_en = next(en, "error");
  EXPECT_EQ(refused_en["code"], "not_open");
  EXPECT_EQ(refused_en["message"], "The waiting room opens 2 minutes before the appointment.");

  // Three people at most: the practitioner, the patient and one guest.
  auto headers = as_patient(0);
  const auto invite = [&](const HeaderList& h) {
    return HttpClient(port).post_json("/api/v1/consultations/" + id + "/invitations",
                                      R"({"kind":"guest"})", h);
  };
  ASSERT_EQ(invite(headers).status, 201);
  headers.emplace_back("Accept-Language", "en");
  const auto over = invite(headers);
  EXPECT_EQ(over.status, 409) << over.body;
  EXPECT_EQ(over.json()["error"]["code"], "room_full");
  EXPECT_NE(over.json()["error"]["message"].get<std::string>().find("at most 3 participants"),
            std::string::npos)
      << over.body;
}

TEST_P(ConsultationTest, TheChatIsSealedAtRestAndAReconnectedBrowserResumesWithIt) {
  const auto id = book_video();
  const auto& s = people();
  const auto port = node().port();
  WsClient doctor(port, cookie_of(s.practitioner_cookie));
  ASSERT_TRUE(doctor.read().has_value());
  doctor.send(msg("join", id));
  next(doctor, "joined");
  std::string first_id;
  {
    WsClient patient_ws(port, patient(0));
    ASSERT_TRUE(patient_ws.read().has_value());
    patient_ws.send(msg("join", id));
    first_id = next(patient_ws, "joined")["you"];
    patient_ws.send(msg("chat", id, {{"text", "J'ai de la fièvre depuis hier soir."}}));
    auto mine = next(patient_ws, "chat");
    EXPECT_EQ(mine["mine"], true);
    auto theirs = next(doctor, "chat");
    EXPECT_EQ(theirs["text"], "J'ai de la fièvre depuis hier soir.");
    EXPECT_EQ(theirs["mine"], false);
    patient_ws.send(msg("chat", id, {{"text", ""}}));
    EXPECT_EQ(next(patient_ws, "error")["code"], "invalid");
  }  // the patient's network drops: the socket closes
  auto gone = next(doctor, "presence");
  while (gone["participants"].size() != 1U) gone = next(doctor, "presence");
  EXPECT_EQ(gone["participants"][0]["role"], "practitioner");

  // Stored, sealed: the row is there, and its bytes do not contain the text.
  EXPECT_EQ(query_integer(database_.url(), "SELECT COUNT(*) FROM consultation_messages"), 1);
  const std::string plain = GetParam() == storage::Engine::postgres
                                ? "position(convert_to('fièvre', 'UTF8') in body) > 0"
                                : "instr(body, CAST('fièvre' AS BLOB)) > 0";
  EXPECT_EQ(
      query_integer(database_.url(), "SELECT COUNT(*) FROM consultation_messages WHERE " + plain),
      0);
  EXPECT_EQ(query_integer(database_.url(),
                          "SELECT COUNT(*) FROM consultation_messages WHERE length(body) > 40"),
            1);

  // The same link, a new socket: the room and its chat come back.
  WsClient again(port, patient(0));
  ASSERT_TRUE(again.read().has_value());
  again.send(msg("join", id));
  auto rejoined = next(again, "joined");
  EXPECT_NE(rejoined["you"], first_id);
  ASSERT_EQ(rejoined["chat"].size(), 1U);
  EXPECT_EQ(rejoined["chat"][0]["text"], "J'ai de la fièvre depuis hier soir.");
  EXPECT_EQ(next(doctor, "presence")["participants"].size(), 2U);
  // Writing and reading the chat are traced in the audit log: one write (the empty message was
  // refused), and a read for each join that returned the history.
  EXPECT_EQ(
      query_integer(database_.url(),
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.chat.write'"),
      1);
  EXPECT_GE(query_integer(database_.url(),
                          "SELECT COUNT(*) FROM audit_log WHERE action = 'consultation.chat.read'"),
            1);
}

TEST_P(ConsultationTest, IceServersCarryAnHourLongTurnCredentialForSignedInUsersOnly) {
  book_video();
  const auto port = node().port();
  EXPECT_EQ(HttpClient(port).get("/api/v1/ice-servers").status, 401);
  auto r = HttpClient(port).get("/api/v1/ice-servers", patient(0));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto body = r.json();
  ASSERT_EQ(body["ice_servers"].size(), 2U);
  EXPECT_EQ(body["ice_servers"][0]["urls"][0], "stun:127.0.0.1:3478");
  const auto& turn = body["ice_servers"][1];
  EXPECT_EQ(turn["urls"][0], "turn:127.0.0.1:3478?transport=udp");
  const std::string username = turn["username"];
  const auto expiry = std::stoll(username.substr(0, username.find(':')));
  EXPECT_LE(expiry - std::time(nullptr), 3600);
  EXPECT_GT(expiry - std::time(nullptr), 3500);
  EXPECT_FALSE(turn["credential"].get<std::string>().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, ConsultationTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
