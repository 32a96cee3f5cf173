#pragma once

// A server with the demo accounts, in development mode (login codes in its mailbox), and
// patients signed up through the API: for the tests that need sessions (WebSocket, room).
#include "booking_load.hpp"
#include "fixture.hpp"

namespace cabinet::test {

class SignedInServerTest : public ServerTest {
 protected:
  void SetUp() override {
    // Without the queue's city GPs: the demo accounts alone, as these tests were written for.
    auto seeded =
        run_command({cabinet_binary(), "seed", "--practitioners", "0", "--demo-accounts",
                     "--city-gps", "0", "--set", "database.url=" + database_.url(), "--set",
                     "security.argon2_memory=8KiB", "--set", "security.argon2_ops=1"},
                    dir_.path());
    ASSERT_EQ(seeded.status, 0) << seeded.output;
  }

  ServerProcess& node(std::vector<std::string> extra = {}) {
    std::vector<std::string> sets{"mode=development", "http.trust_forwarded=true",
                                  "security.argon2_memory=8KiB", "security.argon2_ops=1",
                                  "notify.poll_interval=100ms"};
    sets.insert(sets.end(), extra.begin(), extra.end());
    return server(std::move(sets));
  }

  // The demo practitioner and `patients` new patients, signed in (once per test).
  const load::Setup& people(int patients = 2) {
    if (!setup_) setup_ = load::prepare(node().port(), patients);
    return *setup_;
  }
  HeaderList cookie_of(const std::string& cookie) { return {{"Cookie", cookie}}; }
  HeaderList patient(int i = 0) {
    return cookie_of(people().patients.at(static_cast<std::size_t>(i)).cookie);
  }
  // What a browser adds to its state-changing requests (SEC4).
  HeaderList unsafe(HeaderList h = {}) {
    h.emplace_back("Origin", "http://127.0.0.1:" + std::to_string(node().port()));
    h.emplace_back("X-Requested-With", "cabinet");
    return h;
  }
  HeaderList as_patient(int i = 0) { return unsafe(patient(i)); }
  HeaderList as_doctor() { return unsafe(cookie_of(people().practitioner_cookie)); }

  // The room tests' consultation: a confirmed video appointment of patient 0 with the demo
  // practitioner, on a node started with `extra`; the waiting room is opened weeks ahead so
  // that the test does not depend on the time of day.
  std::string book_video(std::vector<std::string> extra = {}) {
    extra.emplace_back("booking.room_opens=720h");
    node(std::move(extra));
    return load::book_video(people(), 1, 0).at(0).id;
  }

  // Reads until a message of `type` arrives (others are skipped); fails on timeout.
  static nlohmann::json next(WsClient& ws, const std::string& type) {
    for (int i = 0; i < 20; ++i) {
      auto m = ws.read_json();
      if (!m) break;
      if ((*m)["type"] == type) return *m;
    }
    ADD_FAILURE() << "no " << type << " message";
    return {};
  }
  // A room message: `type`, the consultation, and `extra`'s fields.
  static std::string msg(const std::string& type, const std::string& id,
                         nlohmann::json extra = nlohmann::json::object()) {
    extra["type"] = type;
    extra["consultation"] = id;
    return extra.dump();
  }

  std::int64_t count(const std::string& sql) { return query_integer(database_.url(), sql); }

  std::optional<load::Setup> setup_;
};

}  // namespace cabinet::test
