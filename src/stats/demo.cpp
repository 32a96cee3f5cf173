#include "stats/demo.hpp"

#include <array>
#include <random>

#include "agenda/local_time.hpp"
#include "stats/demo_store.hpp"

namespace cabinet::stats {
namespace {

constexpr const char* kEmail = "statistiques@demo.cabinet.test";
constexpr int kDays = 56;
constexpr std::int64_t kPractitioners = 24;
constexpr std::array<const char*, 2> kSides{"patient", "practitioner"};

class Dice {
 public:
  explicit Dice(std::uint64_t seed) : rng_(seed) {}
  int between(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(int percent) { return between(1, 100) <= percent; }
  std::string id(const char* prefix) {
    static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
    std::string out = prefix;
    for (int i = 0; i < 14; ++i) out += kAlphabet[between(0, 31)];
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

struct Day {
  std::vector<demo_store::Appointment> appointments;
  std::vector<demo_store::QueueEntry> queue;
};

}  // namespace

Task<Result<DemoReport>> seed_demo_activity(storage::Database& db, const Clock& clock,
                                            const crypto::KeyRing& keys, std::uint64_t seed) {
  DemoReport report;
  auto there = co_await demo_store::account_by_email(db, kEmail);
  if (!there) co_return std::move(there).error();
  if (*there) {
    report.already_there = true;
    co_return report;
  }
  auto motifs = co_await demo_store::video_motifs(db, kPractitioners);
  if (!motifs) co_return std::move(motifs).error();
  if (motifs->empty()) co_return report;

  const auto* paris = agenda::zone("Europe/Paris");
  const auto now = clock.unix_seconds();
  const auto today = agenda::local_date(now, paris);
  Dice dice(seed);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto account_public = dice.id("s");
    const auto profile_public = dice.id("p");
    auto ids = co_await demo_store::insert_account(tx, account_public, profile_public, kEmail, now);
    if (!ids) co_return std::move(ids).error();
    const auto account = ids->first;
    const auto profile = ids->second;
    for (int back = kDays; back >= 1; --back) {
      const auto day = agenda::add_days(today, -back);
      // Fewer on Sundays, more on Mondays: what a GP's week looks like.
      const int weekday = agenda::weekday(day);
      const int count =
          weekday == 7 ? dice.between(2, 5) : dice.between(6, 16) + (weekday == 1 ? 5 : 0);
      for (int i = 0; i < count; ++i) {
        demo_store::Appointment a;
        a.public_id = dice.id("d");
        a.motif = (*motifs)[static_cast<std::size_t>(
            dice.between(0, static_cast<int>(motifs->size()) - 1))];
        a.patient = account;
        a.profile = profile;
        a.start = agenda::to_instant_lenient(day, 8 * 60 + 20 * dice.between(0, 38), paris);
        const int roll = dice.between(1, 100);
        a.status = roll <= 74 ? "done" : roll <= 88 ? "cancelled" : "no_show";
        if (a.status == "done") {
          a.started = a.start + 60 * dice.between(0, 6);
          a.ended = *a.started + 60 * dice.between(6, 22);
        }
        auto id = co_await demo_store::insert_appointment(tx, a);
        if (!id) co_return std::move(id).error();
        ++report.appointments;
        if (a.status != "done") continue;
        for (const auto* side : kSides) {
          const bool relayed = dice.chance(16);
          const bool audio = dice.chance(6);
          auto r = co_await demo_store::insert_call_report(tx, *id, side, dice.between(700, 4500),
                                                           relayed, audio, *a.started);
          if (!r) co_return r;
        }
        if (dice.chance(4)) {
          auto r = co_await demo_store::insert_phone_switch(tx, *id, a.motif.practitioner,
                                                            *a.started + 120);
          if (!r) co_return r;
        }
      }
      // The immediate queue: a few each day, most taken after a wait, some leaving first.
      const int queued = dice.between(4, 10);
      for (int i = 0; i < queued; ++i) {
        demo_store::QueueEntry e;
        e.public_id = dice.id("q");
        e.account = account;
        e.profile = profile;
        e.sealed_reason = keys.seal("Démonstration", "queue_entries.reason:" + e.public_id);
        e.joined = agenda::to_instant_lenient(day, 7 * 60 + dice.between(0, 15 * 60), paris);
        if (dice.chance(85)) {
          const auto wait =
              60 * dice.between(1, 12) + 60 * (dice.chance(25) ? dice.between(10, 35) : 0);
          e.called = e.joined + wait;
          demo_store::Appointment a;
          a.public_id = dice.id("d");
          a.motif = (*motifs)[0];
          a.patient = account;
          a.profile = profile;
          a.start = *e.called;
          a.status = "done";
          a.started = *e.called + 60;
          a.ended = *a.started + 60 * dice.between(6, 15);
          a.origin = "queue";
          auto id = co_await demo_store::insert_appointment(tx, a);
          if (!id) co_return std::move(id).error();
          ++report.appointments;
          e.practitioner = a.motif.practitioner;
          e.appointment = *id;
        }
        auto r = co_await demo_store::insert_queue_entry(tx, e);
        if (!r) co_return r;
        ++report.queue_entries;
      }
    }
    co_return ok();
  };
  if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
  co_return report;
}

}  // namespace cabinet::stats
