#pragma once

// One person's HTTP connection to a running `cabinet serve`, with the headers a browser of theirs
// would send, and the sign-up and sign-in steps that read the development mailbox (the server
// must run with mode=development and, for one address per person, http.trust_forwarded=true).
// Shared by the load programs (booking_load.cpp, queue_bench.cpp).
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "client.hpp"

namespace cabinet::load {

// The password of every account the load programs sign up.
inline constexpr const char* kPassword = "Velo-Nuage-Tram 73";

// Throws std::runtime_error naming the step, with the answer's status and body.
[[noreturn]] void fail(const std::string& step, const test::HttpResponse& r);

// `bytes` random bytes as hexadecimal (emails, Idempotency-Keys).
std::string random_hex(std::size_t bytes);

class Session {
 public:
  Session(std::uint16_t port, std::string address);

  test::HttpResponse get(const std::string& target);
  test::HttpResponse post(const std::string& target, const nlohmann::json& body,
                          test::HeaderList extra = {});
  test::HttpResponse put(const std::string& target, const nlohmann::json& body);

  // The development mailbox's messages to `to`, newest first.
  std::vector<std::string> mail_ids(const std::string& to);
  // Waits for a message to `to` that is not in `seen`, and returns its text.
  std::string next_mail(const std::string& to, const std::vector<std::string>& seen);

  // Password, then the emailed code; keeps the session cookie.
  void login(const std::string& email, const std::string& password);
  // A patient account (name n % 8 of a small list), its email confirmed.
  void sign_up(const std::string& email, int n);
  // A practitioner account of `specialty` with this RPPS number, its email confirmed; it still
  // has to be verified by an operator.
  void sign_up_practitioner(const std::string& email, const std::string& rpps,
                            const std::string& specialty, int n);

  [[nodiscard]] const std::string& cookie() const { return cookie_; }
  void use_cookie(std::string cookie) { cookie_ = std::move(cookie); }

 private:
  void confirm_email(const std::string& email, const std::vector<std::string>& seen);
  test::HeaderList write_headers(test::HeaderList extra) const;

  test::HttpClient http_;
  std::string address_;
  std::string origin_;
  std::string cookie_;
};

// An 11-digit RPPS number with a valid Luhn key, different for each n.
std::string rpps_number(int n);

}  // namespace cabinet::load
