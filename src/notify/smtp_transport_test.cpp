#include "notify/smtp_transport.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "notify/eml.hpp"
#include "smtp_server.hpp"

namespace cabinet::notify {
namespace {

using std::chrono::seconds;
using std::chrono::steady_clock;

Email french_email(std::string id, std::string subject) {
  return Email{std::move(id),
               "Cabinet <no-reply@cabinet.localhost>",
               "Hélène Dupont <helene@example.fr>",
               std::move(subject),
               "Bonjour Hélène,\n\nVotre téléconsultation avec le Dr Lefèvre est confirmée.\n" +
                   std::string(120, '-') + "\n.\nÀ bientôt.\n",
               "<p>Bonjour Hélène,</p>\n<p>Votre téléconsultation est <b>confirmée</b>.</p>",
               1'790'000'000};
}

SmtpOptions plain(const test::SmtpServer& server) {
  SmtpOptions options;
  options.url = server.url();
  options.tls = SmtpOptions::Tls::none;  // aiosmtpd here has no certificate
  options.timeout = seconds(10);
  return options;
}

// A socket bound to a free loopback port. listening: connections complete but nobody ever
// answers; not listening: connections are refused.
class LocalPort {
 public:
  explicit LocalPort(bool listening) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    EXPECT_EQ(::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    EXPECT_EQ(::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &length), 0);
    port_ = ntohs(addr.sin_port);
    if (listening) {
      EXPECT_EQ(::listen(fd_, 4), 0);
    }
  }
  ~LocalPort() { ::close(fd_); }
  LocalPort(const LocalPort&) = delete;
  LocalPort& operator=(const LocalPort&) = delete;
  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_;
  std::uint16_t port_ = 0;
};

TEST(SmtpTransport, DeliversFrenchEmailsWhole) {
  test::SmtpServer server;
  SmtpEmailTransport transport(plain(server));
  const Email first = french_email("<rdv-1@cabinet>", "Votre code de sécurité");
  const Email second = french_email("<rdv-2@cabinet>", "Rendez-vous confirmé : jeudi à 9 h 30");
  const auto sent1 = transport.send(first);
  ASSERT_TRUE(sent1.ok()) << sent1.error().detail;
  const auto sent2 = transport.send(second);
  ASSERT_TRUE(sent2.ok()) << sent2.error().detail;

  ASSERT_TRUE(server.wait_for_messages(2)) << server.output();
  const auto messages = server.messages();
  ASSERT_EQ(messages.size(), 2U);
  for (std::size_t i = 0; i < 2; ++i) {
    const Email& expected = i == 0 ? first : second;
    const ParsedEmail got = parse_eml(messages[i]);
    EXPECT_EQ(got.message_id, expected.message_id);
    EXPECT_EQ(got.subject, expected.subject);
    EXPECT_EQ(got.to, expected.to);
    EXPECT_EQ(got.date, expected.created_at);
    EXPECT_EQ(got.text, expected.text);
    EXPECT_EQ(got.html, expected.html);
    EXPECT_NE(messages[i].find("X-MailFrom: no-reply@cabinet.localhost"), std::string::npos);
    EXPECT_NE(messages[i].find("X-RcptTo: helene@example.fr"), std::string::npos);
  }
}

TEST(SmtpTransport, TheOptionsSenderIsTheEnvelopeAndTheDefaultFrom) {
  test::SmtpServer server;
  SmtpOptions options = plain(server);
  options.from = "Cabinet <bounces@cabinet.localhost>";
  SmtpEmailTransport transport(options);
  Email email = french_email("<rdv-3@cabinet>", "Sans expéditeur");
  email.from.clear();
  const auto sent = transport.send(email);
  ASSERT_TRUE(sent.ok()) << sent.error().detail;
  ASSERT_TRUE(server.wait_for_messages(1));
  const std::string raw = server.messages().at(0);
  EXPECT_NE(raw.find("X-MailFrom: bounces@cabinet.localhost"), std::string::npos) << raw;
  EXPECT_EQ(parse_eml(raw).from, "Cabinet <bounces@cabinet.localhost>");
}

TEST(SmtpTransport, SendsFromSeveralThreadsAtOnce) {
  test::SmtpServer server;
  SmtpEmailTransport transport(plain(server));
  constexpr std::size_t kThreads = 4;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::atomic<std::size_t> delivered{0};
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 2; ++k) {
        const auto id = "<t" + std::to_string(t) + "-" + std::to_string(k) + "@cabinet>";
        if (transport.send(french_email(id, "Essai parallèle")).ok()) ++delivered;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(delivered.load(), 2 * kThreads);
  EXPECT_TRUE(server.wait_for_messages(2 * kThreads));
}

TEST(SmtpTransport, AClosedPortIsUnavailable) {
  const LocalPort closed(false);
  SmtpOptions options;
  options.url = closed.url();
  options.tls = SmtpOptions::Tls::none;
  options.timeout = seconds(5);
  const auto start = steady_clock::now();
  const auto sent = SmtpEmailTransport(options).send(french_email("<x@cabinet>", "Essai"));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
  EXPECT_NE(sent.error().detail.find("onnect"), std::string::npos) << sent.error().detail;
  EXPECT_LT(steady_clock::now() - start, options.timeout);
}

TEST(SmtpTransport, ASilentServerTimesOut) {
  const LocalPort silent(true);  // accepts in the kernel, never says 220
  SmtpOptions options;
  options.url = silent.url();
  options.tls = SmtpOptions::Tls::none;
  options.timeout = seconds(1);
  const auto start = steady_clock::now();
  const auto sent = SmtpEmailTransport(options).send(french_email("<x@cabinet>", "Essai"));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
  // Bounded on both sides so that a timeout ignored (a hang) or never armed would show.
  EXPECT_GE(steady_clock::now() - start, std::chrono::milliseconds(900));
  EXPECT_LT(steady_clock::now() - start, seconds(10)) << sent.error().detail;
}

TEST(SmtpTransport, RequiredTlsRefusesAServerWithoutStarttls) {
  test::SmtpServer server;
  SmtpOptions options = plain(server);
  options.tls = SmtpOptions::Tls::required;
  const auto sent = SmtpEmailTransport(options).send(french_email("<x@cabinet>", "Secret"));
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::unavailable);
  EXPECT_TRUE(server.messages().empty());
}

TEST(SmtpTransport, RefusesABadMessageBeforeConnecting) {
  const LocalPort closed(false);
  SmtpOptions options;
  options.url = closed.url();
  Email email = french_email("<x@cabinet>", "Bonjour\r\nBcc: victim@example.org");
  const auto sent = SmtpEmailTransport(options).send(email);
  ASSERT_FALSE(sent.ok());
  EXPECT_EQ(sent.error().code, ErrorCode::invalid_request);  // not worth a retry
  email = french_email("<x@cabinet>", "Bonjour");
  email.to = "helene@example.fr>\r\nRCPT TO:<victim@example.org";
  EXPECT_EQ(SmtpEmailTransport(options).send(email).error().code, ErrorCode::invalid_request);
}

}  // namespace
}  // namespace cabinet::notify
