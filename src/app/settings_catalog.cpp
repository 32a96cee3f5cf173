#include "app/settings_catalog.hpp"

#include <stdexcept>
#include <utility>

#include "app/config_values.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::app {
namespace {

namespace cv = config_values;

using Getter = std::function<std::string(const Config&)>;

struct Key {
  std::string name;
  std::string group;
  const KeyInfo* info = nullptr;
  Getter get;
};

Getter seconds_of(std::chrono::seconds Config::Booking::*field) {
  return [field](const Config& c) { return cv::format_duration(c.booking.*field); };
}

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (const auto role : roles) {
    if (!out.empty()) out += ",";
    out += to_string(role);
  }
  return out;
}

// The keys with their own getters; the rate limits' getters come with their keys
// (config_limits.cpp).
std::vector<std::pair<std::string, std::pair<std::string, Getter>>> own_keys() {
  return {
      {"agenda.video_window",
       {"teleconsultation",
        [](const Config& c) {
          return cv::format_window(c.agenda.video_window_start, c.agenda.video_window_end);
        }}},
      {"booking.room_opens", {"teleconsultation", seconds_of(&Config::Booking::room_opens)}},
      {"queue.specialties", {"queue", [](const Config& c) { return c.queue.specialties; }}},
      {"queue.hours",
       {"queue",
        [](const Config& c) {
          return cv::format_window(c.queue.hours_start_min, c.queue.hours_end_min);
        }}},
      {"queue.fee_cents",
       {"queue", [](const Config& c) { return std::to_string(c.queue.fee_cents); }}},
      {"queue.price_cents",
       {"queue", [](const Config& c) { return std::to_string(c.queue.price_cents); }}},
      {"health.file_types", {"files", [](const Config& c) { return c.health.file_types; }}},
      {"health.file_max_size",
       {"files", [](const Config& c) { return cv::format_size(c.health.file_max_size); }}},
      {"consultation.file_types",
       {"files", [](const Config& c) { return c.consultation.file_types; }}},
      {"consultation.file_max_size",
       {"files", [](const Config& c) { return cv::format_size(c.consultation.file_max_size); }}},
      {"booking.reminder_day_before",
       {"reminders", seconds_of(&Config::Booking::reminder_day_before)}},
      {"booking.reminder_hours_before",
       {"reminders", seconds_of(&Config::Booking::reminder_hours_before)}},
      {"booking.reminder_link", {"reminders", seconds_of(&Config::Booking::reminder_link)}},
      {"security.password_min_length",
       {"security",
        [](const Config& c) { return std::to_string(c.security.password_min_length); }}},
      {"security.strong_factor_roles",
       {"security", [](const Config& c) { return roles_text(c.security.strong_factor_roles); }}},
  };
}

const KeyInfo* info_of(std::string_view name) {
  for (const auto& k : keys())
    if (k.name == name) return &k;
  return nullptr;
}

std::vector<Key> make_catalog() {
  std::vector<Key> out;
  for (auto& [name, rest] : own_keys()) {
    const auto* info = info_of(name);
    if (info == nullptr) throw std::logic_error("settings: no configuration key " + name);
    out.push_back(Key{name, rest.first, info, std::move(rest.second)});
    // The rate limits sit after the reminders.
    if (name == "booking.reminder_link") {
      for (const auto& k : keys())
        if (k.name.starts_with("limits.") && k.get) out.push_back(Key{k.name, "limits", &k, k.get});
    }
  }
  return out;
}

const std::vector<Key>& catalog() {
  static const std::vector<Key> kCatalog = make_catalog();
  return kCatalog;
}

const Key* find(std::string_view name) {
  for (const auto& k : catalog())
    if (k.name == name) return &k;
  return nullptr;
}

Error refused(const std::string& key, const std::string& why) {
  Error e(ErrorCode::invalid_request, key + ": " + why);
  e.field = key;
  return std::move(e).with_message("Valeur refusée : " + why + ".", "Value refused: " + why + ".");
}

}  // namespace

Result<void> check_live(const Config& config) {
  for (const auto& code : cv::parse_list(config.queue.specialties)) {
    if (practitioners::find_specialty(code) == nullptr) {
      Error e(ErrorCode::invalid_request, "unknown specialty " + code);
      e.field = "queue.specialties";
      return std::move(e).with_message("Spécialité inconnue : " + code + ".",
                                       "Unknown specialty: " + code + ".");
    }
  }
  if (auto r = app::check(config); !r) {
    // app::check's errors start with the key they are about.
    auto e = r.error();
    const auto space = e.detail.find(' ');
    e.field = e.detail.substr(0, space);
    if (find(e.field) == nullptr) e.field.clear();
    return e;
  }
  return ok();
}

SettingsCatalog::SettingsCatalog(Config bootstrap, std::function<void(const Config&)> apply)
    : bootstrap_(std::move(bootstrap)), apply_(std::move(apply)) {}

bool SettingsCatalog::knows(std::string_view key) const { return find(key) != nullptr; }

Result<Config> SettingsCatalog::with(const settings::Overrides& overrides) const {
  Config c = bootstrap_;
  for (const auto& [name, value] : overrides) {
    const auto* key = find(name);
    if (key == nullptr) {
      Error e(ErrorCode::invalid_request, name + ": not a live setting");
      e.field = name;
      return std::move(e).with_message("Ce réglage n'existe pas ou ne se change pas ici.",
                                       "No such setting, or not one changed here.");
    }
    if (auto r = key->info->set(c, value); !r) return refused(name, r.error().detail);
  }
  if (auto r = check_live(c); !r) return r.error();
  return c;
}

std::vector<settings::KeyState> SettingsCatalog::describe(
    const settings::Overrides& overrides) const {
  auto current = with(overrides);
  const Config& c = current ? *current : bootstrap_;
  std::vector<settings::KeyState> out;
  for (const auto& k : catalog())
    out.push_back({k.name, k.group, k.get(c), k.get(bootstrap_), k.info->help});
  return out;
}

Result<settings::Overrides> SettingsCatalog::check(const settings::Overrides& overrides) const {
  auto c = with(overrides);
  if (!c) return std::move(c).error();
  settings::Overrides canonical;
  for (const auto& [name, value] : overrides) canonical[name] = find(name)->get(*c);
  return canonical;
}

void SettingsCatalog::apply(const settings::Overrides& overrides) {
  auto c = with(overrides);
  apply_(c ? *c : bootstrap_);
}

}  // namespace cabinet::app
