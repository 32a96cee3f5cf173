// The slots from a week's rules: opening hours and exceptions, the video window, minimum notice
// and horizon, booked time, motif lengths, modes, repeated ranges, the next slots and limits.
#include "agenda/slots.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agenda/slots_test_support.hpp"

namespace cabinet::agenda {
namespace {

using namespace slots_testing;  // the helpers both slot test files share

TEST(NormalWeek, OffersEveryHalfHourOfTheOpeningHoursWithTheWinterOffset) {
  const auto slots = compute_slots(office(), days_from("2026-01-12", 7));
  EXPECT_EQ(slots.size(), 5U * (6 + 8));
  EXPECT_EQ(
      starts(on(slots, "2026-01-12"), paris()),
      (std::vector<std::string>{
          "2026-01-12T09:00:00+01:00", "2026-01-12T09:30:00+01:00", "2026-01-12T10:00:00+01:00",
          "2026-01-12T10:30:00+01:00", "2026-01-12T11:00:00+01:00", "2026-01-12T11:30:00+01:00",
          "2026-01-12T14:00:00+01:00", "2026-01-12T14:30:00+01:00", "2026-01-12T15:00:00+01:00",
          "2026-01-12T15:30:00+01:00", "2026-01-12T16:00:00+01:00", "2026-01-12T16:30:00+01:00",
          "2026-01-12T17:00:00+01:00", "2026-01-12T17:30:00+01:00"}));
  EXPECT_EQ(iso(slots.back().start, paris()), "2026-01-16T17:30:00+01:00");
  EXPECT_EQ(iso(slots.back().end, paris()), "2026-01-16T18:00:00+01:00");
  EXPECT_TRUE(on(slots, "2026-01-17").empty());  // Saturday
  EXPECT_TRUE(on(slots, "2026-01-18").empty());  // Sunday
  for (const Slot& s : slots) EXPECT_EQ(s.mode, Mode::in_person);
  expect_well_formed(slots, 30);
}

TEST(NormalWeek, ShowsTheSummerOffsetInJune) {
  const auto slots = compute_slots(office(), days_from("2026-06-08", 7));
  EXPECT_EQ(slots.size(), 70U);
  EXPECT_EQ(iso(slots.front().start, paris()), "2026-06-08T09:00:00+02:00");
  EXPECT_EQ(iso(slots.back().start, paris()), "2026-06-12T17:30:00+02:00");
}

TEST(NormalWeek, TheLunchBreakHasNoSlot) {
  const auto monday = on(compute_slots(office(), days_from("2026-01-12", 1)), "2026-01-12");
  ASSERT_EQ(monday.size(), 14U);
  EXPECT_EQ(iso(monday[5].end, paris()), "2026-01-12T12:00:00+01:00");
  EXPECT_EQ(iso(monday[6].start, paris()), "2026-01-12T14:00:00+01:00");
  for (const Slot& s : monday) {
    EXPECT_FALSE(s.start < at("2026-01-12T14:00") && s.end > at("2026-01-12T12:00"));
  }
}

TEST(OpeningExceptions, AnAbsenceRemovesEverySlotItCovers) {
  Rules r = office();
  r.unavailable.push_back({at("2026-01-13T00:00"), at("2026-01-15T00:00")});  // Tue and Wed
  const auto slots = compute_slots(r, days_from("2026-01-12", 7));
  EXPECT_EQ(slots.size(), 3U * 14);
  EXPECT_TRUE(on(slots, "2026-01-13").empty());
  EXPECT_TRUE(on(slots, "2026-01-14").empty());
  EXPECT_EQ(on(slots, "2026-01-15").size(), 14U);
}

TEST(OpeningExceptions, ABlockRemovesExactlyTheSlotsItOverlaps) {
  Rules r = office();
  r.unavailable.push_back({at("2026-01-12T10:15"), at("2026-01-12T11:00")});
  const auto morning = starts(compute_slots(r, days_from("2026-01-12", 1)), paris());
  EXPECT_EQ(std::vector<std::string>(morning.begin(), morning.begin() + 4),
            (std::vector<std::string>{"2026-01-12T09:00:00+01:00", "2026-01-12T09:30:00+01:00",
                                      // 10:00 and 10:30 overlap the block; 11:00 starts as it ends
                                      "2026-01-12T11:00:00+01:00", "2026-01-12T11:30:00+01:00"}));
}

TEST(OpeningExceptions, AnExtraOpeningOnSaturdayAddsSlots) {
  Rules r = office();
  r.extras.push_back({{at("2026-01-17T09:00"), at("2026-01-17T11:00")}, Mode::in_person});
  const auto slots = compute_slots(r, days_from("2026-01-12", 7));
  EXPECT_EQ(slots.size(), 70U + 4);
  EXPECT_EQ(starts(on(slots, "2026-01-17"), paris()),
            (std::vector<std::string>{"2026-01-17T09:00:00+01:00", "2026-01-17T09:30:00+01:00",
                                      "2026-01-17T10:00:00+01:00", "2026-01-17T10:30:00+01:00"}));
}

TEST(OpeningExceptions, AnExtraOpeningOutsideTheAskedDaysIsNotShown) {
  Rules r = office();
  r.extras.push_back({{at("2026-01-17T09:00"), at("2026-01-17T11:00")}, Mode::in_person});
  EXPECT_TRUE(on(compute_slots(r, days_from("2026-01-12", 5)), "2026-01-17").empty());
  EXPECT_EQ(compute_slots(r, days_from("2026-01-17", 1)).size(), 4U);
}

TEST(OpeningExceptions, AnExtraOpeningAcrossMidnightGivesEachSlotToTheDayItStartsOn) {
  Rules r;
  r.zone = paris();
  r.extras.push_back({{at("2026-01-17T23:00"), at("2026-01-18T01:00")}, Mode::in_person});
  EXPECT_EQ(starts(compute_slots(r, days_from("2026-01-17", 1)), paris()),
            (std::vector<std::string>{"2026-01-17T23:00:00+01:00", "2026-01-17T23:30:00+01:00"}));
  EXPECT_EQ(starts(compute_slots(r, days_from("2026-01-18", 1)), paris()),
            (std::vector<std::string>{"2026-01-18T00:00:00+01:00", "2026-01-18T00:30:00+01:00"}));
  EXPECT_EQ(compute_slots(r, days_from("2026-01-17", 2)).size(), 4U);
}

TEST(VideoWindow, AnEarlyVideoRangeOnlyOpensAtSeven) {
  Rules r = every_day(6 * 60, 8 * 60, Mode::video);
  EXPECT_EQ(starts(compute_slots(r, days_from("2026-01-12", 1)), paris()),
            (std::vector<std::string>{"2026-01-12T07:00:00+01:00", "2026-01-12T07:30:00+01:00"}));
  r = every_day(6 * 60, 8 * 60, Mode::in_person);  // the window is for teleconsultation only
  EXPECT_EQ(compute_slots(r, days_from("2026-01-12", 1)).size(), 4U);
}

TEST(VideoWindow, EndingAtMidnightAllowsTheLastHalfHourButNoSlotAcrossMidnight) {
  Rules r = every_day(23 * 60, 24 * 60, Mode::video);
  EXPECT_EQ(starts(compute_slots(r, days_from("2026-01-12", 1)), paris()),
            (std::vector<std::string>{"2026-01-12T23:00:00+01:00", "2026-01-12T23:30:00+01:00"}));

  Rules extra;
  extra.zone = paris();
  extra.extras.push_back({{at("2026-01-12T23:15"), at("2026-01-13T00:45")}, Mode::video});
  // 23:45 would end after midnight; 00:15 is before the next day's window opens.
  EXPECT_EQ(starts(compute_slots(extra, days_from("2026-01-12", 2)), paris()),
            (std::vector<std::string>{"2026-01-12T23:15:00+01:00"}));

  r.video_window_end_min = 23 * 60;
  EXPECT_TRUE(compute_slots(r, days_from("2026-01-12", 1)).empty());
}

TEST(MinimumNotice, SlotsTooSoonAreHidden) {
  Rules r = office();
  Query q = days_from("2026-01-12", 1);
  q.now = at("2026-01-12T10:10");  // a Monday
  EXPECT_EQ(iso(compute_slots(r, q).front().start, paris()), "2026-01-12T10:30:00+01:00");
  r.min_notice_min = 60;
  const auto slots = compute_slots(r, q);
  EXPECT_EQ(iso(slots.front().start, paris()), "2026-01-12T11:30:00+01:00");
  EXPECT_EQ(slots.size(), 1U + 8);
}

TEST(BookingHorizon, NothingStartsAtOrAfterIt) {
  Rules r = office();
  r.horizon_days = 7;
  Query q = days_from("2026-01-12", 14);
  q.now = at("2026-01-12T09:30");
  const auto slots = compute_slots(r, q);
  // now + 7 days is the next Monday 09:30: its 09:00 slot is the last one.
  EXPECT_EQ(iso(slots.back().start, paris()), "2026-01-19T09:00:00+01:00");
  EXPECT_EQ(iso(slots.front().start, paris()), "2026-01-12T09:30:00+01:00");
  q.from = day("2026-01-26");
  EXPECT_TRUE(compute_slots(r, q).empty());
}

TEST(Unavailability, BookedAndBlockedTimeInAnyOrderRemovesTheSameSlotsAsMerged) {
  Rules r = office();
  r.unavailable = {{at("2026-01-12T15:00"), at("2026-01-12T15:30")},   // booked
                   {at("2026-01-12T09:00"), at("2026-01-12T09:30")},   // booked
                   {at("2026-01-12T14:45"), at("2026-01-12T15:15")},   // blocked, overlapping
                   {at("2026-01-12T16:00"), at("2026-01-12T16:00")}};  // empty: blocks nothing
  const auto slots = compute_slots(r, days_from("2026-01-12", 1));
  EXPECT_EQ(
      starts(slots, paris()),
      (std::vector<std::string>{
          "2026-01-12T09:30:00+01:00", "2026-01-12T10:00:00+01:00", "2026-01-12T10:30:00+01:00",
          "2026-01-12T11:00:00+01:00", "2026-01-12T11:30:00+01:00", "2026-01-12T14:00:00+01:00",
          "2026-01-12T15:30:00+01:00", "2026-01-12T16:00:00+01:00", "2026-01-12T16:30:00+01:00",
          "2026-01-12T17:00:00+01:00", "2026-01-12T17:30:00+01:00"}));
  Rules merged = r;
  merged.unavailable = merge(r.unavailable);
  EXPECT_EQ(compute_slots(merged, days_from("2026-01-12", 1)), slots);
}

TEST(Unavailability, ABookingBlocksEveryMotifThatWouldOverlapIt) {
  Rules r = office();
  r.unavailable.push_back({at("2026-01-12T09:00"), at("2026-01-12T09:30")});
  const auto twenty = compute_slots(r, days_from("2026-01-12", 1, 20));
  EXPECT_EQ(iso(twenty.front().start, paris()), "2026-01-12T09:40:00+01:00");
}

TEST(Motifs, TwentyAndFortyFiveMinuteGridsShareTheSameOpeningHours) {
  const auto twenty = compute_slots(office(), days_from("2026-01-12", 1, 20));
  EXPECT_EQ(twenty.size(), 9U + 12);
  EXPECT_EQ(iso(twenty[8].start, paris()), "2026-01-12T11:40:00+01:00");
  const auto forty_five = compute_slots(office(), days_from("2026-01-12", 1, 45));
  EXPECT_EQ(
      starts(forty_five, paris()),
      (std::vector<std::string>{
          "2026-01-12T09:00:00+01:00", "2026-01-12T09:45:00+01:00", "2026-01-12T10:30:00+01:00",
          "2026-01-12T11:15:00+01:00", "2026-01-12T14:00:00+01:00", "2026-01-12T14:45:00+01:00",
          "2026-01-12T15:30:00+01:00", "2026-01-12T16:15:00+01:00", "2026-01-12T17:00:00+01:00"}));
}

TEST(SlotModes, TheFilterKeepsOnlyTheAskedModeAndBothAreSortedVideoFirst) {
  Rules r = office();
  r.weekly.push_back({1, 9 * 60, 10 * 60, Mode::video});
  Query q = days_from("2026-01-12", 1);
  const auto both = compute_slots(r, q);
  EXPECT_EQ(both.size(), 14U + 2);
  EXPECT_EQ(both[0].start, both[1].start);
  EXPECT_EQ(both[0].mode, Mode::video);
  EXPECT_EQ(both[1].mode, Mode::in_person);
  expect_well_formed(both, 30);
  q.mode = Mode::video;
  EXPECT_EQ(compute_slots(r, q).size(), 2U);
  q.mode = Mode::in_person;
  EXPECT_EQ(compute_slots(r, q).size(), 14U);
}

TEST(SlotModes, NamesRoundTrip) {
  EXPECT_EQ(to_string(Mode::video), "video");
  EXPECT_EQ(to_string(Mode::in_person), "in_person");
  EXPECT_EQ(parse_mode("video"), Mode::video);
  EXPECT_EQ(parse_mode("in_person"), Mode::in_person);
  EXPECT_EQ(parse_mode("in-person"), std::nullopt);
  EXPECT_EQ(parse_mode(""), std::nullopt);
}

TEST(DuplicateSlots, OverlappingRangesAndRepeatedExtrasNeverRepeatASlot) {
  Rules r;
  r.zone = paris();
  r.weekly = {{1, 10 * 60, 12 * 60, Mode::in_person}, {1, 9 * 60, 11 * 60, Mode::in_person}};
  r.extras = {{{at("2026-01-12T11:00"), at("2026-01-12T12:00")}, Mode::in_person},
              {{at("2026-01-12T11:00"), at("2026-01-12T12:00")}, Mode::in_person}};
  const auto slots = compute_slots(r, days_from("2026-01-12", 1));
  EXPECT_EQ(slots.size(), 6U);
  expect_well_formed(slots, 30);
}

TEST(NextSlots, ReturnsTheFirstNAcrossDaysAndSkipsAFullDay) {
  Rules r = office();
  const Instant friday_evening = at("2026-01-16T17:10");
  EXPECT_EQ(starts(next_slots(r, std::nullopt, 30, friday_evening, 5), paris()),
            (std::vector<std::string>{"2026-01-16T17:30:00+01:00", "2026-01-19T09:00:00+01:00",
                                      "2026-01-19T09:30:00+01:00", "2026-01-19T10:00:00+01:00",
                                      "2026-01-19T10:30:00+01:00"}));
  r.unavailable.push_back({at("2026-01-19T00:00"), at("2026-01-20T00:00")});  // Monday off
  EXPECT_EQ(starts(next_slots(r, Mode::in_person, 30, friday_evening, 3), paris()),
            (std::vector<std::string>{"2026-01-16T17:30:00+01:00", "2026-01-20T09:00:00+01:00",
                                      "2026-01-20T09:30:00+01:00"}));
  EXPECT_TRUE(next_slots(r, Mode::video, 30, friday_evening, 3).empty());
}

TEST(NextSlots, LookAsFarAsTheHorizonAndNoFurther) {
  Rules r = office();
  r.horizon_days = 30;
  r.unavailable.push_back({at("2026-01-12T00:00"), at("2026-02-10T00:00")});
  // now + 30 days is Wednesday 11 February 08:00: only Tuesday 10 February is left.
  const auto slots = next_slots(r, std::nullopt, 30, at("2026-01-12T08:00"), 100);
  EXPECT_EQ(slots.size(), 14U);
  EXPECT_EQ(on(slots, "2026-02-10").size(), 14U);
}

TEST(SlotLimits, ComputeSlotsStopsAtTheLimitKeepingTheEarliest) {
  Query q = days_from("2026-01-12", 7);
  q.limit = 3;
  EXPECT_EQ(starts(compute_slots(office(), q), paris()),
            (std::vector<std::string>{"2026-01-12T09:00:00+01:00", "2026-01-12T09:30:00+01:00",
                                      "2026-01-12T10:00:00+01:00"}));
}

TEST(SlotLimits, NoZoneNoDurationOrNoDaysGiveNothing) {
  Rules r = office();
  Query q = days_from("2026-01-12", 7);
  q.duration_min = 0;
  EXPECT_TRUE(compute_slots(r, q).empty());
  q = days_from("2026-01-12", 0);
  EXPECT_TRUE(compute_slots(r, q).empty());
  r.zone = nullptr;
  EXPECT_TRUE(compute_slots(r, days_from("2026-01-12", 7)).empty());
}

TEST(MergeIntervals, SortsAndJoinsOverlappingAndAdjacentIntervalsAndDropsEmptyOnes) {
  EXPECT_TRUE(merge({}).empty());
  const auto merged = merge({{50, 60}, {10, 20}, {20, 30}, {15, 25}, {40, 40}, {70, 65}, {55, 58}});
  ASSERT_EQ(merged.size(), 2U);
  EXPECT_EQ(merged[0].start, 10);
  EXPECT_EQ(merged[0].end, 30);
  EXPECT_EQ(merged[1].start, 50);
  EXPECT_EQ(merged[1].end, 60);
}

}  // namespace
}  // namespace cabinet::agenda
