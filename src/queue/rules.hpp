#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace date {
class time_zone;
}

// The queue's pure rules (docs/queue.md): its opening window, who is near whom, the order in
// which practitioners take patients, and the honest estimate of the wait. No I/O: the service
// gives them the facts, the unit tests the cases.
namespace cabinet::queue {

// A daily window in minutes of local time, [start, end); end may be 1440 (midnight).
struct Window {
  int start_min = 7 * 60;
  int end_min = 24 * 60;
};

struct Opening {
  bool open = false;
  std::int64_t opens_at = 0;   // the current window's start when open, else the next one's
  std::int64_t closes_at = 0;  // the end of that window
};
Opening opening(const Window& w, std::int64_t now, const date::time_zone* zone);

// Where someone is, for territoriality (ANS ETHT.01/02; PAY4): near is the same département
// or within `km` kilometres.
struct Place {
  std::string department;
  double lat = 0;
  double lng = 0;
};
double distance_km(const Place& a, const Place& b);
bool near(const Place& a, const Place& b, double km);

// A waiting patient as the ordering sees it.
struct Waiting {
  std::int64_t id = 0;
  std::int64_t joined_at = 0;
  Place place;
};

// The patient a practitioner at `doctor` takes next, FIFO within the territorial rule: the
// oldest patient near them; a patient who is near none of the practitioners on duty (`duty`,
// including this one), or who has waited `near_priority` seconds or more, is anyone's. The
// others are left for a practitioner near them, so that their consultation stays reimbursable.
// `waiting` in queue order (joined_at, id). nullopt: nobody this practitioner should take.
std::optional<std::size_t> next_for(const std::vector<Waiting>& waiting, const Place& doctor,
                                    const std::vector<Place>& duty, std::int64_t now,
                                    std::int64_t near_priority, double km);

// The median of the measured service times (seconds), or `fallback` with fewer than
// `min_samples` of them.
std::int64_t median_service(std::vector<std::int64_t> samples, std::int64_t fallback,
                            std::size_t min_samples = 5);

// The wait of the patient at `position` (1-based) with `on_duty` practitioners whose median
// service time is `service_seconds`: position × service ÷ on duty, shown as a range from 0.7×
// to 1.5× rounded to 5 minutes (never [0, 0]). nullopt when nobody is on duty.
std::optional<std::array<int, 2>> estimate_minutes(int position, int on_duty,
                                                   std::int64_t service_seconds);

// Completed years at `today` (YYYY-MM-DD) of someone born on `birth_date`; 0 when unknown.
int age_on(const std::optional<std::string>& birth_date, const std::string& today);

}  // namespace cabinet::queue
