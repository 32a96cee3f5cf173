#include "directory/seed_data.hpp"

#include <algorithm>

#include "agenda/local_time.hpp"
#include "billing/reimbursement.hpp"

namespace cabinet::directory::seed_data {

std::string luhn_rpps(const std::string& first10) {
  int sum = 0;
  for (std::size_t i = 0; i < first10.size(); ++i) {
    int d = first10[first10.size() - 1 - i] - '0';
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return first10 + std::to_string((10 - sum % 10) % 10);
}

std::string rpps_for(std::uint64_t seed, int n) {
  auto two = std::to_string(seed % 100);
  auto seven = std::to_string(n);
  return luhn_rpps("1" + std::string(2 - two.size(), '0') + two +
                   std::string(7 - std::min<std::size_t>(7, seven.size()), '0') + seven);
}

CommunePicker::CommunePicker() {
  for (const auto& c : geo::Communes::instance().all()) add(c);
}

CommunePicker::CommunePicker(const geo::Commune& centre, double km) {
  for (const auto& c : geo::Communes::instance().all()) {
    if (geo::distance_km(centre.lat, centre.lng, c.lat, c.lng) <= km) add(c);
  }
}

void CommunePicker::add(const geo::Commune& c) {
  if (c.population < 1000 || c.postcodes.empty()) return;
  total_ += c.population;
  cumulative_.emplace_back(total_, &c);
}

namespace {

std::vector<const geo::Commune*> largest_of(std::vector<const geo::Commune*> all, std::size_t n) {
  n = std::min(n, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(),
                    [](const geo::Commune* a, const geo::Commune* b) {
                      return a->population != b->population ? a->population > b->population
                                                            : a->code < b->code;
                    });
  all.resize(n);
  return all;
}

}  // namespace

std::vector<const geo::Commune*> largest_communes(std::size_t n) {
  std::vector<const geo::Commune*> all;
  for (const auto& c : geo::Communes::instance().all()) all.push_back(&c);
  return largest_of(std::move(all), n);
}

std::vector<const geo::Commune*> largest_communes(std::size_t n, const geo::Commune& centre,
                                                  double km) {
  std::vector<const geo::Commune*> near;
  for (const auto& c : geo::Communes::instance().all()) {
    if (geo::distance_km(centre.lat, centre.lng, c.lat, c.lng) <= km) near.push_back(&c);
  }
  return largest_of(std::move(near), n);
}

std::vector<store::Hours> on_call_video_hours() {
  std::vector<store::Hours> out;
  for (int day = 1; day <= 7; ++day) out.push_back({day, "video", 7 * 60, 24 * 60, 0});
  return out;
}

const geo::Commune* CommunePicker::pick(SeededRandom& rng) const {
  const auto target = static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(total_));
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target,
                             [](std::int64_t t, const auto& e) { return t < e.first; });
  return it->second;
}

std::vector<store::Hours> hours_for(SeededRandom& rng, bool video, bool in_person) {
  std::vector<store::Hours> out;
  const bool saturday = rng.chance(30);
  const bool late = rng.chance(40);
  const int morning = rng.chance(50) ? 8 * 60 + 30 : 9 * 60;
  const int closed_day = rng.chance(50) ? 3 : 0;  // many take Wednesday afternoons off
  for (int day = 1; day <= 6; ++day) {
    if (day == 6 && !saturday) continue;
    if (in_person) {
      out.push_back({day, "in_person", morning, 12 * 60, 0});
      if (day != 6 && day != closed_day)
        out.push_back({day, "in_person", 14 * 60, late ? 19 * 60 : 18 * 60, 0});
    }
    if (video && day != 6) {
      out.push_back({day, "video", 12 * 60 + 30, 13 * 60 + 30, 0});
      if (!in_person || late) out.push_back({day, "video", 19 * 60 + 30, 21 * 60, 0});
      if (!in_person) out.push_back({day, "video", morning, 12 * 60, 0});
    }
  }
  return out;
}

std::string tariff_date(std::int64_t now) {
  return agenda::format_date(agenda::local_date(now, agenda::zone("Europe/Paris")));
}

std::vector<store::Motif> motifs_for(SeededRandom& rng, const SpecialtyMix& mix,
                                     const std::string& sector, bool video, bool in_person,
                                     std::string_view date) {
  int price = mix.base_price_cents;
  if (sector == "2" || sector == "2_optam")
    price = price * (130 + static_cast<int>(rng.below(70))) / 100;
  if (sector == "nc") price = price * (180 + static_cast<int>(rng.below(100))) / 100;
  price = (price + 50) / 100 * 100;  // whole euros
  const auto tariff = [&](const char* mode) {
    const auto ceiling =
        sector == "1" ? billing::sector_1_ceiling(mix.code, mode, date) : std::optional<int>();
    return ceiling ? *ceiling : price;
  };
  const int video_price = tariff("video");
  const int office_price = tariff("in_person");
  const int first_len =
      std::string_view(mix.code) == "psychology" || std::string_view(mix.code) == "psychiatry" ? 45
                                                                                               : 20;
  const int follow_len = std::string_view(mix.code) == "psychology"      ? 45
                         : std::string_view(mix.code) == "physiotherapy" ? 30
                                                                         : 15;
  // One motif for both modes only when both cost the same; otherwise video has its own.
  const bool one_price = video_price == office_price;
  const auto mode_of = [&] {
    if (video && in_person) return one_price ? "both" : "in_person";
    return video ? "video" : "in_person";
  };
  const auto price_of = [&](std::string_view mode) {
    return mode == "video" ? video_price : office_price;
  };
  std::vector<store::Motif> out;
  const std::string both = mode_of();
  out.push_back({0, "", 0, "Consultation de suivi", follow_len, both, price_of(both), 1,
                 "Follow-up consultation"});
  const std::string first_mode = in_person ? "in_person" : "video";
  const int first_extra = first_len > follow_len && sector != "1" ? 1000 : 0;
  out.push_back({0, "", 0, "Première consultation", first_len, first_mode,
                 price_of(first_mode) + first_extra, 2, "First consultation"});
  if (video)
    out.push_back(
        {0, "", 0, "Téléconsultation", follow_len, "video", video_price, 3, "Video consultation"});
  if (std::string_view(mix.code) == "general_medicine")
    out.push_back({0, "", 0, "Renouvellement d’ordonnance", 10, both, price_of(both), 4,
                   "Prescription renewal"});
  return out;
}

}  // namespace cabinet::directory::seed_data
