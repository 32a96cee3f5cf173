#pragma once

#include <chrono>
#include <string>

#include "notify/message.hpp"

namespace cabinet::notify {

struct SmtpOptions {
  // How the connection is protected. STARTTLS that the server may decline (starttls) is
  // open to a downgrade by anyone on the path; required refuses to send in clear.
  enum class Tls { none, starttls, required };

  std::string url;       // "smtp://host:587" (STARTTLS) or "smtps://host:465" (implicit TLS)
  std::string username;  // empty: no AUTH
  std::string password;
  Tls tls = Tls::required;
  std::chrono::seconds timeout{10};  // for the whole exchange, connection included
  // The envelope sender (MAIL FROM, where bounces go) and the From of emails without one;
  // empty: the email's own From.
  std::string from;
};

// Sends through an SMTP relay with libcurl, one connection per message: send() may run on
// several threads at once, each with its own handle.
class SmtpEmailTransport final : public EmailTransport {
 public:
  explicit SmtpEmailTransport(SmtpOptions options) : options_(std::move(options)) {}
  Result<void> send(const Email& email) override;

 private:
  SmtpOptions options_;
};

}  // namespace cabinet::notify
