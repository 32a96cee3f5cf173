#include "agenda/holidays.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace cabinet::agenda {
namespace {

LocalDate day(std::string_view iso_date) { return parse_date(iso_date).value(); }

std::vector<std::string> holidays_of(int year, std::string_view department) {
  std::vector<std::string> out;
  for (LocalDate d{year, 1, 1}; d.year == year; d = add_days(d, 1)) {
    if (public_holiday(d, department)) out.push_back(format_date(d));
  }
  return out;
}

TEST(Easter, MatchesThePublishedDatesIncludingTheEarliestAndLatest) {
  EXPECT_EQ(easter_sunday(2024), day("2024-03-31"));
  EXPECT_EQ(easter_sunday(2025), day("2025-04-20"));
  EXPECT_EQ(easter_sunday(2026), day("2026-04-05"));
  EXPECT_EQ(easter_sunday(2027), day("2027-03-28"));
  EXPECT_EQ(easter_sunday(2038), day("2038-04-25"));  // latest possible
  EXPECT_EQ(easter_sunday(2285), day("2285-03-22"));  // earliest possible
  EXPECT_EQ(easter_sunday(2000), day("2000-04-23"));
}

TEST(PublicHolidays, ParisHasTheElevenNationalDays) {
  EXPECT_EQ(holidays_of(2026, "75"),
            (std::vector<std::string>{"2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08",
                                      "2026-05-14", "2026-05-25", "2026-07-14", "2026-08-15",
                                      "2026-11-01", "2026-11-11", "2026-12-25"}));
  EXPECT_EQ(holidays_of(2026, "2A"), holidays_of(2026, "75"));
}

TEST(PublicHolidays, EasterMonday2027IsComputedFromEaster) {
  const auto h = public_holiday(day("2027-03-29"), "75");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->fr, "Lundi de Pâques");
  EXPECT_EQ(h->en, "Easter Monday");
  EXPECT_EQ(public_holiday(day("2027-05-06"), "75")->en, "Ascension Day");
  EXPECT_EQ(public_holiday(day("2027-05-17"), "75")->en, "Whit Monday");
  EXPECT_FALSE(public_holiday(day("2027-03-26"), "75"));  // Good Friday is not one in Paris
}

TEST(PublicHolidays, AlsaceMoselleAlsoClosesOnGoodFridayAndSaintStephensDay) {
  for (const char* department : {"57", "67", "68"}) {
    EXPECT_EQ(holidays_of(2026, department).size(), 13U) << department;
    EXPECT_EQ(public_holiday(day("2026-12-26"), department)->fr, "Saint-Étienne");
    EXPECT_EQ(public_holiday(day("2026-04-03"), department)->en, "Good Friday");
  }
  for (const char* department : {"75", "69", "54", "971"}) {
    EXPECT_FALSE(public_holiday(day("2026-12-26"), department)) << department;
    EXPECT_FALSE(public_holiday(day("2026-04-03"), department)) << department;
  }
}

TEST(PublicHolidays, OverseasDepartmentsAlsoCommemorateTheAbolitionOfSlavery) {
  const std::pair<const char*, const char*> days[] = {{"971", "2026-05-27"},
                                                      {"972", "2026-05-22"},
                                                      {"973", "2026-06-10"},
                                                      {"974", "2026-12-20"},
                                                      {"976", "2026-04-27"}};
  for (const auto& [department, date] : days) {
    const auto h = public_holiday(day(date), department);
    ASSERT_TRUE(h) << department;
    EXPECT_EQ(h->fr, "Abolition de l'esclavage");
    EXPECT_EQ(holidays_of(2026, department).size(), 12U) << department;
    EXPECT_FALSE(public_holiday(day(date), "75")) << date;
  }
  EXPECT_FALSE(public_holiday(day("2026-05-27"), "974"));  // each island its own day
  EXPECT_FALSE(public_holiday(day("2026-12-20"), "971"));
}

TEST(PublicHolidays, HaveNamesInFrenchAndEnglish) {
  const auto h = public_holiday(day("2026-12-25"), "75");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->fr, "Noël");
  EXPECT_EQ(h->en, "Christmas Day");
  EXPECT_EQ(public_holiday(day("2026-07-14"), "13")->fr, "Fête nationale");
}

TEST(DepartmentZones, OverseasDepartmentsHaveTheirOwnZoneAndEveryZoneExists) {
  EXPECT_EQ(zone_for_department("75"), "Europe/Paris");
  EXPECT_EQ(zone_for_department("2B"), "Europe/Paris");
  EXPECT_EQ(zone_for_department("971"), "America/Guadeloupe");
  EXPECT_EQ(zone_for_department("972"), "America/Martinique");
  EXPECT_EQ(zone_for_department("973"), "America/Cayenne");
  EXPECT_EQ(zone_for_department("974"), "Indian/Reunion");
  EXPECT_EQ(zone_for_department("975"), "America/Miquelon");
  EXPECT_EQ(zone_for_department("976"), "Indian/Mayotte");
  EXPECT_EQ(zone_for_department("977"), "America/St_Barthelemy");
  EXPECT_EQ(zone_for_department("978"), "America/Marigot");
  for (const char* department : {"75", "971", "972", "973", "974", "975", "976", "977", "978"}) {
    EXPECT_NE(zone(zone_for_department(department)), nullptr) << department;
  }
}

}  // namespace
}  // namespace cabinet::agenda
