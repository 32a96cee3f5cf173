#include "notify/http_sms_transport.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "test_db.hpp"

namespace cabinet::notify {
namespace {

// tests/notify/sms_gateway.py in a child process: it prints its port once it listens, and
// records each request in a file before answering.
class SmsGateway {
 public:
  SmsGateway() {
    std::array<int, 2> fds{};
    if (::pipe2(fds.data(), O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    std::vector<std::string> args{"/usr/bin/python3",
                                  std::string(CABINET_SOURCE_DIR) + "/tests/notify/sms_gateway.py",
                                  log_path().string()};
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    const int spawned = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    std::string line;
    pollfd pfd{fds[0], POLLIN, 0};
    std::array<char, 64> buffer{};
    while (spawned == 0 && line.find('\n') == std::string::npos && ::poll(&pfd, 1, 30'000) > 0) {
      const auto n = ::read(fds[0], buffer.data(), buffer.size());
      if (n <= 0) break;
      line.append(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fds[0]);
    if (line.find('\n') == std::string::npos) {
      stop();
      throw std::runtime_error("sms_gateway.py did not start");
    }
    port_ = std::stoi(line);
  }
  ~SmsGateway() { stop(); }
  SmsGateway(const SmsGateway&) = delete;
  SmsGateway& operator=(const SmsGateway&) = delete;

  [[nodiscard]] std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }
  [[nodiscard]] std::vector<nlohmann::json> requests() const {
    std::vector<nlohmann::json> out;
    std::ifstream in(log_path());
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

 private:
  [[nodiscard]] std::filesystem::path log_path() const { return dir_.path() / "requests.jsonl"; }
  void stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }

  test::TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
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
