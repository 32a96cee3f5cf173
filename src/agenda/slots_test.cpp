#include "agenda/slots.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cabinet::agenda {
namespace {

const date::time_zone* paris() { return zone("Europe/Paris"); }

LocalDate day(std::string_view iso_date) { return parse_date(iso_date).value(); }

Instant at(std::string_view local, const date::time_zone* z = paris()) {
  return parse_local_datetime(local, z).value();
}

// Monday to Friday, 09:00–12:00 and 14:00–18:00, in person.
Rules office(const date::time_zone* z = paris()) {
  Rules r;
  r.zone = z;
  for (int wd = 1; wd <= 5; ++wd) {
    r.weekly.push_back({wd, 9 * 60, 12 * 60, Mode::in_person});
    r.weekly.push_back({wd, 14 * 60, 18 * 60, Mode::in_person});
  }
  return r;
}

// One range, every day of the week.
Rules every_day(int start_min, int end_min, Mode mode = Mode::in_person) {
  Rules r;
  r.zone = paris();
  for (int wd = 1; wd <= 7; ++wd) r.weekly.push_back({wd, start_min, end_min, mode});
  return r;
}

Query days_from(std::string_view first, int days, int duration_min = 30) {
  Query q;
  q.from = day(first);
  q.days = days;
  q.duration_min = duration_min;
  q.now = at(std::string(first) + "T00:00") - 86400;  // the day before: nothing is too soon
  return q;
}

std::vector<std::string> starts(const std::vector<Slot>& slots, const date::time_zone* z) {
  std::vector<std::string> out;
  out.reserve(slots.size());
  for (const Slot& s : slots) out.push_back(iso(s.start, z));
  return out;
}

std::vector<Slot> on(const std::vector<Slot>& slots, std::string_view date,
                     const date::time_zone* z = paris()) {
  std::vector<Slot> out;
  for (const Slot& s : slots) {
    if (format_date(local_date(s.start, z)) == date) out.push_back(s);
  }
  return out;
}

// Sorted by start, no two with the same start and mode, no two of a mode overlapping.
void expect_well_formed(const std::vector<Slot>& slots, int duration_min) {
  for (std::size_t i = 0; i < slots.size(); ++i) {
    EXPECT_EQ(slots[i].end - slots[i].start, duration_min * 60);
    for (std::size_t j = i + 1; j < slots.size(); ++j) {
      EXPECT_TRUE(slots[i].start < slots[j].start ||
                  (slots[i].start == slots[j].start && slots[i].mode < slots[j].mode));
      if (slots[i].mode == slots[j].mode) {
        EXPECT_LE(slots[i].end, slots[j].start) << "overlap at " << iso(slots[j].start, paris());
      }
    }
  }
}

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

TEST(HolidayClosures, ChristmasDayHasNoSlot) {
  Rules r = office();
  r.horizon_days = 400;
  const auto slots = compute_slots(r, days_from("2026-12-21", 7));
  EXPECT_TRUE(on(slots, "2026-12-25").empty());  // a Friday
  EXPECT_EQ(on(slots, "2026-12-24").size(), 14U);
  EXPECT_EQ(slots.size(), 4U * 14);
}

TEST(HolidayClosures, SaintStephensDayClosesOnlyAlsaceAndMoselle) {
  Rules r = every_day(9 * 60, 12 * 60);
  r.horizon_days = 400;
  const Query q = days_from("2026-12-26", 1);
  EXPECT_EQ(compute_slots(r, q).size(), 6U);
  for (const char* department : {"57", "67", "68"}) {
    r.department = department;
    EXPECT_TRUE(compute_slots(r, q).empty()) << department;
  }
}

TEST(HolidayClosures, EasterMonday2027IsClosedAndTheTuesdayOpen) {
  Rules r = office();
  r.horizon_days = 500;
  const auto slots = compute_slots(r, days_from("2027-03-29", 2));
  EXPECT_TRUE(on(slots, "2027-03-29").empty());
  EXPECT_EQ(on(slots, "2027-03-30").size(), 14U);
}

TEST(HolidayClosures, PractitionersWhoWorkOnHolidaysKeepTheirSlots) {
  Rules r = office();
  r.horizon_days = 400;
  r.closed_on_public_holidays = false;
  EXPECT_EQ(compute_slots(r, days_from("2026-12-25", 1)).size(), 14U);
}

TEST(HolidayClosures, AnExtraOpeningOnAHolidayIsHonoured) {
  Rules r = office();
  r.horizon_days = 400;
  r.extras.push_back({{at("2026-12-25T10:00"), at("2026-12-25T11:00")}, Mode::video});
  const auto slots = compute_slots(r, days_from("2026-12-25", 1));
  EXPECT_EQ(starts(slots, paris()),
            (std::vector<std::string>{"2026-12-25T10:00:00+01:00", "2026-12-25T10:30:00+01:00"}));
  EXPECT_EQ(slots[0].mode, Mode::video);
}

TEST(DaylightSaving, TheMissingMarchHourHasNoSlot) {
  const auto slots = compute_slots(every_day(60, 4 * 60), days_from("2026-03-29", 1));
  EXPECT_EQ(starts(slots, paris()),
            (std::vector<std::string>{"2026-03-29T01:00:00+01:00", "2026-03-29T01:30:00+01:00",
                                      "2026-03-29T03:00:00+02:00", "2026-03-29T03:30:00+02:00"}));
  for (const std::string& s : starts(slots, paris())) EXPECT_EQ(s.find("T02:"), std::string::npos);
  expect_well_formed(slots, 30);
  EXPECT_EQ(slots.back().end, at("2026-03-29T04:00"));
}

TEST(DaylightSaving, TheRepeatedOctoberHourIsOfferedOnce) {
  const auto slots = compute_slots(every_day(60, 4 * 60), days_from("2026-10-25", 1));
  EXPECT_EQ(starts(slots, paris()),
            (std::vector<std::string>{"2026-10-25T01:00:00+02:00", "2026-10-25T01:30:00+02:00",
                                      "2026-10-25T02:00:00+02:00", "2026-10-25T02:30:00+02:00",
                                      "2026-10-25T03:00:00+01:00", "2026-10-25T03:30:00+01:00"}));
  expect_well_formed(slots, 30);
  EXPECT_EQ(slots.back().end, at("2026-10-25T04:00"));
}

TEST(DaylightSaving, AFortyFiveMinuteMotifAcrossTheMarchChangeNeverOverlaps) {
  const auto slots = compute_slots(every_day(0, 6 * 60), days_from("2026-03-29", 1, 45));
  // 01:30 (+01:00) runs until 03:15 (+02:00), so the 03:00 grid point is not offered.
  EXPECT_EQ(starts(slots, paris()),
            (std::vector<std::string>{"2026-03-29T00:00:00+01:00", "2026-03-29T00:45:00+01:00",
                                      "2026-03-29T01:30:00+01:00", "2026-03-29T03:45:00+02:00",
                                      "2026-03-29T04:30:00+02:00", "2026-03-29T05:15:00+02:00"}));
  expect_well_formed(slots, 45);
}

TEST(DaylightSaving, ASlotAcrossTheMarchChangeStillEndsInsideItsRange) {
  // On the wall clock 01:30 + 90 min is 03:00, but in real time it ends at 04:00, after 03:45.
  const auto slots = compute_slots(every_day(0, 3 * 60 + 45), days_from("2026-03-29", 1, 90));
  EXPECT_EQ(starts(slots, paris()), (std::vector<std::string>{"2026-03-29T00:00:00+01:00"}));
}

TEST(DaylightSaving, AFortyFiveMinuteMotifAcrossTheOctoberChangeNeverOverlaps) {
  const auto slots = compute_slots(every_day(0, 6 * 60), days_from("2026-10-25", 1, 45));
  EXPECT_EQ(slots.size(), 8U);
  EXPECT_EQ(iso(slots[3].start, paris()), "2026-10-25T02:15:00+02:00");
  EXPECT_EQ(iso(slots[4].start, paris()), "2026-10-25T03:00:00+01:00");
  EXPECT_EQ(iso(slots[7].end, paris()), "2026-10-25T06:00:00+01:00");
  expect_well_formed(slots, 45);
}

TEST(DaylightSaving, AYearOfRoundTheClockSlotsStaysOnTheWallClockGrid) {
  Rules r = every_day(0, 1440);
  r.horizon_days = 400;
  r.closed_on_public_holidays = false;
  const auto slots = compute_slots(r, days_from("2026-01-01", 365, 45));
  // 32 per day, minus the 02:15 and 03:00 of the March night.
  EXPECT_EQ(slots.size(), 365U * 32 - 2);
  for (std::size_t i = 1; i < slots.size(); ++i) {
    ASSERT_LE(slots[i - 1].end, slots[i].start) << iso(slots[i].start, paris());
  }
  for (const Slot& s : slots) {
    const std::string local = iso(s.start, paris());
    const int minute = parse_hhmm(std::string_view(local).substr(11, 5)).value();
    ASSERT_EQ(minute % 45, 0) << local;
  }
}

TEST(OverseasZones, ReunionSlotsAreAtPlusFourAllYearAndClosedOnTheTwentiethOfDecember) {
  const auto* reunion = zone("Indian/Reunion");
  Rules r = office(reunion);
  for (int wd : {6, 7}) r.weekly.push_back({wd, 9 * 60, 12 * 60, Mode::in_person});
  r.department = "974";
  r.horizon_days = 400;
  Query q = days_from("2026-03-29", 1);
  q.now = at("2026-03-01T00:00", reunion);
  const auto march = compute_slots(r, q);
  ASSERT_EQ(march.size(), 6U);
  EXPECT_EQ(iso(march[0].start, reunion), "2026-03-29T09:00:00+04:00");
  EXPECT_EQ(march[0].start, *parse_local_datetime("2026-03-29T05:00", zone("UTC")));
  q.from = day("2026-12-20");
  EXPECT_TRUE(compute_slots(r, q).empty());
  q.from = day("2026-12-21");
  EXPECT_EQ(iso(compute_slots(r, q).front().start, reunion), "2026-12-21T09:00:00+04:00");
}

TEST(OverseasZones, GuadeloupeSlotsAreAtMinusFourAndClosedOnTheTwentySeventhOfMay) {
  const auto* guadeloupe = zone("America/Guadeloupe");
  Rules r = office(guadeloupe);
  r.department = "971";
  Query q = days_from("2026-05-26", 3);
  q.now = *parse_local_datetime("2026-05-01T00:00", guadeloupe);
  const auto slots = compute_slots(r, q);
  EXPECT_EQ(iso(slots.front().start, guadeloupe), "2026-05-26T09:00:00-04:00");
  EXPECT_TRUE(on(slots, "2026-05-27", guadeloupe).empty());
  EXPECT_EQ(on(slots, "2026-05-28", guadeloupe).size(), 14U);
  r.department = "972";  // Martinique commemorates on 22 May
  EXPECT_EQ(on(compute_slots(r, q), "2026-05-27", guadeloupe).size(), 14U);
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
