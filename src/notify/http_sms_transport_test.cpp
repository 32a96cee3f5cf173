#include "notify/http_sms_transport.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "python_server.hpp"
#include "test_db.hpp"

namespace cabinet::notify {
namespace {

// tests/notify/sms_gateway.py in a child process: it prints its port once it listens, and
// records each request in a file before answering.
class SmsGateway {
 public:
  SmsGateway() : server_("tests/notify/sms_gateway.py", {log_path().string()}) {}
  [[nodiscard]] std::string url(const std::string& path) const { return server_.url() + path; }
  [[nodiscard]] std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(log_path());
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

 private:
  [[nodiscard]] std::filesystem::path log_path() const { return dir_.path() / "requests.jsonl"; }
  test::TempDir dir_;  // before server_: the log path must exist when the gateway starts
  test::PythonServer server_;
};

const Sms kSms{"sms-7f3a", "+33612345678", "Cabinet : votre code de sécurité est 482913.", 0};

TEST(HttpSmsTransport, PostsJsonWithABearerToken) {
  SmsGateway gateway;
  HttpSmsTransport transport(
      HttpSmsOptions{gateway.url("/v1/messages"), "s3cr3t-token", std::chrono::seconds(10)});
  const auto sent = transport.send(kSms);
  ASSERT_TRUE(sent.ok()) << sent.error().detail;
  const auto requests = gateway.requests();
  ASSERT_EQ(requests.size(), 1U);
  const auto& request = requests[0];
  EXPECT_EQ(request["path"], "/v1/messages");
  EXPECT_EQ(request["headers"]["Authorization"], "Bearer s3cr3t-token");
  EXPECT_EQ(request["headers"]["Content-Type"], "application/json");
  EXPECT_EQ(nlohmann::json::parse(request["body"].get<std::string>()),
            (nlohmann::json{{"to", "+33612345678"},
                            {"text", "Cabinet : votre code de sécurité est 482913."},
                            {"message_id", "sms-7f3a"}}));
}

TEST(HttpSmsTransport, NoTokenNoAuthorizationHeader) {
  SmsGateway gateway;
  HttpSmsTransport transport(HttpSmsOptions{gateway.url("/send"), "", std::chrono::seconds(10)});
  ASSERT_TRUE(transport.send(kSms).ok());
  const auto requests = gateway.requests();
  ASSERT_EQ(requests.size(), 1U);
  EXPECT_FALSE(requests[0]["headers"].contains("Authorization"));
}

TEST(HttpSmsTransport, AnswersOutside2xxAreUnavailableWithTheStatus) {
  SmsGateway gateway;
  for (const char* status : {"503", "400", "301"}) {
    HttpSmsTransport transport(HttpSmsOptions{gateway.url(std::string("/status/") + status),
                                              "token", std::chrono::seconds(10)});
    const auto sent = transport.send(kSms);
    ASSERT_FALSE(sent.ok()) << status;
    EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
    EXPECT_NE(sent.error().detail.find(std::string("answered ") + status), std::string::npos)
        << sent.error().detail;
  }
  HttpSmsTransport accepted(
      HttpSmsOptions{gateway.url("/status/200"), "token", std::chrono::seconds(10)});
  EXPECT_TRUE(accepted.send(kSms).ok());
}

TEST(HttpSmsTransport, AnUnreachableGatewayIsUnavailable) {
  std::string url;
  {
    SmsGateway gone;
    url = gone.url("/send");
  }  // killed: its port is closed now
  const auto sent = HttpSmsTransport(HttpSmsOptions{url, "", std::chrono::seconds(5)}).send(kSms);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
}

TEST(HttpSmsTransport, RefusesATokenThatWouldAddHeaders) {
  HttpSmsTransport transport(HttpSmsOptions{"http://127.0.0.1:9/", "t\r\nX-Evil: 1", {}});
  EXPECT_EQ(transport.send(kSms).error().code, ErrorCode::invalid_request);
  HttpSmsTransport fine(HttpSmsOptions{"http://127.0.0.1:9/", "t", {}});
  EXPECT_EQ(fine.send(Sms{"id", "", "text", 0}).error().code, ErrorCode::invalid_request);
}

}  // namespace
}  // namespace cabinet::notify
