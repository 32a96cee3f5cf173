#include "stats/periods.hpp"

#include <cstdio>

#include "http/input.hpp"

namespace cabinet::stats {
namespace {

agenda::LocalDate monday_of(agenda::LocalDate d) {
  return agenda::add_days(d, 1 - agenda::weekday(d));
}

// The ISO week-numbering year and week of a day: the week belongs to the year of its Thursday.
std::string iso_week_label(agenda::LocalDate monday) {
  const auto thursday = agenda::add_days(monday, 3);
  const agenda::LocalDate jan1{thursday.year, 1, 1};
  const auto week = 1 + (day_number(thursday) - day_number(jan1)) / 7;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-W%02d", thursday.year, static_cast<int>(week));
  return out;
}

std::string month_label(agenda::LocalDate d) {
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u", d.year, d.month);
  return out;
}

agenda::LocalDate next_month(agenda::LocalDate d) {
  return d.month == 12 ? agenda::LocalDate{d.year + 1, 1, 1}
                       : agenda::LocalDate{d.year, d.month + 1, 1};
}

// One number per period, increasing: the day, the week's Monday, or the month.
std::int64_t key_of(agenda::LocalDate d, By by) {
  switch (by) {
    case By::day:
      return day_number(d);
    case By::week:
      return day_number(monday_of(d)) / 7;
    case By::month:
      return static_cast<std::int64_t>(d.year) * 12 + d.month - 1;
  }
  return 0;
}

Result<std::optional<agenda::LocalDate>> date_field(const std::optional<std::string>& text,
                                                    std::string_view field) {
  if (!text) return std::optional<agenda::LocalDate>{};
  auto d = agenda::parse_date(*text);
  if (!d)
    return http::invalid_field(field, "Date attendue au format AAAA-MM-JJ.",
                               "Expected a date as YYYY-MM-DD.");
  return std::optional<agenda::LocalDate>{*d};
}

}  // namespace

std::int64_t day_number(agenda::LocalDate d) {
  return agenda::LocalClock::local_seconds_of(d, 0) / 86400;
}

std::optional<By> parse_by(std::string_view text) {
  if (text == "day") return By::day;
  if (text == "week") return By::week;
  if (text == "month") return By::month;
  return std::nullopt;
}

std::string_view to_string(By by) {
  switch (by) {
    case By::day:
      return "day";
    case By::week:
      return "week";
    case By::month:
      return "month";
  }
  return "day";
}

Result<Range> parse_range(const std::optional<std::string>& from,
                          const std::optional<std::string>& to,
                          const std::optional<std::string>& by, agenda::LocalDate today) {
  Range r;
  if (by) {
    auto b = parse_by(*by);
    if (!b)
      return http::invalid_field("by", "Période inconnue (day, week ou month).",
                                 "Unknown period (day, week or month).");
    r.by = *b;
  }
  auto f = date_field(from, "from");
  if (!f) return std::move(f).error();
  auto t = date_field(to, "to");
  if (!t) return std::move(t).error();
  r.to = t->value_or(today);
  r.from = f->value_or(agenda::add_days(r.to, -29));
  if (r.from > r.to)
    return http::invalid_field("from", "La date de début est après la date de fin.",
                               "The start date is after the end date.");
  const auto days = day_number(r.to) - day_number(r.from) + 1;
  const auto max = r.by == By::day ? kMaxDaysByDay : kMaxDaysOtherwise;
  if (days > max)
    return http::invalid_field(
        "to",
        r.by == By::day ? "Un an au plus par jour : choisissez la semaine ou le mois."
                        : "Trois ans au plus.",
        r.by == By::day ? "A year at most by day: choose by week or by month."
                        : "Three years at most.");
  return r;
}

std::vector<Period> periods(const Range& range) {
  std::vector<Period> out;
  auto d = range.from;
  while (d <= range.to) {
    Period p;
    p.start = d;
    agenda::LocalDate next{};
    switch (range.by) {
      case By::day:
        p.label = agenda::format_date(d);
        next = agenda::add_days(d, 1);
        break;
      case By::week:
        p.label = iso_week_label(monday_of(d));
        next = agenda::add_days(monday_of(d), 7);
        break;
      case By::month:
        p.label = month_label(d);
        next = next_month({d.year, d.month, 1});
        break;
    }
    const auto last = agenda::add_days(next, -1);
    p.end = last < range.to ? last : range.to;
    out.push_back(std::move(p));
    d = next;
  }
  return out;
}

Bucketer::Bucketer(const Range& range, const date::time_zone* zone)
    : range_(range),
      zone_(zone),
      begin_(agenda::to_instant_lenient(range.from, 0, zone)),
      end_(agenda::to_instant_lenient(agenda::add_days(range.to, 1), 0, zone)),
      first_key_(key_of(range.from, range.by)) {}

std::optional<std::size_t> Bucketer::index(agenda::Instant t) const {
  if (t < begin_ || t >= end_) return std::nullopt;
  const auto d = agenda::local_date(t, zone_);
  return static_cast<std::size_t>(key_of(d, range_.by) - first_key_);
}

}  // namespace cabinet::stats
