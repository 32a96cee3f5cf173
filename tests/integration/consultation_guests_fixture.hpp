#pragma once

// The fixture of the guest tests over real sockets (consultation_guests_test.cpp,
// consultation_guests_limits_test.cpp): a consultation on a node with STUN/TURN, invitations
// and their claims, what reached a socket, and the demo practitioner's assistant.
#include <algorithm>
#include <regex>
#include <set>
#include <thread>

#include "signed_in.hpp"

namespace cabinet::test {

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

}  // namespace cabinet::test
