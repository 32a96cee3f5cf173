// The queue's pure rules (docs/queue.md): opening hours across daylight-saving changes, who is
// near whom, the order in which practitioners take patients, and the estimate's range.
#include "queue/rules.hpp"

#include <date/tz.h>
#include <gtest/gtest.h>

namespace cabinet::queue {
namespace {

const date::time_zone* paris() { return date::locate_zone("Europe/Paris"); }

std::int64_t utc(int y, unsigned m, unsigned d, int h, int min) {
  using namespace std::chrono;
  const auto day = date::sys_days{date::year{y} / date::month{m} / date::day{d}};
  return duration_cast<seconds>((day + hours{h} + minutes{min}).time_since_epoch()).count();
}

TEST(QueueOpening, SevenToMidnightParisTimeEveryDay) {
  const Window w{7 * 60, 24 * 60};
  // 10:00 in Paris (09:00 UTC in November): open until midnight.
  auto o = opening(w, utc(2026, 11, 22, 9, 0), paris());
  EXPECT_TRUE(o.open);
  EXPECT_EQ(o.opens_at, utc(2026, 11, 22, 6, 0));
  EXPECT_EQ(o.closes_at, utc(2026, 11, 22, 23, 0));
  // 02:00 in Paris: closed, opens at 07:00 the same day.
  o = opening(w, utc(2026, 11, 23, 1, 0), paris());
  EXPECT_FALSE(o.open);
  EXPECT_EQ(o.opens_at, utc(2026, 11, 23, 6, 0));
  // 06:59 closed, 07:00 open, 23:59 open, midnight closed.
  EXPECT_FALSE(opening(w, utc(2026, 11, 23, 5, 59), paris()).open);
  EXPECT_TRUE(opening(w, utc(2026, 11, 23, 6, 0), paris()).open);
  EXPECT_TRUE(opening(w, utc(2026, 11, 23, 22, 59), paris()).open);
  EXPECT_FALSE(opening(w, utc(2026, 11, 23, 23, 0), paris()).open);
}

TEST(QueueOpening, DaylightSavingDaysKeepParisHours) {
  const Window w{7 * 60, 24 * 60};
  // Sunday 29 March 2026, clocks go forward at 02:00: 07:00 in Paris is 05:00 UTC.
  auto o = opening(w, utc(2026, 3, 29, 4, 59), paris());
  EXPECT_FALSE(o.open);
  EXPECT_EQ(o.opens_at, utc(2026, 3, 29, 5, 0));
  EXPECT_EQ(o.closes_at, utc(2026, 3, 29, 22, 0));
  // Sunday 25 October 2026, back at 03:00: 07:00 is 06:00 UTC, midnight 23:00 UTC.
  o = opening(w, utc(2026, 10, 25, 6, 30), paris());
  EXPECT_TRUE(o.open);
  EXPECT_EQ(o.closes_at, utc(2026, 10, 25, 23, 0));
}

const Place kParis{"75", 48.8566, 2.3522};
const Place kVersailles{"78", 48.8049, 2.1204};  // about 18 km away
const Place kLyon{"69", 45.7640, 4.8357};
const Place kCreteil{"94", 48.7904, 2.4556};

TEST(QueueNear, SameDepartementOrWithinTheRadius) {
  EXPECT_TRUE(near(kParis, kParis, 30));
  EXPECT_TRUE(near(kParis, kVersailles, 30));
  EXPECT_FALSE(near(kParis, kVersailles, 10));
  EXPECT_FALSE(near(kParis, kLyon, 30));
  EXPECT_NEAR(distance_km(kParis, kLyon), 392, 5);
  // Same département whatever the distance (Réunion is one département).
  EXPECT_TRUE(near(Place{"974", -20.88, 55.45}, Place{"974", -21.34, 55.48}, 10));
}

TEST(QueueOrder, FirstComeFirstServedAmongThoseNearThePractitioner) {
  const std::int64_t now = 100000;
  const std::vector<Waiting> waiting = {
      {1, now - 300, kLyon}, {2, now - 200, kParis}, {3, now - 100, kCreteil}};
  const std::vector<Place> duty = {kParis, kLyon};
  // The Paris practitioner leaves the Lyon patient to the Lyon one (reimbursable for them).
  EXPECT_EQ(next_for(waiting, kParis, duty, now, 600, 30), 1U);
  EXPECT_EQ(next_for(waiting, kLyon, duty, now, 600, 30), 0U);
  // Nobody near the Lyon patient on duty: anyone takes them, in order.
  EXPECT_EQ(next_for(waiting, kParis, {kParis}, now, 600, 30), 0U);
  // Waited past the priority window: anyone's, first come first served.
  const std::vector<Waiting> old = {{1, now - 700, kLyon}, {2, now - 200, kParis}};
  EXPECT_EQ(next_for(old, kParis, duty, now, 600, 30), 0U);
  // Only patients kept for another practitioner: nothing for this one yet.
  const std::vector<Waiting> lyon_only = {{1, now - 10, kLyon}};
  EXPECT_FALSE(next_for(lyon_only, kParis, duty, now, 600, 30).has_value());
  EXPECT_FALSE(next_for({}, kParis, duty, now, 600, 30).has_value());
}

TEST(QueueEstimate, ARangeFromTheMeasuredServiceTimeOfThoseOnDuty) {
  // Nobody on duty: no estimate rather than a false one.
  EXPECT_FALSE(estimate_minutes(1, 0, 720).has_value());
  // 1st with one practitioner at 12 minutes: 8.4 to 18 → 5 to 20.
  EXPECT_EQ(estimate_minutes(1, 1, 720), (std::array<int, 2>{5, 20}));
  // 10th with 2 practitioners: centre 60 → 40 to 90.
  EXPECT_EQ(estimate_minutes(10, 2, 720), (std::array<int, 2>{40, 90}));
  // A short service never gives [0, 0].
  EXPECT_EQ(estimate_minutes(1, 5, 60), (std::array<int, 2>{0, 5}));
  // More practitioners, shorter wait; further back, longer.
  EXPECT_LT((*estimate_minutes(6, 3, 720))[1], (*estimate_minutes(6, 1, 720))[1]);
  EXPECT_LT((*estimate_minutes(2, 1, 720))[1], (*estimate_minutes(3, 1, 720))[1]);
}

TEST(QueueEstimate, TheMedianOfTheLastConsultationsOrTheDefault) {
  EXPECT_EQ(median_service({600, 900}, 720), 720);  // too few samples
  EXPECT_EQ(median_service({300, 1200, 600, 900, 480}, 720), 600);
  EXPECT_EQ(median_service({300, 1200, 600, 900, 480, 3000}, 720), 750);
}

TEST(QueueAge, CompletedYears) {
  EXPECT_EQ(age_on(std::string("2019-04-02"), "2026-11-22"), 7);
  EXPECT_EQ(age_on(std::string("2000-11-23"), "2026-11-22"), 25);
  EXPECT_EQ(age_on(std::string("2000-11-22"), "2026-11-22"), 26);
  EXPECT_EQ(age_on(std::nullopt, "2026-11-22"), 0);
  EXPECT_EQ(age_on(std::string("bad"), "2026-11-22"), 0);
}

}  // namespace
}  // namespace cabinet::queue
