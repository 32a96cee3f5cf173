#include <gtest/gtest.h>

#include "stats/csv.hpp"
#include "stats/figures.hpp"
#include "stats/periods.hpp"

namespace cabinet::stats {
namespace {

agenda::LocalDate day(std::string_view iso) { return agenda::parse_date(iso).value(); }
const date::time_zone* paris() { return agenda::zone("Europe/Paris"); }

Range range(const char* from, const char* to, By by) { return Range{day(from), day(to), by}; }

TEST(StatsPeriods, WeeksAreIsoAndStartOnMondayClippedToTheRange) {
  // Wednesday 2026-12-30 to Tuesday 2027-01-12: ISO week 53 of 2026, then weeks 1 and 2 of 2027.
  const auto list = periods(range("2026-12-30", "2027-01-12", By::week));
  ASSERT_EQ(list.size(), 3U);
  EXPECT_EQ(list[0].label, "2026-W53");
  EXPECT_EQ(agenda::format_date(list[0].start), "2026-12-30");
  EXPECT_EQ(agenda::format_date(list[0].end), "2027-01-03");
  EXPECT_EQ(list[1].label, "2027-W01");
  EXPECT_EQ(agenda::format_date(list[1].start), "2027-01-04");
  EXPECT_EQ(list[2].label, "2027-W02");
  EXPECT_EQ(agenda::format_date(list[2].end), "2027-01-12");
}

TEST(StatsPeriods, MonthsAndDays) {
  const auto months = periods(range("2026-11-15", "2027-02-01", By::month));
  ASSERT_EQ(months.size(), 4U);
  EXPECT_EQ(months[0].label, "2026-11");
  EXPECT_EQ(agenda::format_date(months[0].end), "2026-11-30");
  EXPECT_EQ(months[3].label, "2027-02");
  EXPECT_EQ(agenda::format_date(months[3].end), "2027-02-01");
  EXPECT_EQ(periods(range("2026-02-27", "2026-03-02", By::day)).size(), 4U);
}

TEST(StatsPeriods, AnInstantBelongsToItsParisDay) {
  const Bucketer b(range("2026-11-01", "2026-12-31", By::month), paris());
  // 23:30 UTC on 30 November is 00:30 on 1 December in Paris (winter, UTC+1).
  const agenda::Instant late_november_utc = 1796081400;  // 2026-11-30T23:30:00Z
  EXPECT_EQ(b.index(late_november_utc), std::optional<std::size_t>(1));
  EXPECT_EQ(b.index(late_november_utc - 3600), std::optional<std::size_t>(0));
  EXPECT_EQ(b.index(b.begin() - 1), std::nullopt);
  EXPECT_EQ(b.index(b.end()), std::nullopt);
  // Summer: 22:30 UTC on 31 July is 00:30 on 1 August (UTC+2).
  const Bucketer summer(range("2026-07-31", "2026-08-01", By::day), paris());
  EXPECT_EQ(summer.index(1785537000), std::optional<std::size_t>(1));  // 2026-07-31T22:30Z
}

TEST(StatsPeriods, BadInputNamesTheField) {
  const auto today = day("2026-12-07");
  auto defaults = parse_range(std::nullopt, std::nullopt, std::nullopt, today);
  ASSERT_TRUE(defaults);
  EXPECT_EQ(agenda::format_date(defaults->from), "2026-11-08");
  EXPECT_EQ(defaults->by, By::day);
  auto field = [&](const char* from, const char* to, const char* by) {
    auto r = parse_range(std::string(from), std::string(to), std::string(by), today);
    return r ? std::string() : r.error().field;
  };
  EXPECT_EQ(field("2026-02-30", "2026-03-01", "day"), "from");
  EXPECT_EQ(field("2026-03-01", "tomorrow", "day"), "to");
  EXPECT_EQ(field("2026-03-02", "2026-03-01", "day"), "from");
  EXPECT_EQ(field("2026-03-01", "2026-03-02", "year"), "by");
  EXPECT_EQ(field("2025-01-01", "2026-03-01", "day"), "to");
  EXPECT_EQ(field("2025-01-01", "2026-03-01", "month"), "");
  EXPECT_EQ(field("2020-01-01", "2026-03-01", "month"), "to");
}

TEST(StatsFigures, CountsBelowTheThresholdAndValuesOnFewItemsAreSuppressed) {
  Figures f;
  f.bookings = 7;
  f.held = 4;
  f.no_shows = 0;
  f.queue_waits_s = {60, 120, 180, 240};
  f.calls_reported = 5;
  f.calls_relayed = 1;
  f.documents["prescription"] = 6;
  f.documents["report"] = 2;
  const auto j = figures_json(f, 5);
  EXPECT_EQ(j["bookings"], 7);
  EXPECT_TRUE(j["held"].is_null());
  EXPECT_EQ(j["no_shows"], 0);
  EXPECT_TRUE(j["queue_wait_p50_s"].is_null());
  EXPECT_TRUE(j["queue_wait_p90_s"].is_null());
  EXPECT_DOUBLE_EQ(j["relayed_share"].get<double>(), 0.2);
  EXPECT_TRUE(j["duration_p50_s"].is_null());
  EXPECT_EQ(j["documents"]["prescription"], 6);
  EXPECT_TRUE(j["documents"]["report"].is_null());
  EXPECT_EQ(j["documents"]["suppressed"], nlohmann::json({"report"}));
  EXPECT_EQ(j["suppressed"],
            nlohmann::json({"held", "queue_wait_p50_s", "queue_wait_p90_s", "queue_taken"}));
}

TEST(StatsFigures, PercentilesAreNearestRank) {
  EXPECT_EQ(percentile({50, 10, 40, 20, 30}, 50), 30);
  EXPECT_EQ(percentile({50, 10, 40, 20, 30}, 90), 50);
  EXPECT_EQ(percentile({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90), 9);
  EXPECT_EQ(percentile({7}, 50), 7);
}

TEST(StatsCsv, FrenchExcelGetsABomSemicolonsDecimalCommasAndSmallCellsMarked) {
  Figures f;
  f.bookings = 12;
  f.held = 3;
  f.calls_reported = 8;
  f.calls_relayed = 2;
  auto item = figures_json(f, 5);
  item["period"] = "2026-11";
  item["start"] = "2026-11-01";
  item["end"] = "2026-11-30";
  const nlohmann::json stats{{"from", "2026-11-01"},
                             {"to", "2026-11-30"},
                             {"threshold", 5},
                             {"series", {item}},
                             {"totals", item}};
  const auto csv = to_csv(stats, Locale::fr);
  ASSERT_TRUE(
      csv.starts_with("\xEF\xBB\xBF"
                      "Période;Début;Fin;Rendez-vous;Consultations tenues"));
  EXPECT_NE(csv.find("\r\n2026-11;2026-11-01;2026-11-30;12;<5;0;0;;;0,250;0;"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\r\nTotal;2026-11-01;2026-11-30;12;<5;"), std::string::npos);
}

}  // namespace
}  // namespace cabinet::stats
