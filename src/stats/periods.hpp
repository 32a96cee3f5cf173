#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/local_time.hpp"
#include "core/result.hpp"

// The periods of the operator's statistics (docs/operator.md "Statistics"): days, ISO weeks
// (Monday to Sunday) or months of Paris time, whatever the server's zone. Pure: unit-tested.
namespace cabinet::stats {

enum class By : std::uint8_t { day, week, month };

std::optional<By> parse_by(std::string_view text);
std::string_view to_string(By by);

// Longest ranges: a year by day (366 bars stay readable), three years by week or month. The
// bound also caps what one request reads from the database.
constexpr int kMaxDaysByDay = 366;
constexpr int kMaxDaysOtherwise = 3 * 366;

struct Range {
  agenda::LocalDate from;
  agenda::LocalDate to;  // inclusive
  By by = By::day;
};

// Reads from, to and by as given (each may be absent: by day, to today, from 29 days before
// to); 400 naming the field for a malformed date, from after to, an unknown by or a range
// longer than allowed.
Result<Range> parse_range(const std::optional<std::string>& from,
                          const std::optional<std::string>& to,
                          const std::optional<std::string>& by, agenda::LocalDate today);

struct Period {
  std::string label;        // 2026-11-30, 2026-W49, 2026-12
  agenda::LocalDate start;  // clipped to the range
  agenda::LocalDate end;    // inclusive, clipped to the range
};

// The periods that cover the range, in order.
std::vector<Period> periods(const Range& range);

// Maps an instant to its period's index (nullopt outside the range).
class Bucketer {
 public:
  Bucketer(const Range& range, const date::time_zone* zone);
  [[nodiscard]] std::optional<std::size_t> index(agenda::Instant t) const;
  // The range's bounds as instants: [begin, end).
  [[nodiscard]] agenda::Instant begin() const { return begin_; }
  [[nodiscard]] agenda::Instant end() const { return end_; }

 private:
  Range range_;
  const date::time_zone* zone_;
  agenda::Instant begin_ = 0;
  agenda::Instant end_ = 0;
  std::int64_t first_key_ = 0;
};

// Days since 1970-01-01 of a calendar day.
std::int64_t day_number(agenda::LocalDate d);

}  // namespace cabinet::stats
