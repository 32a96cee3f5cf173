#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

// What the statistics count in one period, and how it is shown: counts below the threshold and
// values derived from fewer items than the threshold are suppressed (null, named in the item's
// "suppressed" list) so that no patient can be singled out. Pure: unit-tested.
namespace cabinet::stats {

constexpr std::array<const char*, 5> kDocumentKinds{"report", "prescription", "sick_leave",
                                                    "certificate", "care_sheet"};

struct Figures {
  std::int64_t bookings = 0;
  std::int64_t held = 0;
  std::int64_t no_shows = 0;
  std::int64_t cancelled = 0;
  std::int64_t phone_fallbacks = 0;
  std::int64_t queue_joined = 0;
  std::vector<std::int64_t> queue_waits_s;  // joined to called, in seconds
  std::vector<std::int64_t> durations_s;    // held consultations, started to ended
  std::vector<std::int64_t> setups_ms;      // one per browser report
  std::int64_t calls_reported = 0;          // consultations with at least one report
  std::int64_t calls_relayed = 0;           // … of which one side went through TURN
  std::int64_t audio_only = 0;              // … of which one side cut its video
  std::map<std::string, std::int64_t> documents;
};

// The nearest-rank percentile (p in 0..100) of unsorted values; values must not be empty.
std::int64_t percentile(std::vector<std::int64_t> values, int p);

// The JSON fields of one period or of the totals (without "period").
nlohmann::json figures_json(const Figures& f, std::int64_t threshold);

}  // namespace cabinet::stats
