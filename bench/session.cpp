#include "session.hpp"

#include <algorithm>
#include <chrono>
#include <random>
#include <regex>
#include <stdexcept>
#include <thread>

namespace cabinet::load {
namespace {

using test::HeaderList;
using test::HttpResponse;
using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr const char* kFirstNames[] = {"Emma", "Louis", "Chloé", "Hugo",
                                       "Inès", "Jules", "Léa",   "Nathan"};
constexpr const char* kLastNames[] = {"Martin", "Bernard", "Dubois", "Thomas",
                                      "Robert", "Richard", "Petit",  "Moreau"};

std::string url_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

}  // namespace

void fail(const std::string& step, const HttpResponse& r) {
  throw std::runtime_error(step + ": HTTP " + std::to_string(r.status) + " " + r.body);
}

std::string random_hex(std::size_t bytes) {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < bytes; ++i) {
    const auto b = rng() & 0xff;
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 0xf]);
  }
  return out;
}

Session::Session(std::uint16_t port, std::string address)
    : http_(port),
      address_(std::move(address)),
      origin_("http://127.0.0.1:" + std::to_string(port)) {}

HttpResponse Session::get(const std::string& target) {
  HeaderList h{{"Accept", "application/json"}, {"X-Forwarded-For", address_}};
  if (!cookie_.empty()) h.emplace_back("Cookie", cookie_);
  return http_.get(target, h);
}

// What the web app adds to every request that changes something (the CSRF checks).
HeaderList Session::write_headers(HeaderList extra) const {
  extra.emplace_back("Origin", origin_);
  extra.emplace_back("X-Requested-With", "cabinet");
  extra.emplace_back("Accept", "application/json");
  extra.emplace_back("X-Forwarded-For", address_);
  if (!cookie_.empty()) extra.emplace_back("Cookie", cookie_);
  return extra;
}

HttpResponse Session::post(const std::string& target, const Json& body, HeaderList extra) {
  return http_.post_json(target, body.dump(), write_headers(std::move(extra)));
}

HttpResponse Session::put(const std::string& target, const Json& body) {
  return http_.request("PUT", target, body.dump(),
                       write_headers({{"Content-Type", "application/json"}}));
}

std::vector<std::string> Session::mail_ids(const std::string& to) {
  auto r = get("/api/v1/dev/mailbox");
  if (r.status != 200) fail("GET /api/v1/dev/mailbox (is mode=development?)", r);
  std::vector<std::string> out;
  for (const auto& m : r.json())
    if (m.value("to", "").find(to) != std::string::npos) out.push_back(m.value("id", ""));
  return out;
}

std::string Session::next_mail(const std::string& to, const std::vector<std::string>& seen) {
  const auto deadline = Clock::now() + std::chrono::seconds(20);
  auto pause = std::chrono::milliseconds(20);
  while (Clock::now() < deadline) {
    for (const auto& id : mail_ids(to)) {
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      auto m = get("/api/v1/dev/mailbox/" + id);
      if (m.status != 200) fail("GET mailbox message", m);
      return m.json().value("text", "");
    }
    // The courier delivers in the background: poll, with a deadline. Each listing reads the
    // newest 200 messages on the server: dozens of clients polling every 20 ms would keep it
    // busy listing and slow the very sign-ups they wait for, so the pause grows to 200 ms.
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(200));
  }
  throw std::runtime_error("no email to " + to + " within 20 s");
}

void Session::login(const std::string& email, const std::string& password) {
  const auto seen = mail_ids(email);
  auto r = post("/api/v1/auth/login", {{"email", email}, {"password", password}});
  if (r.status != 200) fail("POST /auth/login " + email, r);
  const auto challenge = r.json().value("challenge", "");
  const auto text = next_mail(email, seen);
  std::smatch code;
  static const std::regex kCode(R"(\b(\d{6})\b)");
  if (!std::regex_search(text, code, kCode)) throw std::runtime_error("no code in: " + text);
  auto v = post("/api/v1/auth/login/verify", {{"challenge", challenge}, {"code", code[1]}});
  if (v.status != 200) fail("POST /auth/login/verify " + email, v);
  const auto set = v.header("Set-Cookie");
  cookie_ = set.substr(0, set.find(';'));
}

void Session::confirm_email(const std::string& email, const std::vector<std::string>& seen) {
  const auto text = next_mail(email, seen);
  std::smatch token;
  static const std::regex kToken("[?&]token=([A-Za-z0-9._~%-]+)");
  if (!std::regex_search(text, token, kToken)) throw std::runtime_error("no token in: " + text);
  auto c = post("/api/v1/auth/email/confirm", {{"token", url_decode(token[1])}});
  if (c.status != 200) fail("POST /auth/email/confirm", c);
}

void Session::sign_up(const std::string& email, int n) {
  const auto seen = mail_ids(email);
  auto r = post("/api/v1/auth/signup", {{"email", email},
                                        {"password", kPassword},
                                        {"phone", "0612345678"},
                                        {"first_name", kFirstNames[n % 8]},
                                        {"last_name", kLastNames[n % 8]},
                                        {"birth_date", "1985-03-14"}});
  if (r.status != 201) fail("POST /auth/signup " + email, r);
  confirm_email(email, seen);
}

void Session::sign_up_practitioner(const std::string& email, const std::string& rpps,
                                   const std::string& specialty, int n) {
  const auto seen = mail_ids(email);
  auto r = post("/api/v1/auth/signup/practitioner", {{"email", email},
                                                     {"password", kPassword},
                                                     {"phone", "0712345678"},
                                                     {"first_name", kFirstNames[n % 8]},
                                                     {"last_name", kLastNames[(n / 8) % 8]},
                                                     {"rpps", rpps},
                                                     {"specialty", specialty}});
  if (r.status != 201) fail("POST /auth/signup/practitioner " + email, r);
  confirm_email(email, seen);
}

std::string rpps_number(int n) {
  const std::string base = "100" + std::to_string(1'000'000 + n);  // 10 digits
  for (int last = 0; last < 10; ++last) {
    std::string s = base + std::to_string(last);
    int sum = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      int d = s[s.size() - 1 - i] - '0';
      if (i % 2 == 1) {
        d *= 2;
        if (d > 9) d -= 9;
      }
      sum += d;
    }
    if (sum % 10 == 0) return s;
  }
  return base + "0";
}

}  // namespace cabinet::load
