// The security probe of the landed build (issue 17), replayed against the real binary: each
// request that used to get through (findings F1 and F6–F11) is now refused. The account-side
// findings (F2–F5) are replayed in tests/flows/account_security_test.cpp and
// shared_network_test.cpp.
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <regex>

#include "session.hpp"
#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class Probe : public SignedInServerTest {
 protected:
  std::string self() { return "127.0.0.1:" + std::to_string(node().port()); }
};

// F1: the development mailbox holds every login code and reset link.
TEST_P(Probe, DevelopmentModeRefusesToListenBeyondThisMachine) {
  auto r = run_command(
      {cabinet_binary(), "serve", "--set", "mode=development", "--set", "http.host=0.0.0.0",
       "--set", "http.port=0", "--set", "database.url=" + database_.url()},
      dir_.path());
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("loopback"), std::string::npos) << r.output;
}

TEST_P(Probe, TheMailboxAnswersOnlyAHostTheSiteIsServedAs) {
  node();
  const auto port = std::to_string(node().port());
  // DNS rebinding: a page on evil.example whose name now resolves to 127.0.0.1.
  EXPECT_EQ(http().get("/api/v1/dev/mailbox", {{"Host", "evil.example:" + port}}).status, 404);
  EXPECT_EQ(http().get("/api/v1/dev/mailbox", {{"Host", "localhost:" + port}}).status, 200);
  EXPECT_EQ(http().get("/api/v1/dev/mailbox").status, 200);  // Host: 127.0.0.1:<port>
}

// F7: the Origin must be the site's, scheme included; the request's Host proves nothing.
TEST_P(Probe, CrossSiteFormsAreRefusedWhateverTheHostSays) {
  node();
  const std::string body = R"({"email":"a@example.fr","password":"x"})";
  auto post = [&](const std::string& origin, const std::string& host) {
    return http().post_json("/api/v1/auth/login", body,
                            {{"Origin", origin}, {"Host", host}, {"X-Requested-With", "cabinet"}});
  };
  auto evil = post("http://evil.example", "evil.example");
  EXPECT_EQ(evil.status, 403);
  EXPECT_EQ(evil.json()["error"]["code"], "csrf_rejected");
  EXPECT_EQ(post("https://" + self(), self()).json()["error"]["code"], "csrf_rejected");
  EXPECT_EQ(post("http://127.0.0.1:1", self()).json()["error"]["code"], "csrf_rejected");
  EXPECT_EQ(post("http://" + self(), self()).status, 401);  // reaches the login: wrong password
  EXPECT_EQ(websocket_refusal_status(node().port(), {{"Origin", "http://evil.example"}}), 403);
}

// F8: a header trickled byte by byte no longer holds the connection for the idle timeout.
TEST_P(Probe, AHeaderThatNeverEndsIsCutOffAfterTheHeaderTimeout) {
  node({"http.header_timeout=1s", "http.idle_timeout=120s"});
  // The server closes the connection (the client's read would time out first otherwise, and
  // fail with another error).
  try {
    http().raw("GET /healthz HTTP/1.1\r\nHost: " + self() + "\r\nX-Slow: 1");
    ADD_FAILURE() << "an unfinished header was answered";
  } catch (const std::exception& e) {
    EXPECT_NE(std::string(e.what()).find("end of stream"), std::string::npos) << e.what();
  }
}

// F9: request smuggling and Host-less HTTP/1.1.
TEST_P(Probe, AmbiguousFramingIsRefusedAndTheConnectionClosed) {
  node();
  const auto host = "Host: " + self() + "\r\n";
  const std::string smuggled = "GET /healthz HTTP/1.1\r\n" + host + "\r\n";
  auto xchunked = http().raw("POST /api/v1/reports/csp HTTP/1.1\r\n" + host +
                             "Transfer-Encoding: xchunked\r\nContent-Length: 2\r\n"
                             "Content-Type: application/json\r\n\r\n{}" +
                             smuggled);
  EXPECT_EQ(xchunked.status, 400);
  EXPECT_TRUE(xchunked.connection_closed);
  auto both = http().raw("POST /api/v1/reports/csp HTTP/1.1\r\n" + host +
                         "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n");
  EXPECT_EQ(both.status, 400);
  EXPECT_TRUE(both.connection_closed);
  EXPECT_EQ(http().raw("GET /healthz HTTP/1.1\r\n\r\n").status, 400);
  EXPECT_EQ(http().raw("GET /healthz HTTP/1.1\r\n" + host + host + "\r\n").status, 400);
  EXPECT_EQ(http().raw("GET /healthz HTTP/1.0\r\n\r\n").status, 200);  // 1.0 has no Host
}

// F11: what runs and how busy it is are not the public's business.
TEST_P(Probe, MetricsAndVersionAnswerOnlyThisMachineWithoutAToken) {
  node();
  EXPECT_EQ(http().get("/metrics").status, 200);
  EXPECT_EQ(http().get("/api/v1/version").status, 200);
  const HeaderList relayed{{"X-Forwarded-For", "203.0.113.9"}};
  EXPECT_EQ(http().get("/metrics", relayed).status, 404);
  EXPECT_EQ(http().get("/api/v1/version", relayed).status, 404);
}

TEST_P(Probe, CspReportsAreLimitedPerAddress) {
  node();
  int accepted = 0;
  int refused = 0;
  for (int i = 0; i < 30; ++i) {
    auto r = http().post_json("/api/v1/reports/csp", R"({"csp-report":{}})",
                              {{"X-Forwarded-For", "203.0.113.10"}});
    if (r.status == 204) ++accepted;
    if (r.status == 429) ++refused;
  }
  EXPECT_EQ(accepted, 20);
  EXPECT_EQ(refused, 10);
  // Another address is not affected.
  EXPECT_EQ(http()
                .post_json("/api/v1/reports/csp", R"({"csp-report":{}})",
                           {{"X-Forwarded-For", "203.0.113.11"}})
                .status,
            204);
}

TEST_P(Probe, AMissingStaticFileIsAJsonError) {
  node();
  auto r = http().get("/assets/missing-4f3c2a.js");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()["error"]["code"], "not_found");
}

// F6: after a password reset, neither the link nor the login code is left in the files.
TEST_P(Probe, ErasedEmailsLeaveNoCodeOrLinkInTheDatabaseFiles) {
  if (GetParam() != storage::Engine::sqlite) GTEST_SKIP() << "PostgreSQL's files are its own";
  node();
  load::Session s(node().port(), "198.51.100.60");
  const std::string email = "reset-" + load::random_hex(4) + "@example.fr";
  s.sign_up(email, 0);
  const auto before_reset = s.mail_ids(email);
  ASSERT_EQ(s.post("/api/v1/auth/password/forgot", {{"email", email}}).status, 202);
  const auto reset_mail = s.next_mail(email, before_reset);
  std::smatch m;
  ASSERT_TRUE(std::regex_search(reset_mail, m, std::regex("reinitialiser-mot-de-passe[^ \n]*")));
  const auto link = m.str();
  const auto token = link.substr(link.rfind('=') + 1);
  ASSERT_GE(token.size(), 32U) << link;
  const auto before_notice = s.mail_ids(email);
  auto reset =
      s.post("/api/v1/auth/password/reset", {{"token", token}, {"password", load::kPassword}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  // "Votre mot de passe a été modifié" comes next: waited for, so that the login code is the
  // only message after it.
  EXPECT_EQ(s.next_mail(email, before_notice).find(token), std::string::npos);
  const auto before_code = s.mail_ids(email);
  auto login = s.post("/api/v1/auth/login", {{"email", email}, {"password", load::kPassword}});
  ASSERT_EQ(login.status, 200) << login.body;
  const auto code_mail = s.next_mail(email, before_code);
  ASSERT_TRUE(std::regex_search(code_mail, m, std::regex("\\b(\\d{6})\\b"))) << code_mail;
  const auto code = m.str(1);

  const auto path = database_.url().substr(std::string("sqlite:").size());
  auto files_contain = [&](const std::string& needle) {
    for (const auto& file : {path, path + "-wal"}) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)), {});
      if (bytes.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  // The courier erases a body once delivered and then checkpoints: wait for that, no longer.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while ((files_contain(token) || files_contain(code)) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_FALSE(files_contain(token)) << "the reset link is still in the database files";
  EXPECT_FALSE(files_contain(code)) << "the login code is still in the database files";
  for (const auto& file : {path, path + "-wal"}) {
    struct stat st {};
    ASSERT_EQ(::stat(file.c_str(), &st), 0) << file;
    EXPECT_EQ(st.st_mode & 0777, 0600) << file;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, Probe, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
