#include "agenda/local_time.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <stdexcept>

#include <date/tz.h>

namespace cabinet::agenda {
namespace {

constexpr std::int64_t kDay = 86400;

using std::chrono::seconds;

// A null zone reads as UTC: a misconfigured practitioner then shows shifted hours instead of
// taking the server down.
const date::time_zone* or_utc(const date::time_zone* z) {
  if (z != nullptr) return z;
  static const date::time_zone* const utc = date::locate_zone("UTC");
  return utc;
}

std::int64_t days_of(LocalDate d) {
  const date::year_month_day ymd{date::year{d.year}, date::month{d.month}, date::day{d.day}};
  return date::sys_days{ymd}.time_since_epoch().count();
}

LocalDate date_of_days(std::int64_t days) {
  const date::year_month_day ymd{date::sys_days{date::days{static_cast<int>(days)}}};
  return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
          static_cast<unsigned>(ymd.day())};
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

std::int64_t offset_at(Instant t, const date::time_zone* z) {
  return z->get_info(date::sys_seconds{seconds{t}}).offset.count();
}

// Reads exactly `n` decimal digits.
std::optional<int> digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

char* put(char* out, std::int64_t v, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return out + width;
}

// Local seconds → instant; nonexistent times give nullopt, or the transition when lenient.
std::optional<Instant> map_local(std::int64_t local, const date::time_zone* z, bool lenient) {
  const date::local_seconds ls{seconds{local}};
  const date::local_info info = or_utc(z)->get_info(ls);
  if (info.result == date::local_info::nonexistent) {
    if (!lenient) return std::nullopt;
    return info.first.end.time_since_epoch().count();
  }
  return local - info.first.offset.count();  // unique, or the first of two
}

}  // namespace

std::optional<LocalDate> parse_date(std::string_view iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  const auto y = digits(iso, 0, 4);
  const auto m = digits(iso, 5, 2);
  const auto d = digits(iso, 8, 2);
  if (!y || !m || !d) return std::nullopt;
  const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*m)},
                                 date::day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return LocalDate{*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
}

std::string format_date(LocalDate d) {
  std::array<char, 10> buf{};
  char* p = put(buf.data(), std::clamp(d.year, 0, 9999), 4);
  *p++ = '-';
  p = put(p, d.month, 2);
  *p++ = '-';
  put(p, d.day, 2);
  return {buf.data(), buf.size()};
}

LocalDate add_days(LocalDate d, int n) { return date_of_days(days_of(d) + n); }

int weekday(LocalDate d) {
  return static_cast<int>(date::weekday{date::sys_days{date::days{days_of(d)}}}.iso_encoding());
}

const date::time_zone* zone(std::string_view iana) {
  if (iana.empty()) return nullptr;
  try {
    return date::locate_zone(iana);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

LocalDate local_date(Instant t, const date::time_zone* z) {
  return date_of_days(floor_div(t + offset_at(t, or_utc(z)), kDay));
}

std::optional<Instant> to_instant(LocalDate d, int minute, const date::time_zone* z) {
  return map_local(LocalClock::local_seconds_of(d, minute), z, false);
}

Instant to_instant_lenient(LocalDate d, int minute, const date::time_zone* z) {
  return *map_local(LocalClock::local_seconds_of(d, minute), z, true);
}

std::string iso(Instant t, const date::time_zone* z) {
  const std::int64_t offset = offset_at(t, or_utc(z));
  const std::int64_t local = t + offset;
  const std::int64_t days = floor_div(local, kDay);
  const std::int64_t sec = local - days * kDay;
  const LocalDate d = date_of_days(days);
  std::string out = format_date(d);
  std::array<char, 18> buf{};  // "THH:MM:SS+HH:MM:SS"
  char* p = buf.data();
  *p++ = 'T';
  p = put(p, sec / 3600, 2);
  *p++ = ':';
  p = put(p, sec / 60 % 60, 2);
  *p++ = ':';
  p = put(p, sec % 60, 2);
  const std::int64_t abs_offset = offset < 0 ? -offset : offset;
  *p++ = offset < 0 ? '-' : '+';
  p = put(p, abs_offset / 3600, 2);
  *p++ = ':';
  p = put(p, abs_offset / 60 % 60, 2);
  if (abs_offset % 60 != 0) {  // local mean time before 1911: RFC 3339 has no room for it
    *p++ = ':';
    p = put(p, abs_offset % 60, 2);
  }
  out.append(buf.data(), p);
  return out;
}

std::optional<Instant> parse_local_datetime(std::string_view text, const date::time_zone* z) {
  if ((text.size() != 16 && text.size() != 19) || text[10] != 'T' || text[13] != ':') {
    return std::nullopt;
  }
  const auto d = parse_date(text.substr(0, 10));
  const auto h = digits(text, 11, 2);
  const auto m = digits(text, 14, 2);
  if (!d || !h || !m || *h > 23 || *m > 59) return std::nullopt;
  int s = 0;
  if (text.size() == 19) {
    const auto sec = digits(text, 17, 2);
    if (text[16] != ':' || !sec || *sec > 59) return std::nullopt;
    s = *sec;
  }
  return map_local(LocalClock::local_seconds_of(*d, *h * 60 + *m) + s, z, true);
}

std::optional<int> parse_hhmm(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  const auto h = digits(text, 0, 2);
  const auto m = digits(text, 3, 2);
  if (!h || !m || *m > 59) return std::nullopt;
  if (*h == 24 && *m == 0) return 1440;
  if (*h > 23) return std::nullopt;
  return *h * 60 + *m;
}

std::string format_hhmm(int minute) {
  minute = std::clamp(minute, 0, 1440);
  std::array<char, 5> buf{};
  char* p = put(buf.data(), minute / 60, 2);
  *p++ = ':';
  put(p, minute % 60, 2);
  return {buf.data(), buf.size()};
}

std::int64_t LocalClock::local_seconds_of(LocalDate d, int minute) {
  return days_of(d) * kDay + std::int64_t{minute} * 60;
}

bool LocalClock::refresh(std::int64_t local_seconds, Instant* transition) {
  const date::time_zone* z = or_utc(zone_);
  const date::local_info info = z->get_info(date::local_seconds{seconds{local_seconds}});
  if (info.result == date::local_info::nonexistent) {
    *transition = info.first.end.time_since_epoch().count();
    return false;
  }
  // For an ambiguous time `first` is the period of its first occurrence, the one we want.
  const date::sys_info& period = info.first;
  const std::int64_t begin = period.begin.time_since_epoch().count();
  const std::int64_t end = period.end.time_since_epoch().count();
  offset_ = period.offset.count();
  // After clocks go back, the first local hour of this period also happened in the previous
  // one, at its first occurrence: leave it to the slow path.
  const std::int64_t previous_offset = z->get_info(period.begin - seconds{1}).offset.count();
  lo_ = begin + std::max(offset_, previous_offset);
  hi_ = end + offset_;
  return true;
}

std::optional<Instant> LocalClock::exact(std::int64_t local_seconds) {
  if (local_seconds < lo_ || local_seconds >= hi_) {
    Instant transition = 0;
    if (!refresh(local_seconds, &transition)) return std::nullopt;
  }
  return local_seconds - offset_;
}

Instant LocalClock::lenient(std::int64_t local_seconds) {
  if (local_seconds < lo_ || local_seconds >= hi_) {
    Instant transition = 0;
    if (!refresh(local_seconds, &transition)) return transition;
  }
  return local_seconds - offset_;
}

}  // namespace cabinet::agenda
