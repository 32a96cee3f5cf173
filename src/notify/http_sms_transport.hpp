#pragma once

#include <chrono>
#include <string>

#include "notify/message.hpp"

namespace cabinet::notify {

struct HttpSmsOptions {
  std::string url;    // the gateway's endpoint, "https://sms.example/v1/messages"
  std::string token;  // sent as "Authorization: Bearer <token>"; empty: no header
  std::chrono::seconds timeout{10};
};

// POSTs {"to", "text", "message_id"} as JSON to an SMS gateway; any 2xx answer is success.
// One connection per message, so send() may run on several threads at once.
class HttpSmsTransport final : public SmsTransport {
 public:
  explicit HttpSmsTransport(HttpSmsOptions options) : options_(std::move(options)) {}
  Result<void> send(const Sms& sms) override;

 private:
  HttpSmsOptions options_;
};

}  // namespace cabinet::notify
