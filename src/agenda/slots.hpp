#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agenda/local_time.hpp"

// The slot engine: which appointments a practitioner can be booked for, as a pure function of
// the opening rules, what is already taken, and the clock (docs/directory.md, "Rules of the
// slot engine"). It runs for every practitioner on each index rebuild and search page, so it
// allocates only the result (and a merged copy of `unavailable` when that is not kept merged),
// and costs a few comparisons per slot: a few microseconds for a week of 200 slots.
namespace cabinet::agenda {

enum class Mode : std::uint8_t { video, in_person };
std::string_view to_string(Mode m);
std::optional<Mode> parse_mode(std::string_view s);

// Every `weekday` (1 = Monday … 7 = Sunday), wall clock [start_min, end_min), end_min ≤ 1440.
struct WeeklyRange {
  int weekday;
  int start_min;
  int end_min;
  Mode mode;
};

// [start, end) in Unix seconds.
struct Interval {
  Instant start;
  Instant end;
};

// An extra opening (exception to the weekly pattern); it applies on public holidays too.
struct Extra {
  Interval when;
  Mode mode;
};

struct Rules {
  const date::time_zone* zone = nullptr;  // no zone, no slots
  std::vector<WeeklyRange> weekly;
  std::vector<Extra> extras;
  // Absences, blocks and booked appointments, in any order, overlapping or not. Keeping it
  // sorted and disjoint (see merge) saves compute_slots a copy; empty intervals block nothing.
  std::vector<Interval> unavailable;
  bool closed_on_public_holidays = true;
  std::string department = "75";
  int min_notice_min = 0;
  int horizon_days = 60;  // no slot starting at or after now + horizon_days * 24 h
  // The platform's teleconsultation window, local wall clock, every day (24:00 = midnight).
  int video_window_start_min = 7 * 60;
  int video_window_end_min = 24 * 60;
};

struct Slot {
  Instant start;
  Instant end;
  Mode mode;
  bool operator==(const Slot&) const = default;
};

struct Query {
  LocalDate from;  // first local date, in the rules' zone
  int days = 7;
  std::optional<Mode> mode;  // nullopt: both modes
  int duration_min = 15;     // the motif's duration, also the grid step
  Instant now = 0;
  std::size_t limit = SIZE_MAX;  // stop after this many slots ("the next 5 slots")
};

// Slots starting on the local dates [from, from + days), sorted by start then mode, each
// (start, mode) once. A slot of an extra opening belongs to the local date it starts on.
std::vector<Slot> compute_slots(const Rules& rules, const Query& q);

// The first `n` slots from `now` up to the horizon.
std::vector<Slot> next_slots(const Rules& rules, std::optional<Mode> mode, int duration_min,
                             Instant now, std::size_t n);

// Sorts and merges overlapping or adjacent intervals, dropping empty ones.
std::vector<Interval> merge(std::vector<Interval> v);

}  // namespace cabinet::agenda
