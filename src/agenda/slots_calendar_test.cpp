// The slots against the calendar: public holidays (with Alsace-Moselle's and the overseas
// departments' own), daylight saving changes, and the overseas time zones.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "agenda/slots.hpp"
#include "agenda/slots_test_support.hpp"

namespace cabinet::agenda {
namespace {

using namespace slots_testing;  // the helpers both slot test files share

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

}  // namespace
}  // namespace cabinet::agenda
