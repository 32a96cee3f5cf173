// Entries of the directory: built from their rows, with their agenda rules and the text a
// search matches and renders.
#include <charconv>
#include <cmath>
#include <unordered_map>

#include "agenda/holidays.hpp"
#include "agenda/local_time.hpp"
#include "directory/index.hpp"
#include "directory/json.hpp"

namespace cabinet::directory {
namespace {

// What people type for a specialty ("pédiatre" for "Pédiatrie"), searched with its labels.
std::string_view synonyms(std::string_view specialty) {
  static const std::unordered_map<std::string_view, std::string_view> words{
      {"general_medicine", "médecin généraliste généraliste GP family doctor"},
      {"pediatrics", "pédiatre pediatrician"},
      {"gynecology", "gynécologue gynéco gynecologist"},
      {"dermatology", "dermatologue dermato dermatologist"},
      {"psychiatry", "psychiatre psychiatrist"},
      {"ophthalmology", "ophtalmologue ophtalmologiste ophtalmo"},
      {"cardiology", "cardiologue cardiologist"},
      {"ent", "oto-rhino-laryngologiste ORL"},
      {"endocrinology", "endocrinologue diabétologue"},
      {"rheumatology", "rhumatologue"},
      {"gastroenterology", "gastro-entérologue gastro"},
      {"pulmonology", "pneumologue"},
      {"allergology", "allergologue"},
      {"dentistry", "dentiste chirurgien-dentiste dentist"},
      {"midwifery", "sage-femme midwife"},
      {"physiotherapy", "kinésithérapeute kiné physiotherapist"},
      {"psychology", "psychologue psy psychologist"},
      {"dietetics", "diététicien diététicienne nutritionniste dietitian"},
  };
  auto it = words.find(specialty);
  return it == words.end() ? std::string_view() : it->second;
}

// Professions whose members are not addressed as "Dr".
bool titled(std::string_view specialty) {
  return specialty != "midwifery" && specialty != "physiotherapy" && specialty != "psychology" &&
         specialty != "dietetics";
}

}  // namespace

std::string display_name(std::string_view specialty, const std::string& first,
                         const std::string& last) {
  return (titled(specialty) ? "Dr " : "") + first + " " + last;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = std::min(text.find(',', start), text.size());
    auto first = start;
    auto last = end;
    while (first < last && text[first] == ' ') ++first;  // "fr, en" as written in a setting
    while (last > first && text[last - 1] == ' ') --last;
    if (last > first) out.emplace_back(text.substr(first, last - first));
    start = end + 1;
  }
  return out;
}

int Entry::default_duration(std::optional<agenda::Mode> mode) const {
  for (const auto& m : motifs) {
    if (!mode || m.mode == "both" || m.mode == agenda::to_string(*mode)) return m.duration_min;
  }
  return 15;
}

const store::Motif* Entry::motif(std::string_view public_id) const {
  for (const auto& m : motifs)
    if (m.public_id == public_id) return &m;
  return nullptr;
}

agenda::Rules rules_for(const store::Profile& p, const std::vector<store::Hours>& hours,
                        const std::vector<store::Exception>& exceptions,
                        const std::vector<agenda::Interval>& booked, int video_window_start,
                        int video_window_end) {
  agenda::Rules r;
  r.zone = agenda::zone(p.timezone);
  if (r.zone == nullptr) r.zone = agenda::zone("Europe/Paris");
  for (const auto& h : hours) {
    const auto mode = agenda::parse_mode(h.mode);
    if (!mode) continue;
    // Hours of a mode the practitioner no longer offers stay saved but open nothing.
    if ((*mode == agenda::Mode::video && !p.video) ||
        (*mode == agenda::Mode::in_person && !p.in_person))
      continue;
    r.weekly.push_back({h.weekday, h.start_min, h.end_min, *mode});
  }
  for (const auto& e : exceptions) {
    if (e.kind == "extra") {
      const auto mode = e.mode ? agenda::parse_mode(*e.mode) : std::nullopt;
      if (!mode || *mode == agenda::Mode::video) {
        if (p.video) r.extras.push_back({{e.start_at, e.end_at}, agenda::Mode::video});
      }
      if (!mode || *mode == agenda::Mode::in_person) {
        if (p.in_person) r.extras.push_back({{e.start_at, e.end_at}, agenda::Mode::in_person});
      }
    } else {
      r.unavailable.push_back({e.start_at, e.end_at});
    }
  }
  r.unavailable.insert(r.unavailable.end(), booked.begin(), booked.end());
  r.unavailable = agenda::merge(std::move(r.unavailable));
  r.closed_on_public_holidays = p.closed_on_public_holidays;
  r.department = p.department;
  r.min_notice_min = p.min_notice_minutes;
  r.horizon_days = p.horizon_days;
  r.video_window_start_min = video_window_start;
  r.video_window_end_min = video_window_end;
  return r;
}

std::optional<Near> resolve_near(std::string_view text) {
  const auto& communes = geo::Communes::instance();
  if (text.starts_with("c:")) {
    const auto* c = communes.by_code(text.substr(2));
    if (c == nullptr) return std::nullopt;
    geo::Place place{c, c->postcodes.empty() ? std::string() : c->postcodes.front()};
    return Near{c->lat, c->lng, c->name, place};
  }
  if (const auto comma = text.find(','); comma != std::string_view::npos) {
    double lat = 0;
    double lng = 0;
    const auto a = text.substr(0, comma);
    const auto b = text.substr(comma + 1);
    auto [pa, ea] = std::from_chars(a.data(), a.data() + a.size(), lat);
    auto [pb, eb] = std::from_chars(b.data(), b.data() + b.size(), lng);
    if (ea == std::errc() && eb == std::errc() && pa == a.data() + a.size() &&
        pb == b.data() + b.size()) {
      if (!std::isfinite(lat) || !std::isfinite(lng) || lat < -90 || lat > 90 || lng < -180 ||
          lng > 180)
        return std::nullopt;
      return Near{lat, lng, "", std::nullopt};
    }
    // Not two numbers: a place written with a comma, "Lyon, 69003".
  }
  // A postcode ("69003"; shared by several communes, the most populated stands for it) or a
  // place as typed ("Lyon 69003", "Paris 11e"), read as the "Où ?" field reads it.
  const auto places = communes.resolve(text, 1);
  if (places.empty()) return std::nullopt;
  const auto& best = places.front();
  return Near{best.commune->lat, best.commune->lng, best.commune->name + " (" + best.postcode + ")",
              best};
}

std::shared_ptr<Entry> build_entry(store::Profile profile, std::vector<store::Motif> motifs,
                                   std::vector<store::Hours> hours,
                                   std::vector<store::Exception> exceptions,
                                   const std::vector<agenda::Interval>& booked,
                                   const IndexOptions& options) {
  auto e = std::make_shared<Entry>();
  e->rules = rules_for(profile, hours, exceptions, booked, options.video_window_start,
                       options.video_window_end);
  e->open_rules = e->rules;
  if (!booked.empty())
    e->open_rules = rules_for(profile, hours, exceptions, {}, options.video_window_start,
                              options.video_window_end);
  e->specialty = practitioners::find_specialty(profile.specialty);
  if (profile.commune_code) e->commune = geo::Communes::instance().by_code(*profile.commune_code);
  e->name = display_name(profile.specialty, profile.first_name, profile.last_name);
  e->search_name = geo::normalise(profile.first_name + " " + profile.last_name);
  if (e->specialty != nullptr)
    e->search_specialty = geo::normalise(e->specialty->name_fr + " " + e->specialty->name_en + " " +
                                         std::string(synonyms(e->specialty->code)));
  e->languages = split_list(profile.languages);
  e->payment_modes = split_list(profile.payment_modes);
  e->profile = std::move(profile);
  e->motifs = std::move(motifs);
  e->hours = std::move(hours);
  e->exceptions = std::move(exceptions);
  for (const auto locale : {Locale::fr, Locale::en}) {
    auto text =
        summary_json(*e, locale).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text.pop_back();  // the closing brace: the search appends distance and slots
    e->summary_text[locale == Locale::en ? 1 : 0] = std::move(text);
  }
  return e;
}

}  // namespace cabinet::directory
