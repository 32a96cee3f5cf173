#pragma once

// The fixture of the messaging flow tests (docs/messaging.md): the booking fixture's
// practitioner and patient after a held consultation of the child, a WebSocket stand-in that
// records what the hub sends, and helpers for the conversation routes.
#include <mutex>

#include "booking_fixture.hpp"
#include "realtime/hub.hpp"

namespace cabinet::test {

// A socket as the hub sees one: what it was sent, parsed, in order.
class Socket : public realtime::Connection {
 public:
  Socket(Principal who, std::uint64_t id) : who_(std::move(who)), id_(id) {}
  [[nodiscard]] std::uint64_t id() const override { return id_; }
  [[nodiscard]] Locale locale() const override { return Locale::fr; }
  [[nodiscard]] const Principal& principal() const override { return who_; }
  void send(std::string text) override {
    const std::lock_guard lock(mutex_);
    received_.push_back(nlohmann::json::parse(text));
  }
  void close(realtime::CloseCode, std::string) override {}
  std::vector<nlohmann::json> take() {
    const std::lock_guard lock(mutex_);
    return std::exchange(received_, {});
  }

 private:
  Principal who_;
  std::uint64_t id_;
  std::mutex mutex_;
  std::vector<nlohmann::json> received_;
};

class MessagingFlows : public BookingFlows {
 protected:
  void SetUp() override {
    BookingFlows::SetUp();
    // The child's video consultation on Monday 14:00, held and closed at 14:25 (Paris).
    const auto id = booked(monday("14:00"), "held");
    at("2026-11-23T13:25:00");
    relogin();
    auto done = h_.post(doc_.client, "/api/v1/practitioner/appointments/" + id + "/close",
                        {{"amount_cents", 2500}});
    EXPECT_EQ(done.status, 200) << done.body;
  }

  Reply turn_on(bool assistants = false) {
    return h_.put(doc_.client, "/api/v1/me/messaging",
                  {{"enabled", true}, {"assistants_see_conversations", assistants}});
  }

  Reply open(Client& c, const nlohmann::json& message, const std::string& reason = "renewal",
             const std::string& profile = "") {
    return h_.post(c, "/api/v1/conversations",
                   {{"practitioner_id", doc_.id},
                    {"profile_id", profile.empty() ? child_ : profile},
                    {"reason", reason},
                    {"message", message}});
  }

  // Opened by the patient; its id.
  std::string conversation(const std::string& text = "Bonjour Docteur") {
    auto r = open(pat_, text);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.body.value("id", "");
  }

  Reply write(Client& c, const std::string& id, const nlohmann::json& message) {
    return h_.post(c, "/api/v1/conversations/" + id + "/messages", {{"message", message}});
  }

  Reply attach(Client& c, const std::string& id, std::string bytes, const std::string& name,
               const std::string& query = "") {
    return h_.call(c, http::Method::post, "/api/v1/conversations/" + id + "/files" + query, nullptr,
                   {{"Content-Type", "application/octet-stream"}, {"X-File-Name", name}}, true,
                   std::move(bytes));
  }

  // A socket of the account behind `email`, attached to the hub, with `watch_messages` sent.
  std::shared_ptr<Socket> watching(Client& c, const std::string& email, Role role) {
    Principal who;
    storage::Params params{email};
    auto rows = h_.app().block_on(
        h_.db().query("SELECT id FROM accounts WHERE email = $1", std::move(params)));
    EXPECT_TRUE(rows && rows->size() == 1);
    who.account_id = rows && rows->size() == 1 ? rows->row(0).integer(0) : 0;
    who.account_public_id = h_.get(c, "/api/v1/me").body["account"].value("id", "");
    who.role = role;
    who.status = "active";
    auto socket = std::make_shared<Socket>(who, ++sockets_);
    h_.app().hub().attach(socket);
    h_.app().block_on(h_.app().hub().dispatch(*socket, R"({"type":"watch_messages"})"));
    return socket;
  }

  // Every stored byte of a table, to look for clear text.
  std::string bytes_of(const std::string& table) {
    auto rows = h_.app().block_on(h_.db().query("SELECT * FROM " + table));
    std::string all;
    if (!rows) return all;
    for (std::size_t i = 0; i < rows->size(); ++i)
      for (std::size_t j = 0; j < rows->row(i).size(); ++j)
        if (!rows->row(i).is_null(j)) {
          const auto& v = rows->row(i).at(j);
          if (const auto* s = std::get_if<std::string>(&v)) all += *s;
          if (const auto* b = std::get_if<storage::Blob>(&v)) all += b->bytes;
        }
    return all;
  }

  std::uint64_t sockets_ = 9000;
};

}  // namespace cabinet::test
