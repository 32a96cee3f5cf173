#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The tz database header is heavy; callers only hold zone pointers.
namespace date {
class time_zone;
}

namespace cabinet::agenda {

// Instants are Unix seconds everywhere (ARCHITECTURE.md "Storage"); wall-clock values exist
// only together with the zone they belong to.
using Instant = std::int64_t;

struct LocalDate {
  int year;
  unsigned month;
  unsigned day;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads the defaulted <=>
  auto operator<=>(const LocalDate&) const = default;
};

// Strict "YYYY-MM-DD" that names a real calendar day.
std::optional<LocalDate> parse_date(std::string_view iso);
std::string format_date(LocalDate d);
LocalDate add_days(LocalDate d, int n);
// 1 = Monday … 7 = Sunday (ISO 8601).
int weekday(LocalDate d);

// nullptr when the IANA name is unknown. The pointer lives as long as the program.
const date::time_zone* zone(std::string_view iana);
LocalDate local_date(Instant t, const date::time_zone* z);

// Wall-clock minute of a day to an instant. A time that does not exist (the March gap) gives
// nullopt; a time that happens twice (the October hour) gives its first occurrence. minute may
// be 1440, the next day's 00:00.
std::optional<Instant> to_instant(LocalDate d, int minute, const date::time_zone* z);
// Same, but a time that does not exist maps to the transition instant, so that a range bound a
// person typed ("until 02:30" on the night clocks go forward) still bounds something.
Instant to_instant_lenient(LocalDate d, int minute, const date::time_zone* z);

// "2026-03-29T03:00:00+02:00": the wall clock of z with its offset.
std::string iso(Instant t, const date::time_zone* z);
// "YYYY-MM-DDTHH:MM" or "YYYY-MM-DDTHH:MM:SS" read in z, mapped leniently; nullopt if malformed.
std::optional<Instant> parse_local_datetime(std::string_view text, const date::time_zone* z);

// Strict "HH:MM", 00:00 to 23:59, plus "24:00" (= 1440) for the end of a day.
std::optional<int> parse_hhmm(std::string_view text);
// 0 to 1440 (values outside are clamped).
std::string format_hhmm(int minute);

// Maps wall-clock times of one zone to instants with the same rules as to_instant and
// to_instant_lenient, remembering the last span of local time that has one offset: lookups
// that stay in it (all of them but a couple per DST change) cost two comparisons instead of a
// tz database search. One per computation; not shared between threads.
class LocalClock {
 public:
  explicit LocalClock(const date::time_zone* z) : zone_(z) {}
  // Seconds of the local day count (date::local_days) plus the second of the day.
  std::optional<Instant> exact(std::int64_t local_seconds);
  Instant lenient(std::int64_t local_seconds);

  std::optional<Instant> exact(LocalDate d, int minute) {
    return exact(local_seconds_of(d, minute));
  }
  Instant lenient(LocalDate d, int minute) { return lenient(local_seconds_of(d, minute)); }
  static std::int64_t local_seconds_of(LocalDate d, int minute);

 private:
  // Returns false (and leaves the cache alone) when local_seconds does not exist; *transition
  // is then the instant the clocks jumped.
  bool refresh(std::int64_t local_seconds, Instant* transition);

  const date::time_zone* zone_;
  // Local seconds [lo_, hi_) whose instant (unique, or first occurrence) is local - offset_.
  std::int64_t lo_ = 0;
  std::int64_t hi_ = 0;
  std::int64_t offset_ = 0;
};

}  // namespace cabinet::agenda
