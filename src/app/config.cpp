#include "app/config.hpp"

#include "http/origins.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <cmath>
#include <sstream>

namespace cabinet::app {
namespace {

Error bad(const std::string& what) { return Error(ErrorCode::invalid_request, what); }

// TOML values arrive typed; the key table takes text, so numbers and booleans are printed back.
std::optional<std::string> toml_text(const toml::node& node) {
  if (auto s = node.value<std::string>()) return *s;
  if (node.is_boolean()) return *node.value<bool>() ? "true" : "false";
  if (const auto* i = node.as_integer()) {
    if (i->get() < 0) return std::nullopt;
    return std::to_string(i->get());
  }
  // A whole float (8080.0) counts as that integer. Not through value<int64_t>(): toml++ 3.3
  // casts to int64 before its range check, undefined behaviour for 6e95 (fuzz/README.md).
  if (const auto* f = node.as_floating_point()) {
    const double v = f->get();
    if (!(v >= 0 && v < 9223372036854775808.0) || v != std::floor(v)) return std::nullopt;
    return std::to_string(static_cast<std::int64_t>(v));
  }
  return std::nullopt;
}

void collect_leaves(const toml::table& table, const std::string& prefix,
                    std::vector<std::pair<std::string, const toml::node*>>& out) {
  for (const auto& [key, node] : table) {
    const std::string name =
        prefix.empty() ? std::string(key.str()) : prefix + "." + std::string(key.str());
    if (const auto* sub = node.as_table()) {
      collect_leaves(*sub, name, out);
    } else {
      out.emplace_back(name, &node);
    }
  }
}

}  // namespace

std::string env_name(const std::string& key) {
  std::string out = "CABINET_";
  for (char c : key)
    out.push_back(c == '.' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

namespace {

// Defaults, then the TOML table (when given), then the environment, then the overrides.
Result<Config> build(const toml::table* table, const std::string& source,
                     const std::map<std::string, std::string>& overrides,
                     const std::function<const char*(const char*)>& getenv) {
  Config config;
  auto apply = [&](const std::string& name, const std::string& value,
                   const std::string& origin) -> Result<void> {
    for (const auto& key : keys()) {
      if (key.name != name) continue;
      if (auto r = key.set(config, value); !r) {
        return bad(fmt::format("{}: {} = \"{}\": {}", origin, name, value, r.error().detail));
      }
      return ok();
    }
    return bad(fmt::format("{}: unknown key \"{}\" (see cabinet --help)", origin, name));
  };

  if (table != nullptr) {
    std::vector<std::pair<std::string, const toml::node*>> leaves;
    collect_leaves(*table, "", leaves);
    for (const auto& [name, node] : leaves) {
      auto value = toml_text(*node);
      if (!value) return bad(fmt::format("{}: {} has an unsupported value type", source, name));
      if (auto r = apply(name, *value, source); !r) return r.error();
    }
  }
  for (const auto& key : keys()) {
    if (const char* v = getenv(env_name(key.name).c_str())) {
      if (auto r = apply(key.name, v, env_name(key.name)); !r) return r.error();
    }
  }
  for (const auto& [name, value] : overrides) {
    if (auto r = apply(name, value, "--set"); !r) return r.error();
  }
  if (auto r = check(config); !r) return r.error();
  return config;
}

Error parse_failure(const std::string& source, const toml::parse_error& e) {
  std::ostringstream where;
  where << e.source().begin;
  return bad(fmt::format("{}: {} ({})", source, e.description(), where.str()));
}

}  // namespace

Result<Config> load(const std::string& toml_path,
                    const std::map<std::string, std::string>& overrides,
                    const std::function<const char*(const char*)>& getenv) {
  if (toml_path.empty()) return build(nullptr, toml_path, overrides, getenv);
  toml::table table;
  try {
    table = toml::parse_file(toml_path);
  } catch (const toml::parse_error& e) {
    return parse_failure(toml_path, e);
  }
  return build(&table, toml_path, overrides, getenv);
}

Result<Config> load_text(std::string_view toml_text, const std::string& source) {
  toml::table table;
  try {
    table = toml::parse(toml_text, source);
  } catch (const toml::parse_error& e) {
    return parse_failure(source, e);
  }
  return build(&table, source, {}, [](const char*) -> const char* { return nullptr; });
}

Result<void> check(const Config& c) {
  if (c.notify.email_transport == "smtp" && c.notify.smtp_url.empty()) {
    return bad("notify.email_transport = \"smtp\" needs notify.smtp_url");
  }
  if (c.notify.sms_transport == "http" && c.notify.sms_url.empty()) {
    return bad("notify.sms_transport = \"http\" needs notify.sms_url");
  }
  if (c.notify.lease < std::chrono::seconds(1)) return bad("notify.lease must be at least 1s");
  if (c.consultation.file_max_size > 20UL * 1024 * 1024)
    return bad("consultation.file_max_size must be at most 20MiB");
  if (c.health.file_max_size > 20UL * 1024 * 1024)
    return bad("health.file_max_size must be at most 20MiB");
  if (c.ice.turn_ttl < std::chrono::minutes(1) || c.ice.turn_ttl > std::chrono::hours(1))
    return bad("ice.turn_ttl must be between 1m and 1h");
  if (!c.ice.turn_urls.empty() && c.ice.turn_secret.empty())
    return bad("ice.turn_urls needs ice.turn_secret");
  if (c.security.argon2_memory < 8192) return bad("security.argon2_memory must be at least 8KiB");
  // The development tools (the mailbox with every login code and reset link) answer without a
  // session: only this machine may reach them.
  if (c.mode == "development" && !http::is_loopback_host(c.http.host))
    return bad(
        "mode = \"development\" serves the local mailbox: it needs a loopback http.host "
        "(127.0.0.1 or ::1); use mode = \"production\" to listen on " +
        c.http.host);
  if (c.dev.clock_offset.count() != 0 && c.mode != "development")
    return bad("dev.clock_offset is for tests only: it needs mode = \"development\"");
  return ok();
}

std::string keys_markdown() {
  std::string out = "| key | environment | default | meaning |\n|---|---|---|---|\n";
  for (const auto& k : keys()) {
    out += fmt::format("| `{}` | `{}` | `{}` | {} |\n", k.name, env_name(k.name),
                       k.default_value.empty() ? "\"\"" : k.default_value, k.help);
  }
  return out;
}

std::string keys_text() {
  std::string out;
  for (const auto& k : keys()) {
    out += fmt::format("  {:<28} {}\n  {:<28} default: {}   env: {}\n", k.name, k.help, "",
                       k.default_value.empty() ? "\"\"" : k.default_value, env_name(k.name));
  }
  return out;
}

}  // namespace cabinet::app
