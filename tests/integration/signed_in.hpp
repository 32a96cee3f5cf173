#pragma once

// A server with the demo accounts, in development mode (login codes in its mailbox), and
// patients signed up through the API: for the tests that need sessions (WebSocket, room).
#include "booking_load.hpp"
#include "fixture.hpp"

namespace cabinet::test {

class SignedInServerTest : public ServerTest {
 protected:
  void SetUp() override {
    auto seeded = run_command({cabinet_binary(), "seed", "--practitioners", "0", "--demo-accounts",
                               "--set", "database.url=" + database_.url(), "--set",
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

  std::optional<load::Setup> setup_;
};

}  // namespace cabinet::test
