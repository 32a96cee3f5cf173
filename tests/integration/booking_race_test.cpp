// Issue 5's race and crash tests against the real binary, on each engine: patients racing over
// real HTTP for the demo practitioner's slots (bench/booking_load.hpp; `make bench` runs the
// same race at full size), and a kill -9 in the middle of that load.
#include <condition_variable>
#include <csignal>
#include <iostream>
#include <mutex>
#include <set>
#include <thread>

#include "signed_in.hpp"

namespace cabinet::test {
namespace {

class BookingRaceTest : public SignedInServerTest {
 protected:
  ServerProcess& node() {
    return SignedInServerTest::node(
        {"notify.lease=2s", "booking.jobs_interval=200ms", "payments.hold_lead=6d"});
  }

  // Polls the database (the server works in the background) until `sql` counts `expected`.
  bool eventually(const std::string& sql, std::int64_t expected) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (std::chrono::steady_clock::now() < deadline) {
      if (count(sql) == expected) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  static std::string quoted(const std::set<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "'" : ", '") + id + "'";
    return out.empty() ? "''" : out;
  }
};

constexpr const char* kOverlaps =
    "SELECT COUNT(*) FROM appointments a JOIN appointments b"
    " ON a.practitioner_id = b.practitioner_id AND a.id < b.id"
    " AND a.start_at < b.end_at AND b.start_at < a.end_at"
    " WHERE a.status IN ('pending_payment', 'confirmed')"
    " AND b.status IN ('pending_payment', 'confirmed')";

TEST_P(BookingRaceTest, FortyPatientsRaceForTenGroupsOfOverlappingSlotsAndEachGroupHasOneWinner) {
  const auto setup = load::prepare(node().port(), 8);
  const auto groups = load::contested_groups(setup, 10);
  const auto round = load::race(setup, groups, 40);

  const auto problems = load::check(setup, groups, round);
  EXPECT_TRUE(problems.empty()) << testing::PrintToString(problems);
  int won = 0;
  int lost = 0;
  for (const auto& o : round.outcomes) {
    won += o.status == 201 ? 1 : 0;
    lost += o.status == 409 ? 1 : 0;
  }
  EXPECT_EQ(won, 10);
  EXPECT_EQ(lost, 30);
  // The database agrees: ten confirmed appointments, none overlapping another.
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE status = 'confirmed'"), 10);
  EXPECT_EQ(count(kOverlaps), 0);
}

TEST_P(BookingRaceTest, AKillDuringBookingsLosesNothingAnsweredAndLeavesNoHoldOrDuplicateNotice) {
  auto setup = load::prepare(node().port(), 6);
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<load::Outcome> outcomes;
  int confirmed = 0;
  std::atomic<bool> killed{false};
  std::thread traffic([&] {
    // Round after round on fresh slots, until the server is gone.
    while (!killed) {
      std::vector<load::Group> groups;
      try {
        groups = load::contested_groups(setup, 6);
      } catch (const std::exception&) {
        break;
      }
      (void)load::race(setup, groups, 24, [&](const load::Outcome& o) {
        const std::lock_guard lock(mutex);
        outcomes.push_back(o);
        if (o.confirm_status == 200) ++confirmed;
        changed.notify_all();
      });
    }
  });
  {
    std::unique_lock lock(mutex);
    ASSERT_TRUE(changed.wait_for(lock, std::chrono::seconds(60), [&] { return confirmed >= 9; }))
        << "the load never got going";
  }
  EXPECT_EQ(server_->stop(SIGKILL), 128 + SIGKILL);
  killed = true;
  traffic.join();

  std::set<std::string> booked;         // answered 201 before the kill
  std::set<std::string> confirmed_ids;  // answered 200 to the confirmation
  for (const auto& o : outcomes) {
    if (o.status == 201) booked.insert(o.id);
    if (o.confirm_status == 200) confirmed_ids.insert(o.id);
  }
  // Nothing acknowledged is lost: each 201 is an appointment, each confirmation stands.
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE public_id IN (" + quoted(booked) + ")"),
            static_cast<std::int64_t>(booked.size()));
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM appointments WHERE status = 'confirmed' AND public_id IN (" +
            quoted(confirmed_ids) + ")"),
      static_cast<std::int64_t>(confirmed_ids.size()));

  std::size_t unanswered = 0;
  for (const auto& o : outcomes)
    unanswered += o.status == 0 || (o.status == 201 && o.confirm_status != 200) ? 1 : 0;
  std::cout << "[ crash    ] " << outcomes.size() << " bookings tried, " << booked.size()
            << " answered 201 and " << confirmed_ids.size() << " confirmed before the kill; "
            << unanswered << " without an answer, retried after the restart\n";

  // Restart on the same database; the patients whose answer was lost try again, as their
  // browser does (same Idempotency-Key for the booking, then the confirmation).
  server_.reset();
  http_.reset();
  setup.port = node().port();
  for (auto& o : outcomes) {
    if (o.status == 0 || (o.status == 201 && o.confirm_status != 200)) {
      const auto before = o.id;
      load::retry(setup, o);
      if (!before.empty()) {
        EXPECT_EQ(o.id, before) << "a retried booking got another appointment";
      }
      EXPECT_TRUE(o.status == 201 || o.status == 409) << o.status << " " << o.error_code;
      if (o.status == 201) {
        EXPECT_EQ(o.confirm_status, 200);
      }
    }
  }
  EXPECT_EQ(count(kOverlaps), 0);
  // No authorization is left half-done, and every card hold belongs to a live appointment.
  EXPECT_TRUE(eventually("SELECT COUNT(*) FROM payment_holds WHERE state = 'authorizing'", 0));
  EXPECT_TRUE(eventually(
      "SELECT COUNT(*) FROM sandbox_holds s WHERE s.status = 'authorized' AND NOT EXISTS ("
      " SELECT 1 FROM payment_holds h JOIN appointments a ON a.id = h.appointment_id"
      " WHERE h.idempotency_key = s.idempotency_key AND h.state = 'held'"
      " AND a.status IN ('pending_payment', 'confirmed'))",
      0));
  // Every notice is delivered, once: one mailbox file per message (a redelivery after the kill
  // would rewrite the same file), and one confirmation per confirmed appointment.
  ASSERT_TRUE(eventually("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL", 0));
  const auto confirmed_now = count("SELECT COUNT(*) FROM appointments WHERE status = 'confirmed'");
  EXPECT_GE(confirmed_now, static_cast<std::int64_t>(confirmed_ids.size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM outbox WHERE channel = 'email'"
                  " AND subject LIKE 'Rendez-vous confirm%'"),
            confirmed_now);
  const auto files = [&](const char* dir, const char* extension) {
    std::int64_t n = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir_.path() / "var" / dir))
      n += e.path().extension() == extension ? 1 : 0;
    return n;
  };
  EXPECT_EQ(files("mailbox", ".eml"), count("SELECT COUNT(*) FROM outbox WHERE channel = 'email'"));
  EXPECT_EQ(files("sms", ".json"), count("SELECT COUNT(*) FROM outbox WHERE channel = 'sms'"));
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingRaceTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
