#include "settings/service.hpp"

#include <date/tz.h>

#include <optional>

#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "core/log.hpp"

namespace cabinet::settings {
namespace {

constexpr std::size_t kMaxValue = 2000;  // longer than any list of types or specialties
constexpr std::size_t kMaxKeys = 100;    // more than the catalog has

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
  using Text = std::optional<std::string>;
  if (v.is_null()) return Text{};
  if (v.is_string()) {
    auto text = v.get<std::string>();
    if (text.size() > kMaxValue) return refused(key, "Valeur trop longue.", "Value too long.");
    return Text{std::move(text)};
  }
  if (v.is_number_unsigned()) return Text{std::to_string(v.get<std::uint64_t>())};
  if (v.is_number_integer()) return Text{std::to_string(v.get<std::int64_t>())};
  if (v.is_boolean()) return Text{v.get<bool>() ? "true" : "false"};
  return refused(key, "Valeur attendue : du texte, un nombre entier ou null (valeur par défaut).",
                 "Expected text, a whole number or null (the default).");
}

std::optional<std::string> lookup(const Overrides& o, const std::string& key) {
  const auto it = o.find(key);
  if (it == o.end()) return std::nullopt;
  return it->second;
}

nlohmann::json text_or_null(const std::optional<std::string>& v) {
  if (!v) return nullptr;
  return *v;
}

}  // namespace

Service::Service(Deps deps) : d_(std::move(deps)) {}

Overrides Service::usable(const std::vector<store::Override>& rows) const {
  Overrides all;
  for (const auto& row : rows) {
    if (!d_.catalog.knows(row.name)) {
      log::warn("setting ignored: not one this version knows", {{"key", row.name}});
      continue;
    }
    all[row.name] = row.value;
  }
  // One refused key is left out and the others tried again; at most once per key.
  for (std::size_t tries = 0; tries <= rows.size(); ++tries) {
    auto checked = d_.catalog.check(all);
    if (checked) return std::move(*checked);
    const auto field = checked.error().field;
    const auto why = checked.error().detail;
    log::warn("setting ignored: refused", {{"key", field}, {"error", why}});
    if (field.empty() || all.erase(field) == 0) break;
  }
  return {};
}

nlohmann::json Service::get() const {
  const auto state = state_.get();
  nlohmann::json values = nlohmann::json::object();
  nlohmann::json keys = nlohmann::json::array();
  for (const auto& k : d_.catalog.describe(state->overrides)) {
    values[k.key] = k.value;
    const auto when = state->when.find(k.key);
    const bool changed = state->overrides.contains(k.key);
    nlohmann::json changed_at = nullptr;
    if (changed && when != state->when.end()) changed_at = agenda::iso(when->second, paris());
    keys.push_back({{"key", k.key},
                    {"group", k.group},
                    {"value", k.value},
                    {"default", k.default_value},
                    {"changed", changed},
                    {"changed_at", changed_at},
                    {"help", k.help}});
  }
  return {{"version", std::max<std::int64_t>(0, state->version)},
          {"settings", std::move(values)},
          {"keys", std::move(keys)}};
}

Task<Result<nlohmann::json>> Service::patch(const Principal& who, const nlohmann::json& body,
                                            const std::string& ip) {
  // {"settings": {…}} is read like {…}: the shape of GET's answer works too.
  const bool wrapped = body.is_object() && body.size() == 1 && body.contains("settings");
  const nlohmann::json& wanted = wrapped ? body["settings"] : body;
  if (!wanted.is_object() || wanted.empty() || wanted.size() > kMaxKeys)
    co_return Error::invalid("settings", "Indiquez au moins un réglage à changer.",
                             "Give at least one setting to change.");
  const auto state = state_.get();
  Overrides next = state->overrides;
  std::vector<std::string> names;
  for (const auto& [name, raw] : wanted.items()) {
    if (!d_.catalog.knows(name))
      co_return refused(name, "Ce réglage n'existe pas ou ne se change pas ici.",
                        "No such setting, or not one changed here.");
    auto text = value_text(name, raw);
    if (!text) co_return std::move(text).error();
    if (*text)
      next[name] = **text;
    else
      next.erase(name);
    names.push_back(name);
  }
  // All the keys together, as cabinet.toml would be read: one refusal refuses everything.
  auto checked = d_.catalog.check(next);
  if (!checked) {
    auto e = std::move(checked).error();
    if (e.field.empty()) e.field = names.front();
    co_return e;
  }
  std::vector<store::Change> changes;
  nlohmann::json detail = nlohmann::json::object();
  for (const auto& name : names) {
    auto old = lookup(state->overrides, name);
    auto value = lookup(*checked, name);
    if (old == value) continue;
    detail[name] = {{"old", text_or_null(old)}, {"new", text_or_null(value)}};
    changes.push_back(store::Change{name, std::move(old), std::move(value)});
  }
  if (changes.empty()) co_return get();
  std::string object;
  for (const auto& c : changes) object += (object.empty() ? "" : ",") + c.name;
  const auto now = d_.clock.unix_seconds();
  audit::Entry entry;
  entry.actor_account_id = who.account_id;
  entry.actor_role = std::string(to_string(who.role));
  entry.action = "settings.change";
  entry.object = object;
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
  std::map<std::string, std::string> defaults;
  for (const auto& k : d_.catalog.describe({})) defaults[k.key] = k.default_value;
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *rows) {
    const auto fallback = lookup(defaults, r.name);
    items.push_back({{"version", r.version},
                     {"key", r.name},
                     {"old_value", text_or_null(r.old_value ? r.old_value : fallback)},
                     {"new_value", text_or_null(r.new_value ? r.new_value : fallback)},
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
  State next;
  next.overrides = usable(*rows);
  for (const auto& row : *rows) next.when[row.name] = row.updated_at;
  next.version = *version;
  {
    // A PATCH and the loop may both have read a new version: the newest wins, once.
    const std::lock_guard lock(apply_mutex_);
    if (*version <= state_.get()->version) co_return false;
    d_.catalog.apply(next.overrides);
    state_.set(std::move(next));
  }
  log::info("settings applied", {{"version", *version}});
  if (d_.settle) co_await d_.settle();
  co_return true;
}

void Service::start(boost::asio::io_context& io, std::chrono::milliseconds interval) {
  loop_.start(io, interval, "settings refresh", [this]() -> Task<bool> {
    if (auto r = co_await refresh(); !r) {
      const auto why = r.error().detail;
      log::warn("settings not refreshed", {{"error", why}});
    }
    co_return false;
  });
}

void Service::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::settings
