#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "http/message.hpp"
#include "notify/eml.hpp"
#include "test_db.hpp"

// Handler tests through the real composition root: every route, middleware and service as in
// production, a fresh database per test on each engine, the file mailbox, and a clock the test
// moves. No socket: requests go straight to the dispatcher.
namespace cabinet::test {

struct Reply {
  int status = 0;
  nlohmann::json body;
  std::string raw;  // the body as sent (files)
  http::Headers headers;
  [[nodiscard]] std::string code() const {
    return body.is_object() && body.contains("error") ? body["error"].value("code", "") : "";
  }
  [[nodiscard]] std::string message() const {
    return body.is_object() && body.contains("error") ? body["error"].value("message", "") : "";
  }
};

// One browser: its cookies, its address, its language.
struct Client {
  std::map<std::string, std::string> cookies;
  std::string ip = "192.0.2.10";
  std::string language = "fr";
};

class Harness {
 public:
  explicit Harness(storage::Engine engine, const std::map<std::string, std::string>& sets = {});
  ~Harness();

  Reply call(Client& client, http::Method method, const std::string& path,
             const nlohmann::json& body = nullptr,
             const std::vector<std::pair<std::string, std::string>>& headers = {},
             bool csrf_headers = true, const std::optional<std::string>& raw_body = std::nullopt);
  Reply put(Client& c, const std::string& path, const nlohmann::json& body) {
    return call(c, http::Method::put, path, body);
  }
  Reply del(Client& c, const std::string& path) { return call(c, http::Method::del, path); }
  // A raw body (uploads) with its Content-Type.
  Reply upload(Client& c, const std::string& path, std::string bytes, const std::string& type) {
    return call(c, http::Method::put, path, nullptr, {{"Content-Type", type}}, true, bytes);
  }
  Reply get(Client& c, const std::string& path) { return call(c, http::Method::get, path); }
  Reply post(Client& c, const std::string& path,
             const nlohmann::json& body = nlohmann::json::object()) {
    return call(c, http::Method::post, path, body);
  }

  // Delivers what the outbox holds, then returns the mailbox, newest first.
  std::vector<notify::ParsedEmail> mail();
  // The newest email to `to`; fails the test when there is none.
  notify::ParsedEmail last_mail_to(const std::string& to);
  // The token of the newest link to `path` in an email to `to`.
  std::string link_token(const std::string& to, const std::string& path);
  std::string login_code(const std::string& to);

  // Full flows used by many tests.
  void signup_patient(Client& c, const std::string& email, const std::string& first = "Zoé");
  void login(Client& c, const std::string& email, const std::string& password = kPassword);
  Client patient(const std::string& email, const std::string& first = "Zoé");
  Client practitioner(const std::string& email, const std::string& rpps, bool verified);
  Client operator_(const std::string& email);

  ManualClock& clock() { return clock_; }
  app::App& app() { return *app_; }
  storage::Database& db() { return app_->database(); }
  [[nodiscard]] const std::string& url() const { return database_.url(); }
  [[nodiscard]] storage::Engine engine() const { return engine_; }

  static constexpr const char* kPassword = "Velo-Nuage-Tram 73";

 private:
  storage::Engine engine_;
  TempDir dir_;
  DatabaseUrl database_;
  ManualClock clock_;
  SeededRandom random_;
  std::unique_ptr<app::App> app_;
  int next_operator_ = 0;
};

// Valid RPPS numbers (Luhn) for tests.
std::string rpps_number(int n);

}  // namespace cabinet::test
