#include "agenda/local_time.hpp"

#include <gtest/gtest.h>

#include <date/tz.h>

namespace cabinet::agenda {
namespace {

LocalDate day(std::string_view iso_date) { return parse_date(iso_date).value(); }

TEST(LocalDates, ParseAndFormatRoundTrip) {
  for (const char* text : {"2026-03-29", "2024-02-29", "2000-01-01", "1999-12-31", "2026-10-25"}) {
    const auto d = parse_date(text);
    ASSERT_TRUE(d) << text;
    EXPECT_EQ(format_date(*d), text);
  }
  EXPECT_EQ(parse_date("2026-03-29"), (LocalDate{2026, 3, 29}));
}

TEST(LocalDates, RefuseDaysThatDoNotExistAndAnythingNotStrictlyIso) {
  for (const char* bad : {"2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10",
                          "2026-01-00", "2026-1-01", "2026-01-1", "26-01-01", "2026/01/01",
                          "2026-01-01T", " 2026-01-01", "2026-0a-01", "+026-01-01", ""}) {
    EXPECT_EQ(parse_date(bad), std::nullopt) << bad;
  }
}

TEST(LocalDates, AddDaysCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(add_days(day("2026-01-31"), 1), day("2026-02-01"));
  EXPECT_EQ(add_days(day("2024-02-28"), 1), day("2024-02-29"));
  EXPECT_EQ(add_days(day("2025-02-28"), 1), day("2025-03-01"));
  EXPECT_EQ(add_days(day("2026-12-31"), 1), day("2027-01-01"));
  EXPECT_EQ(add_days(day("2026-03-01"), -1), day("2026-02-28"));
  EXPECT_EQ(add_days(day("2026-01-01"), 365), day("2027-01-01"));
}

TEST(LocalDates, WeekdaysRunFromMondayOneToSundaySeven) {
  EXPECT_EQ(weekday(day("2026-01-12")), 1);
  EXPECT_EQ(weekday(day("2026-01-16")), 5);
  EXPECT_EQ(weekday(day("2026-03-29")), 7);
  EXPECT_EQ(weekday(day("2024-02-29")), 4);
}

TEST(TimeZones, UnknownNamesGiveNullInsteadOfThrowing) {
  EXPECT_NE(zone("Europe/Paris"), nullptr);
  EXPECT_EQ(zone("Europe/Lyon"), nullptr);
  EXPECT_EQ(zone(""), nullptr);
  EXPECT_EQ(zone("../../etc/passwd"), nullptr);
  EXPECT_EQ(zone("Europe/Paris"), zone("Europe/Paris"));  // looked up once, pointers compare
}

TEST(TimeZones, LocalDateIsTheDateOnTheWallInThatZone) {
  const Instant t = *parse_local_datetime("2026-06-30T23:30", zone("UTC"));
  EXPECT_EQ(local_date(t, zone("Europe/Paris")), day("2026-07-01"));
  EXPECT_EQ(local_date(t, zone("America/Guadeloupe")), day("2026-06-30"));
  EXPECT_EQ(local_date(t, zone("Indian/Reunion")), day("2026-07-01"));
  EXPECT_EQ(local_date(-1, zone("UTC")), day("1969-12-31"));
}

TEST(WallClock, IsoShowsTheOffsetInForceAtThatInstant) {
  const auto* paris = zone("Europe/Paris");
  EXPECT_EQ(iso(*to_instant(day("2026-01-12"), 9 * 60, paris), paris), "2026-01-12T09:00:00+01:00");
  EXPECT_EQ(iso(*to_instant(day("2026-06-08"), 9 * 60, paris), paris), "2026-06-08T09:00:00+02:00");
  const auto* reunion = zone("Indian/Reunion");
  EXPECT_EQ(iso(*to_instant(day("2026-03-29"), 570, reunion), reunion),
            "2026-03-29T09:30:00+04:00");
  const auto* guadeloupe = zone("America/Guadeloupe");
  EXPECT_EQ(iso(*to_instant(day("2026-10-25"), 570, guadeloupe), guadeloupe),
            "2026-10-25T09:30:00-04:00");
  EXPECT_EQ(iso(0, zone("UTC")), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(iso(-1, zone("UTC")), "1969-12-31T23:59:59+00:00");
}

TEST(WallClock, TheMissingMarchHourHasNoInstantButBoundsMapToTheChange) {
  const auto* paris = zone("Europe/Paris");
  const LocalDate change = day("2026-03-29");
  EXPECT_EQ(to_instant(change, 2 * 60 + 30, paris), std::nullopt);
  EXPECT_EQ(to_instant(change, 2 * 60, paris), std::nullopt);
  EXPECT_EQ(iso(to_instant_lenient(change, 2 * 60 + 30, paris), paris),
            "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(iso(*to_instant(change, 3 * 60, paris), paris), "2026-03-29T03:00:00+02:00");
  EXPECT_EQ(*to_instant(change, 3 * 60, paris) - *to_instant(change, 60 + 59, paris), 60);
}

TEST(WallClock, TheRepeatedOctoberHourMeansItsFirstOccurrence) {
  const auto* paris = zone("Europe/Paris");
  const LocalDate change = day("2026-10-25");
  EXPECT_EQ(iso(*to_instant(change, 2 * 60 + 30, paris), paris), "2026-10-25T02:30:00+02:00");
  EXPECT_EQ(to_instant_lenient(change, 2 * 60 + 30, paris), *to_instant(change, 150, paris));
  // 01:59 and 03:00 are two real hours apart.
  EXPECT_EQ(*to_instant(change, 3 * 60, paris) - *to_instant(change, 2 * 60, paris), 7200);
}

TEST(WallClock, MinuteFourteenFortyIsTheNextMidnight) {
  const auto* paris = zone("Europe/Paris");
  EXPECT_EQ(to_instant(day("2026-03-28"), 1440, paris), to_instant(day("2026-03-29"), 0, paris));
  EXPECT_EQ(*to_instant(day("2026-03-29"), 1440, paris) - *to_instant(day("2026-03-29"), 0, paris),
            23 * 3600);
  EXPECT_EQ(*to_instant(day("2026-10-25"), 1440, paris) - *to_instant(day("2026-10-25"), 0, paris),
            25 * 3600);
}

TEST(WallClock, ParsesLocalDateTimesWithOrWithoutSeconds) {
  const auto* paris = zone("Europe/Paris");
  EXPECT_EQ(iso(*parse_local_datetime("2026-06-08T09:30", paris), paris),
            "2026-06-08T09:30:00+02:00");
  EXPECT_EQ(iso(*parse_local_datetime("2026-06-08T09:30:15", paris), paris),
            "2026-06-08T09:30:15+02:00");
  // Typed by a person into the March gap: the moment the clocks jumped.
  EXPECT_EQ(iso(*parse_local_datetime("2026-03-29T02:15:30", paris), paris),
            "2026-03-29T03:00:00+02:00");
  for (const char* bad : {"2026-06-08 09:30", "2026-06-08T24:00", "2026-06-08T09:60",
                          "2026-06-08T09:30:60", "2026-06-08T9:30", "2026-06-08T09:30:1",
                          "2026-02-30T09:30", "2026-06-08T09:30Z", "2026-06-08", ""}) {
    EXPECT_EQ(parse_local_datetime(bad, paris), std::nullopt) << bad;
  }
}

TEST(HoursAndMinutes, ParseStrictlyAndFormatBack) {
  EXPECT_EQ(parse_hhmm("09:30"), 570);
  EXPECT_EQ(parse_hhmm("00:00"), 0);
  EXPECT_EQ(parse_hhmm("23:59"), 1439);
  EXPECT_EQ(parse_hhmm("24:00"), 1440);
  for (const char* bad :
       {"24:01", "25:00", "9:3", "9:30", "09:3", "12:60", "12h30", "-1:00", "09:30 ", "0930", ""}) {
    EXPECT_EQ(parse_hhmm(bad), std::nullopt) << bad;
  }
  for (int m : {0, 5, 570, 1439, 1440}) EXPECT_EQ(parse_hhmm(format_hhmm(m)), m);
  EXPECT_EQ(format_hhmm(570), "09:30");
  EXPECT_EQ(format_hhmm(1440), "24:00");
}

// The slot engine's cached mapping must say exactly what the tz database says, including around
// DST changes of an hour (Paris, Santiago in the southern hemisphere) and of half an hour (Lord
// Howe), whether time is walked forwards or backwards.
TEST(LocalClock, AgreesWithTheTzDatabaseEveryFiveMinutesAroundEachChange) {
  struct Case {
    const char* zone;
    const char* first_day;
  };
  for (const Case c :
       {Case{"Europe/Paris", "2026-03-28"}, Case{"Europe/Paris", "2026-10-24"},
        Case{"America/Santiago", "2026-04-04"}, Case{"America/Santiago", "2026-09-05"},
        Case{"Australia/Lord_Howe", "2026-04-04"}, Case{"Australia/Lord_Howe", "2026-10-03"}}) {
    const auto* z = zone(c.zone);
    ASSERT_NE(z, nullptr) << c.zone;
    LocalClock forwards(z);
    LocalClock backwards(z);
    const LocalDate first = day(c.first_day);
    for (int i = 0; i <= 3 * 288; ++i) {
      const LocalDate d = add_days(first, i / 288);
      const int minute = i % 288 * 5;
      EXPECT_EQ(forwards.exact(d, minute), to_instant(d, minute, z))
          << c.zone << ' ' << format_date(d) << ' ' << format_hhmm(minute);
      EXPECT_EQ(forwards.lenient(d, minute), to_instant_lenient(d, minute, z));
      const int j = 3 * 288 - i;
      const LocalDate back_day = add_days(first, j / 288);
      EXPECT_EQ(backwards.exact(back_day, j % 288 * 5), to_instant(back_day, j % 288 * 5, z));
    }
  }
}

}  // namespace
}  // namespace cabinet::agenda
