#pragma once

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "test_db.hpp"

namespace cabinet::test {

// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) in a child process on a
// free 127.0.0.1 port, without TLS or authentication, keeping every message it accepts in a
// maildir inside its own temp dir. Start-up waits for the server's "listening" log line and
// arrivals are watched with inotify: no sleeps. The destructor kills the child by its pid.
//
//   SmtpServer smtp;
//   options.url = smtp.url();  options.tls = SmtpOptions::Tls::none;
//   ... code under test sends ...
//   ASSERT_TRUE(smtp.wait_for_messages(1));
//   auto mail = notify::parse_eml(smtp.messages().at(0));
class SmtpServer {
 public:
  SmtpServer();
  ~SmtpServer();
  SmtpServer(const SmtpServer&) = delete;
  SmtpServer& operator=(const SmtpServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] std::string url() const;  // "smtp://127.0.0.1:<port>"
  [[nodiscard]] std::filesystem::path maildir() const { return dir_.path() / "maildir"; }

  // The raw messages received so far, oldest first, as aiosmtpd stored them: LF line ends,
  // with X-Peer, X-MailFrom and X-RcptTo headers added in front (the envelope).
  [[nodiscard]] std::vector<std::string> messages() const;
  // Until at least `count` messages have arrived; false on timeout. The server stores a
  // message before it answers 250, so after a synchronous send this returns at once.
  [[nodiscard]] bool wait_for_messages(
      std::size_t count, std::chrono::milliseconds timeout = std::chrono::seconds(10)) const;
  // What the server printed (its debug log), for failure messages.
  [[nodiscard]] std::string output() const;

 private:
  bool start(std::uint16_t port);
  void read_output(int fd);
  void stop();

  TempDir dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;
  bool eof_ = false;
};

}  // namespace cabinet::test
