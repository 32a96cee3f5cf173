// BKG3 at the storage level, on both engines with real parallelism: many patients racing for
// overlapping slots of mixed durations, exactly one appointment per contested time.
#include <gtest/gtest.h>

#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <thread>

#include "booking/store.hpp"
#include "test_db.hpp"

namespace cabinet::booking {
namespace {

using storage::Engine;
using storage::Params;
using storage::Transaction;

constexpr std::int64_t kMonday9 = 1'795'420'800;  // 2026-11-23 08:00 UTC, on the 5-minute grid

// A practitioner, a patient with their profile, and a motif: what an appointment refers to.
const std::array<const char*, 4> kSetup{
    "INSERT INTO accounts (public_id, email, role, status, created_at, updated_at)"
    " VALUES ('a1', 'dr@example.fr', 'practitioner', 'active', 0, 0)",
    "INSERT INTO accounts (public_id, email, role, status, created_at, updated_at)"
    " VALUES ('a2', 'zoe@example.fr', 'patient', 'active', 0, 0)",
    "INSERT INTO profiles (public_id, account_id, is_holder, first_name, last_name,"
    " relationship, created_at, updated_at)"
    " SELECT 'pr2', id, 1, 'Zoé', 'Martin', 'self', 0, 0 FROM accounts WHERE public_id = 'a2'",
    "INSERT INTO motifs (public_id, practitioner_id, label, duration_min, mode,"
    " price_cents, position, created_at)"
    " SELECT 'm1', id, 'Consultation', 20, 'both', 3000, 1, 0 FROM accounts"
    " WHERE public_id = 'a1'"};

class BookingStore : public testing::TestWithParam<Engine> {
 protected:
  BookingStore() {
    auto r = t_.run(t_.db().transact([this](Transaction& tx) -> Task<Result<void>> {
      for (const auto* sql : kSetup) {
        auto q = co_await tx.query(sql);
        if (!q) co_return std::move(q).error();
      }
      co_return ok();
    }));
    EXPECT_TRUE(r.ok()) << r.error().detail;
    practitioner_ = id("SELECT id FROM accounts WHERE public_id = 'a1'");
    patient_ = id("SELECT id FROM accounts WHERE public_id = 'a2'");
    profile_ = id("SELECT id FROM profiles WHERE public_id = 'pr2'");
    motif_ = id("SELECT id FROM motifs WHERE public_id = 'm1'");
  }

  std::int64_t id(const char* sql) {
    auto r = t_.run(t_.db().query(sql));
    EXPECT_TRUE(r.ok() && !r->empty());
    return r->row(0).integer(0);
  }

  store::Appointment at(std::int64_t start, int minutes, int n) {
    store::Appointment a;
    a.public_id = "ap" + std::to_string(n);
    a.practitioner_id = practitioner_;
    a.patient_account_id = patient_;
    a.profile_id = profile_;
    a.motif_id = motif_;
    a.mode = "video";
    a.start_at = start;
    a.end_at = start + minutes * 60;
    a.status = "pending_payment";
    a.hold_expires_at = start;
    a.price_cents = 3000;
    return a;
  }

  Result<std::int64_t> hold(const store::Appointment& a) {
    std::int64_t out = 0;
    auto r = t_.run(t_.db().transact([&](Transaction& tx) -> Task<Result<void>> {
      auto id = co_await store::hold(tx, a, 0);
      if (!id) co_return std::move(id).error();
      out = *id;
      co_return ok();
    }));
    if (!r) return std::move(r).error();
    return out;
  }

  test::TestDatabase t_{GetParam()};
  std::int64_t practitioner_ = 0, patient_ = 0, profile_ = 0, motif_ = 0;
};

TEST_P(BookingStore, OverlapsOfAnyDurationAreRefusedAndReleasedTimeIsFreeAgain) {
  auto first = hold(at(kMonday9, 20, 1));  // 09:00–09:20
  ASSERT_TRUE(first.ok()) << first.error().detail;
  auto inside = hold(at(kMonday9 + 600, 40, 2));  // 09:10–09:50 overlaps its end
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(inside.error().code, ErrorCode::slot_taken);
  EXPECT_EQ(inside.error().detail, "slot_taken");
  EXPECT_TRUE(hold(at(kMonday9 + 1200, 20, 3)).ok());  // 09:20 touches, does not overlap
  // A refused hold leaves nothing behind: its appointment row went with the transaction.
  EXPECT_EQ(id("SELECT COUNT(*) FROM appointments"), 2);
  EXPECT_FALSE(hold(at(kMonday9 + 60, 20, 4)).ok());  // off the grid
  const std::optional<std::string> by = "system";
  auto released = t_.run(t_.db().transact([&](Transaction& tx) -> Task<Result<void>> {
    auto r = co_await store::release(tx, *first, "expired", by, 0);
    if (!r) co_return std::move(r).error();
    EXPECT_TRUE(*r);
    auto again = co_await store::release(tx, *first, "cancelled", by, 0);
    if (!again) co_return std::move(again).error();
    EXPECT_FALSE(*again);  // released once
    co_return ok();
  }));
  ASSERT_TRUE(released.ok());
  EXPECT_TRUE(hold(at(kMonday9 + 600, 10, 5)).ok());  // 09:10–09:20 is free again
}

// 200 patients, 50 contested hours, four overlapping requests of mixed durations per hour.
TEST_P(BookingStore, TwoHundredRacersGetExactlyOneAppointmentPerContestedSlot) {
  constexpr int kSlots = 50;
  constexpr int kPerSlot = 4;
  const int offsets[kPerSlot] = {0, 10, 0, 10};      // minutes after the hour
  const int durations[kPerSlot] = {20, 40, 40, 20};  // every pair overlaps
  std::vector<Result<std::int64_t>> results(kSlots * kPerSlot, Error(ErrorCode::internal));
  auto& io = t_.runtime().io();
  auto& db = t_.db();
  for (int i = 0; i < kSlots * kPerSlot; ++i) {
    const auto a = at(kMonday9 + (i / kPerSlot) * 3600 + offsets[i % kPerSlot] * 60,
                      durations[i % kPerSlot], 1000 + i);
    boost::asio::co_spawn(
        io,
        [&db, &results, a, i]() -> Task<void> {
          std::int64_t won = 0;
          auto r = co_await db.transact([&a, &won](Transaction& tx) -> Task<Result<void>> {
            auto id = co_await store::hold(tx, a, 0);
            if (!id) co_return std::move(id).error();
            won = *id;
            co_return ok();
          });
          results[static_cast<std::size_t>(i)] =
              r ? Result<std::int64_t>(won) : Result<std::int64_t>(std::move(r).error());
        },
        boost::asio::detached);
  }
  std::thread second([&io] { io.run(); });  // two threads: a real race, not a queue
  io.run();
  second.join();
  io.restart();

  for (int slot = 0; slot < kSlots; ++slot) {
    int wins = 0;
    for (int k = 0; k < kPerSlot; ++k) {
      const auto& r = results[static_cast<std::size_t>(slot * kPerSlot + k)];
      if (r.ok()) {
        ++wins;
      } else {
        EXPECT_EQ(r.error().code, ErrorCode::slot_taken) << r.error().detail;
      }
    }
    EXPECT_EQ(wins, 1) << "hour " << slot;
  }
  auto active = t_.run(store::active_between(db, practitioner_, kMonday9, kMonday9 + 51 * 3600));
  ASSERT_TRUE(active.ok());
  ASSERT_EQ(active->size(), static_cast<std::size_t>(kSlots));
  for (std::size_t i = 1; i < active->size(); ++i)
    EXPECT_LE((*active)[i - 1].end_at, (*active)[i].start_at);  // no two overlap
  EXPECT_EQ(id("SELECT COUNT(*) FROM appointments"), kSlots);
  EXPECT_EQ(t_.db().pool_stats().in_use, 0U);
}

INSTANTIATE_TEST_SUITE_P(Engines, BookingStore, testing::ValuesIn(test::engines_under_test()),
                         test::engine_param_name);

}  // namespace
}  // namespace cabinet::booking
