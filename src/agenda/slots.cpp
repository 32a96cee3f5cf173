#include "agenda/slots.hpp"

#include <algorithm>
#include <climits>
#include <span>

#include "agenda/holidays.hpp"

namespace cabinet::agenda {
namespace {

constexpr std::int64_t kDay = 86400;

bool is_merged(const std::vector<Interval>& v) {
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i].start >= v[i].end) return false;
    if (i > 0 && v[i - 1].end > v[i].start) return false;
  }
  return true;
}

int days_between(LocalDate a, LocalDate b) {
  return static_cast<int>(
      (LocalClock::local_seconds_of(b, 0) - LocalClock::local_seconds_of(a, 0)) / kDay);
}

// One call of compute_slots: the bounds every candidate is checked against, and the output.
class Generator {
 public:
  Generator(const Rules& rules, const Query& q, std::span<const Interval> busy,
            std::vector<Slot>& out)
      : rules_(rules),
        clock_(rules.zone),
        busy_(busy),
        out_(out),
        mode_(q.mode),
        step_(std::int64_t{q.duration_min} * 60),
        duration_min_(q.duration_min),
        earliest_(q.now + std::int64_t{std::max(0, rules.min_notice_min)} * 60),
        latest_(q.now + std::int64_t{rules.horizon_days} * kDay) {}

  [[nodiscard]] bool empty_by_construction() const { return earliest_ >= latest_; }
  [[nodiscard]] Instant earliest() const { return earliest_; }

  // Appends the slots starting on `date` (local instants [day_start, day_end)), sorted.
  // Returns false once the horizon is passed.
  bool add_day(LocalDate date, int wd, Instant day_start, Instant day_end) {
    if (day_start >= latest_) return false;
    if (day_end <= earliest_) return true;
    const std::size_t first = out_.size();
    const std::int64_t midnight = LocalClock::local_seconds_of(date, 0);
    video_start_ = clock_.lenient(midnight + minutes(rules_.video_window_start_min));
    video_end_ = clock_.lenient(midnight + minutes(rules_.video_window_end_min));
    if (!rules_.closed_on_public_holidays || !public_holiday(date, rules_.department)) {
      for (const WeeklyRange& r : rules_.weekly) {
        if (r.weekday == wd && wanted(r.mode)) add_range(midnight, r);
      }
    }
    for (const Extra& e : rules_.extras) {
      if (wanted(e.mode) && e.when.start < day_end && e.when.end > day_start) {
        add_extra(e, day_start, day_end);
      }
    }
    // Ranges come in any order and may overlap: order and deduplicate the day.
    const auto begin = out_.begin() + static_cast<std::ptrdiff_t>(first);
    const auto before = [](const Slot& a, const Slot& b) {
      return a.start != b.start ? a.start < b.start : a.mode < b.mode;
    };
    if (!std::is_sorted(begin, out_.end(), before)) std::sort(begin, out_.end(), before);
    out_.erase(std::unique(begin, out_.end()), out_.end());
    return true;
  }

 private:
  [[nodiscard]] bool wanted(Mode m) const { return !mode_ || *mode_ == m; }
  // Minute of a local day, 24:00 included, as local seconds.
  static std::int64_t minutes(int minute) { return std::int64_t{std::clamp(minute, 0, 1440)} * 60; }

  // Steps through the range in wall-clock time; the instants follow the zone's offset changes.
  void add_range(std::int64_t midnight, const WeeklyRange& r) {
    const int start_min = std::max(0, r.start_min);
    const int end_min = std::min(1440, r.end_min);
    if (start_min + duration_min_ > end_min) return;
    const Instant range_end = clock_.lenient(midnight + minutes(end_min));
    Instant previous_end = INT64_MIN;
    for (int t = start_min; t + duration_min_ <= end_min; t += duration_min_) {
      const std::optional<Instant> start = clock_.exact(midnight + minutes(t));
      if (!start) continue;                   // the hour skipped in March
      if (*start < previous_end) continue;    // would overlap the slot before the change
      if (*start + step_ > range_end) break;  // instants only grow with wall-clock time
      previous_end = *start + step_;
      offer(*start, r.mode);
    }
  }

  // Extra openings are instants already: step in real time.
  void add_extra(const Extra& e, Instant day_start, Instant day_end) {
    Instant start = e.when.start;
    if (start < day_start) start += (day_start - start + step_ - 1) / step_ * step_;
    for (; start < day_end && start + step_ <= e.when.end; start += step_) offer(start, e.mode);
  }

  void offer(Instant start, Mode mode) {
    const Instant end = start + step_;
    if (start < earliest_ || start >= latest_) return;
    if (mode == Mode::video && (start < video_start_ || end > video_end_)) return;
    if (busy(start, end)) return;
    out_.push_back({start, end, mode});
  }

  // busy_ is sorted and disjoint, so its ends are sorted too.
  [[nodiscard]] bool busy(Instant start, Instant end) const {
    const auto it = std::partition_point(busy_.begin(), busy_.end(),
                                         [start](const Interval& b) { return b.end <= start; });
    return it != busy_.end() && it->start < end;
  }

  const Rules& rules_;
  LocalClock clock_;
  std::span<const Interval> busy_;
  std::vector<Slot>& out_;
  std::optional<Mode> mode_;
  std::int64_t step_;
  int duration_min_;
  Instant earliest_;
  Instant latest_;
  Instant video_start_ = 0;
  Instant video_end_ = 0;
};

std::size_t estimate(const Rules& rules, const Query& q, int days) {
  const std::size_t weeks = static_cast<std::size_t>(days) / 7 + 1;
  std::size_t n = 0;
  for (const WeeklyRange& r : rules.weekly) {
    if (r.end_min > r.start_min) n += static_cast<std::size_t>(r.end_min - r.start_min) * weeks;
  }
  n /= static_cast<std::size_t>(q.duration_min);
  const std::int64_t step = std::int64_t{q.duration_min} * 60;
  const std::int64_t most = std::int64_t{days} * kDay / step;  // a long extra, seen through days
  for (const Extra& e : rules.extras) {
    n += static_cast<std::size_t>(
        std::clamp<std::int64_t>((e.when.end - e.when.start) / step, 0, most));
  }
  return std::min(n, q.limit);
}

}  // namespace

std::string_view to_string(Mode m) { return m == Mode::video ? "video" : "in_person"; }

std::optional<Mode> parse_mode(std::string_view s) {
  if (s == "video") return Mode::video;
  if (s == "in_person") return Mode::in_person;
  return std::nullopt;
}

std::vector<Interval> merge(std::vector<Interval> v) {
  std::erase_if(v, [](const Interval& i) { return i.start >= i.end; });
  std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  std::size_t kept = 0;
  for (const Interval& i : v) {
    if (kept > 0 && i.start <= v[kept - 1].end) {
      v[kept - 1].end = std::max(v[kept - 1].end, i.end);
    } else {
      v[kept++] = i;
    }
  }
  v.resize(kept);
  return v;
}

std::vector<Slot> compute_slots(const Rules& rules, const Query& q) {
  std::vector<Slot> out;
  if (rules.zone == nullptr || q.duration_min <= 0 || q.days <= 0 || q.limit == 0) return out;

  std::vector<Interval> merged;  // allocated only when the caller did not keep it merged
  std::span<const Interval> busy = rules.unavailable;
  if (!is_merged(rules.unavailable)) {
    merged = merge(rules.unavailable);
    busy = merged;
  }
  Generator gen(rules, q, busy, out);
  if (gen.empty_by_construction()) return out;

  // Days that end before the earliest allowed start contribute nothing.
  LocalDate date = q.from;
  int day = 0;
  const LocalDate first_useful = local_date(gen.earliest(), rules.zone);
  if (first_useful > date) {
    day = days_between(date, first_useful);
    if (day >= q.days) return out;
    date = first_useful;
  }
  const int days_left = q.days - day;
  out.reserve(estimate(rules, q, std::min(days_left, std::max(0, rules.horizon_days) + 1)));

  LocalClock clock(rules.zone);
  int wd = weekday(date);
  Instant day_start = clock.lenient(date, 0);
  for (; day < q.days; ++day) {
    const LocalDate next = add_days(date, 1);
    const Instant day_end = clock.lenient(next, 0);
    if (!gen.add_day(date, wd, day_start, day_end)) break;
    if (out.size() >= q.limit) {
      out.resize(q.limit);
      break;
    }
    date = next;
    wd = wd % 7 + 1;
    day_start = day_end;
  }
  return out;
}

std::vector<Slot> next_slots(const Rules& rules, std::optional<Mode> mode, int duration_min,
                             Instant now, std::size_t n) {
  if (rules.zone == nullptr) return {};
  Query q;
  q.from = local_date(now, rules.zone);
  // The horizon ends at most on the day after now + horizon_days (a short day in March).
  q.days = std::clamp(rules.horizon_days, 0, INT_MAX - 2) + 2;
  q.mode = mode;
  q.duration_min = duration_min;
  q.now = now;
  q.limit = n;
  return compute_slots(rules, q);
}

}  // namespace cabinet::agenda
