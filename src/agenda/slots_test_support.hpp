#pragma once

// The helpers of the slot tests (slots_test.cpp, slots_calendar_test.cpp): instants in Paris,
// typical weekly rules, queries from a given day, and what a list of slots must look like.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "agenda/slots.hpp"

namespace cabinet::agenda::slots_testing {

inline const date::time_zone* paris() { return zone("Europe/Paris"); }

inline LocalDate day(std::string_view iso_date) { return parse_date(iso_date).value(); }

inline Instant at(std::string_view local, const date::time_zone* z = paris()) {
  return parse_local_datetime(local, z).value();
}

// Monday to Friday, 09:00–12:00 and 14:00–18:00, in person.
inline Rules office(const date::time_zone* z = paris()) {
  Rules r;
  r.zone = z;
  for (int wd = 1; wd <= 5; ++wd) {
    r.weekly.push_back({wd, 9 * 60, 12 * 60, Mode::in_person});
    r.weekly.push_back({wd, 14 * 60, 18 * 60, Mode::in_person});
  }
  return r;
}

// One range, every day of the week.
inline Rules every_day(int start_min, int end_min, Mode mode = Mode::in_person) {
  Rules r;
  r.zone = paris();
  for (int wd = 1; wd <= 7; ++wd) r.weekly.push_back({wd, start_min, end_min, mode});
  return r;
}

inline Query days_from(std::string_view first, int days, int duration_min = 30) {
  Query q;
  q.from = day(first);
  q.days = days;
  q.duration_min = duration_min;
  q.now = at(std::string(first) + "T00:00") - 86400;  // the day before: nothing is too soon
  return q;
}

inline std::vector<std::string> starts(const std::vector<Slot>& slots, const date::time_zone* z) {
  std::vector<std::string> out;
  out.reserve(slots.size());
  for (const Slot& s : slots) out.push_back(iso(s.start, z));
  return out;
}

inline std::vector<Slot> on(const std::vector<Slot>& slots, std::string_view date,
                            const date::time_zone* z = paris()) {
  std::vector<Slot> out;
  for (const Slot& s : slots) {
    if (format_date(local_date(s.start, z)) == date) out.push_back(s);
  }
  return out;
}

// Sorted by start, no two with the same start and mode, no two of a mode overlapping.
inline void expect_well_formed(const std::vector<Slot>& slots, int duration_min) {
  for (std::size_t i = 0; i < slots.size(); ++i) {
    EXPECT_EQ(slots[i].end - slots[i].start, duration_min * 60);
    for (std::size_t j = i + 1; j < slots.size(); ++j) {
      EXPECT_TRUE(slots[i].start < slots[j].start ||
                  (slots[i].start == slots[j].start && slots[i].mode < slots[j].mode));
      if (slots[i].mode == slots[j].mode) {
        EXPECT_LE(slots[i].end, slots[j].start) << "overlap at " << iso(slots[j].start, paris());
      }
    }
  }
}

}  // namespace cabinet::agenda::slots_testing
