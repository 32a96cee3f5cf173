#include "queue/rules.hpp"

#include <date/tz.h>
#include <algorithm>
#include <cmath>

namespace cabinet::queue {

Opening opening(const Window& w, std::int64_t now, const date::time_zone* zone) {
  using namespace std::chrono;
  const auto local = zone->to_local(sys_seconds{seconds{now}});
  const auto day = floor<date::days>(local);
  // Today's window, then tomorrow's: the instants come from the zone, so a DST day has the
  // right length.
  for (int d = -1; d <= 1; ++d) {
    const auto base = day + date::days{d};
    const auto start = zone->to_sys(base + minutes{w.start_min}, date::choose::earliest);
    const auto end = zone->to_sys(base + minutes{w.end_min}, date::choose::earliest);
    const auto s = start.time_since_epoch().count();
    const auto e = end.time_since_epoch().count();
    if (now < e && d >= 0) return Opening{now >= s, s, e};
    if (now >= s && now < e) return Opening{true, s, e};
  }
  return Opening{};
}

double distance_km(const Place& a, const Place& b) {
  constexpr double kRadius = 6371.0;
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  const double dlat = (b.lat - a.lat) * kRad;
  const double dlng = (b.lng - a.lng) * kRad;
  const double h =
      std::sin(dlat / 2) * std::sin(dlat / 2) +
      std::cos(a.lat * kRad) * std::cos(b.lat * kRad) * std::sin(dlng / 2) * std::sin(dlng / 2);
  return 2 * kRadius * std::asin(std::min(1.0, std::sqrt(h)));
}

bool near(const Place& a, const Place& b, double km) {
  if (!a.department.empty() && a.department == b.department) return true;
  return distance_km(a, b) <= km;
}

std::optional<std::size_t> next_for(const std::vector<Waiting>& waiting, const Place& doctor,
                                    const std::vector<Place>& duty, std::int64_t now,
                                    std::int64_t near_priority, double km) {
  for (std::size_t i = 0; i < waiting.size(); ++i) {
    const auto& w = waiting[i];
    if (near(w.place, doctor, km)) return i;
    if (now - w.joined_at >= near_priority) return i;
    const bool someone_near =
        std::any_of(duty.begin(), duty.end(), [&](const Place& p) { return near(w.place, p, km); });
    if (!someone_near) return i;
  }
  return std::nullopt;
}

std::int64_t median_service(std::vector<std::int64_t> samples, std::int64_t fallback,
                            std::size_t min_samples) {
  if (samples.size() < min_samples || samples.empty()) return fallback;
  const auto mid = samples.begin() + static_cast<std::ptrdiff_t>(samples.size() / 2);
  std::nth_element(samples.begin(), mid, samples.end());
  if (samples.size() % 2 == 1) return *mid;
  const auto upper = *mid;
  const auto lower = *std::max_element(samples.begin(), mid);
  return (lower + upper) / 2;
}

std::optional<std::array<int, 2>> estimate_minutes(int position, int on_duty,
                                                   std::int64_t service_seconds) {
  if (on_duty <= 0 || position <= 0) return std::nullopt;
  const double centre = static_cast<double>(position) * static_cast<double>(service_seconds) /
                        60.0 / static_cast<double>(on_duty);
  int low = static_cast<int>(std::floor(centre * 0.7 / 5.0)) * 5;
  int high = static_cast<int>(std::ceil(centre * 1.5 / 5.0)) * 5;
  high = std::max(high, 5);
  low = std::min(low, high - 5);
  return std::array<int, 2>{std::max(low, 0), high};
}

int age_on(const std::optional<std::string>& birth_date, const std::string& today) {
  if (!birth_date || birth_date->size() != 10 || today.size() != 10) return 0;
  auto number = [](const std::string& s) {
    int n = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return 0;
      n = n * 10 + (c - '0');
    }
    return n;
  };
  int age = number(today.substr(0, 4)) - number(birth_date->substr(0, 4));
  if (today.substr(5) < birth_date->substr(5)) --age;
  return std::max(0, age);
}

}  // namespace cabinet::queue
