#include "settings/service.hpp"

#include <date/tz.h>

#include <map>
#include <optional>

#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "core/log.hpp"
#include "settings/catalog.hpp"

namespace cabinet::settings {
namespace {

constexpr std::size_t kMaxValue = 2000;  // longer than any list of types or specialties

const date::time_zone* paris() {
  static const auto* const kZone = date::locate_zone("Europe/Paris");
  return kZone;
}

Error refused(const std::string& key, std::string fr, std::string en) {
  Error e(ErrorCode::invalid_request, key + ": " + en);
  e.field = key;
  return std::move(e).with_message(std::move(fr), std::move(en));
}

// The request's value as the configuration's text; nullopt for null (the default).
Result<std::optional<std::string>> value_text(const std::string& key, const nlohmann::json& v) {
  if (v.is_null()) return std::optional<std::string>{};
  if (v.is_string()) {
    auto text = v.get<std::string>();
    if (text.size() > kMaxValue)
      return refused(key, "Valeur trop longue.", "Value too long.");
    return std::optional<std::string>{std::move(text)};
  }
  if (v.is_number_unsigned()) return std::optional<std::string>{std::to_string(v.get<std::uint64_t>())};
  if (v.is_number_integer()) return std::optional<std::string>{std::to_string(v.get<std::int64_t>())};
  if (v.is_boolean()) return std::optional<std::string>{v.get<bool>() ? "true" : "false"};
  return refused(key, "Valeur attendue : du texte, un nombre entier ou null (valeur par défaut).",
                 "Expected text, a whole number or null (the default).");
}

std::optional<std::string> override_of(const std::vector<store::Override>& rows,
                                       const std::string& key) {
  for (const auto& r : rows)
    if (r.name == key) return r.value;
  return std::nullopt;
}

}  // namespace

Service::Service(Deps deps) : d_(std::move(deps)) {
  state_.set(State{std::make_shared<const app::Config>(d_.bootstrap), {}, -1});
}

app::Config Service::effective(const std::vector<store::Override>& rows) const {
  app::Config c = d_.bootstrap;
  for (const auto& row : rows) {
    const auto* key = find(row.name);
    if (key == nullptr) {
      log::warn("setting ignored: not one this version knows", {{"key", row.name}});
      continue;
    }
    app::Config tried = c;
    if (auto r = key->info->set(tried, row.value); !r) {
      log::warn("setting ignored: refused", {{"key", row.name}, {"error", r.error().detail}});
      continue;
    }
    c = std::move(tried);
  }
  if (auto r = settings::check(c); !r) {
    const auto why = r.error().detail;
    log::warn("settings ignored: refused together", {{"error", why}});
    return d_.bootstrap;
  }
  return c;
}

nlohmann::json Service::get() const {
  const auto state = state_.get();
  nlohmann::json values = nlohmann::json::object();
  nlohmann::json keys = nlohmann::json::array();
  for (const auto& k : catalog()) {
    const auto value = k.get(*state->config);
    values[k.name] = value;
    nlohmann::json item{{"key", k.name},
                        {"group", k.group},
                        {"value", value},
                        {"default", k.get(d_.bootstrap)},
                        {"changed", false},
                        {"changed_at", nullptr},
                        {"help", k.info->help}};
    for (const auto& row : state->overrides) {
      if (row.name != k.name) continue;
      item["changed"] = true;
      item["changed_at"] = agenda::iso(row.updated_at, paris());
    }
    keys.push_back(std::move(item));
  }
  return {{"version", std::max<std::int64_t>(0, state->version)},
          {"settings", std::move(values)},
          {"keys", std::move(keys)}};
}

Task<Result<nlohmann::json>> Service::patch(const Principal& who, const nlohmann::json& body,
                                            const std::string& ip) {
  // {"settings": {…}} is read like {…}: the shape of GET's answer works too.
  const auto& wanted =
      body.is_object() && body.size() == 1 && body.contains("settings") ? body["settings"] : body;
  if (!wanted.is_object() || wanted.empty())
    co_return Error::invalid("settings", "Indiquez au moins un réglage à changer.",
                             "Give at least one setting to change.");
  const auto state = state_.get();
  app::Config next = *state->config;
  std::map<std::string, std::optional<std::string>> values;  // nullopt: back to the default
  for (const auto& [name, raw] : wanted.items()) {
    const auto* key = find(name);
    if (key == nullptr)
      co_return refused(name, "Ce réglage n'existe pas ou ne se change pas ici.",
                        "No such setting, or not one changed here.");
    auto text = value_text(name, raw);
    if (!text) co_return std::move(text).error();
    const auto applied = text->value_or(key->get(d_.bootstrap));
    if (auto r = key->info->set(next, applied); !r)
      co_return refused(name, "Valeur refusée : " + r.error().detail + ".",
                        "Value refused: " + r.error().detail + ".");
    // Stored as the loader reads it back ("5 MiB" typed, "5MiB" kept).
    values[name] = *text ? std::optional<std::string>(key->get(next)) : std::nullopt;
  }
  if (auto r = settings::check(next); !r) {
    auto e = r.error();
    if (e.field.empty()) e.field = values.begin()->first;
    co_return e;
  }
  std::vector<store::Change> changes;
  nlohmann::json detail = nlohmann::json::object();
  for (const auto& [name, value] : values) {
    auto old = override_of(state->overrides, name);
    if (old == value) continue;
    detail[name] = {{"old", old ? nlohmann::json(*old) : nlohmann::json(nullptr)},
                    {"new", value ? nlohmann::json(*value) : nlohmann::json(nullptr)}};
    changes.push_back(store::Change{name, std::move(old), value});
  }
  if (changes.empty()) co_return get();
  std::string names;
  for (const auto& c : changes) names += (names.empty() ? "" : ",") + c.name;
  const auto now = d_.clock.unix_seconds();
  audit::Entry entry;
  entry.actor_account_id = who.account_id;
  entry.actor_role = std::string(to_string(who.role));
  entry.action = "settings.change";
  entry.object = names;
  entry.ip = ip;
  entry.detail = detail.dump();
  auto written = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto version = co_await store::apply(tx, changes, who.account_id, now);
    if (!version) co_return std::move(version).error();
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!written) co_return std::move(written).error();
  // This node at once; the others at their next look at the version.
  if (auto r = co_await refresh(); !r) co_return std::move(r).error();
  co_return get();
}

Task<Result<nlohmann::json>> Service::history(std::int64_t limit) const {
  auto rows = co_await store::history(d_.db, limit);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows) {
    const auto* key = find(r.name);
    const auto fallback = key ? nlohmann::json(key->get(d_.bootstrap)) : nlohmann::json(nullptr);
    items.push_back({{"version", r.version},
                     {"key", r.name},
                     {"old_value", r.old_value ? nlohmann::json(*r.old_value) : fallback},
                     {"new_value", r.new_value ? nlohmann::json(*r.new_value) : fallback},
                     {"old_default", !r.old_value.has_value()},
                     {"new_default", !r.new_value.has_value()},
                     {"by", r.email},
                     {"at", agenda::iso(r.changed_at, paris())}});
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<bool>> Service::refresh() {
  auto version = co_await store::version(d_.db);
  if (!version) co_return std::move(version).error();
  if (*version == state_.get()->version) co_return false;
  auto rows = co_await store::overrides(d_.db);
  if (!rows) co_return std::move(rows).error();
  auto config = std::make_shared<const app::Config>(effective(*rows));
  {
    // A PATCH and the loop may both have read a new version: the newest wins, once.
    const std::lock_guard lock(apply_mutex_);
    if (*version <= state_.get()->version) co_return false;
    d_.apply(*config);
    state_.set(State{config, std::move(*rows), *version});
  }
  log::info("settings applied", {{"version", *version}});
  if (d_.settle) co_await d_.settle();
  co_return true;
}

void Service::start(boost::asio::io_context& io, std::chrono::milliseconds interval) {
  loop_.start(io, interval, "settings refresh", [this]() -> Task<bool> {
    if (auto r = co_await refresh(); !r)
      log::warn("settings not refreshed", {{"error", r.error().detail}});
    co_return false;
  });
}

void Service::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::settings
