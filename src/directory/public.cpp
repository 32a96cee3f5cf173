// The public half of directory::Service: search, a practitioner's page, their slots and photo.
// These are the directory's hottest paths: answers are written as JSON text from fragments
// rendered once per change, and kept for a second (see cached()).
#include <cstdio>

#include "agenda/local_time.hpp"
#include "directory/input.hpp"
#include "directory/json.hpp"
#include "directory/service.hpp"

namespace cabinet::directory {

std::optional<std::string> Service::cached(const std::string& key) const {
  std::lock_guard lock(cache_mutex_);
  auto it = cache_.find(key);
  if (it == cache_.end() || it->second.generation != d_.index.generation() ||
      it->second.expires <= d_.clock.unix_seconds())
    return std::nullopt;
  return it->second.text;
}

void Service::remember(const std::string& key, const std::string& text) const {
  constexpr std::size_t kMaxEntries = 4096;
  std::lock_guard lock(cache_mutex_);
  if (cache_.size() >= kMaxEntries) cache_.clear();  // rare: a crawl of every combination
  cache_[key] = CachedText{d_.index.generation(), d_.clock.unix_seconds() + 1, text};
}

std::string Service::search(const SearchQuery& q, Locale locale) const {
  // Every field of the query, so two different searches never share an answer.
  std::string key = "s\x1f" + q.q + '\x1f' + q.specialty + '\x1f';
  if (q.near)
    key += std::to_string(q.near->lat) + ',' + std::to_string(q.near->lng) + ',' + q.near->label;
  key += '\x1f' + std::to_string(q.radius_km) + (q.video ? "v" : "-") +
         (q.tiers_payant ? "t" : "-") + (q.sort_by_distance ? "d" : "-") +
         (locale == Locale::en ? "en" : "fr") + '\x1f' +
         (q.date ? agenda::format_date(*q.date) : "") + '\x1f' + q.language + '\x1f';
  for (const auto& sector : q.sectors) key += sector + ',';
  key += '\x1f' + std::to_string(q.page) + '/' + std::to_string(q.per_page);
  if (auto hit = cached(key)) return std::move(*hit);
  auto text = render_search(q, locale);
  remember(key, text);
  return text;
}

std::string Service::render_search(const SearchQuery& q, Locale locale) const {
  auto result = d_.index.search(q);
  const std::optional<agenda::Mode> mode =
      q.video ? std::optional(agenda::Mode::video) : std::nullopt;
  std::string out;
  out.reserve(512 + result.items.size() * 1600);
  out += R"({"items":[)";
  bool first = true;
  for (const auto& hit : result.items) {
    if (!first) out += ',';
    first = false;
    out += hit.entry->summary_text[locale == Locale::en ? 1 : 0];
    out += R"(,"distance_km":)";
    if (hit.distance_km) {
      char number[32];
      const int n = std::snprintf(number, sizeof number, "%.1f", *hit.distance_km);
      out.append(number, static_cast<std::size_t>(n));
    } else {
      out += "null";
    }
    out += R"(,"next_slots":)";
    out += q.date ? slots_text(hit.next_slots, hit.entry->rules.zone)
                  : d_.index.next_slots_json(*hit.entry, mode);
    out += '}';
  }
  nlohmann::json near = nullptr;
  if (q.near) {
    near = q.near->place ? place_json(*q.near->place)
                         : nlohmann::json{{"lat", q.near->lat}, {"lng", q.near->lng}};
  }
  out += R"(],"near":)";
  out += near.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out += R"(,"page":)" + std::to_string(q.page) + R"(,"per_page":)" + std::to_string(q.per_page) +
         R"(,"total":)" + std::to_string(result.total) + "}";
  return out;
}

Result<nlohmann::json> Service::practitioner(const std::string& id, Locale locale) const {
  auto e = d_.index.find(id);
  if (!e) return Error(ErrorCode::not_found);
  return profile_json(*e, locale);
}

Result<std::string> Service::slots(const std::string& id, const SlotsQuery& sq) const {
  auto e = d_.index.find(id);
  if (!e) return Error(ErrorCode::not_found);
  auto mode = sq.mode;
  int duration = e->default_duration(mode);
  if (sq.motif_id) {
    const auto* m = e->motif(*sq.motif_id);
    if (m == nullptr) return invalid("motif_id", "Motif inconnu.", "Unknown reason.");
    if (m->mode != "both") {
      const auto motif_mode = agenda::parse_mode(m->mode);
      if (mode && mode != motif_mode)
        return invalid("mode", "Ce motif n’existe pas dans ce mode.",
                       "This reason is not offered in this mode.");
      mode = motif_mode;
    }
    duration = m->duration_min;
  }
  agenda::Query q;
  q.from = sq.from.value_or(agenda::local_date(d_.clock.unix_seconds(), e->rules.zone));
  q.days = sq.days;
  q.mode = mode;
  q.duration_min = duration;
  q.now = d_.clock.unix_seconds();
  const auto key = "t\x1f" + id + '\x1f' + agenda::format_date(q.from) + '\x1f' +
                   std::to_string(q.days) + '\x1f' +
                   (mode ? std::string(agenda::to_string(*mode)) : std::string("any")) + '\x1f' +
                   std::to_string(duration);
  if (auto hit = cached(key)) return std::move(*hit);
  nlohmann::json timezone = e->profile.timezone;
  auto text = R"({"slots":)" + slots_text(agenda::compute_slots(e->rules, q), e->rules.zone) +
              R"(,"timezone":)" + timezone.dump() + "}";
  remember(key, text);
  return text;
}

Task<Result<std::string>> Service::photo(const std::string& id) {
  auto e = d_.index.find(id);
  if (!e || e->profile.photo_version == 0) co_return Error(ErrorCode::not_found);
  auto bytes = co_await store::photo(d_.db, e->profile.account_id);
  if (!bytes) co_return std::move(bytes).error();
  if (!*bytes) co_return Error(ErrorCode::not_found);
  co_return std::move(**bytes);
}

}  // namespace cabinet::directory
