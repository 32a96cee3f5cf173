#include "http/app_routes.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace cabinet::http {
namespace {

// The non-empty segments of a path, as the router's split('/').filter(Boolean) gives them.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    const auto slash = path.find('/');
    const auto part = path.substr(0, slash);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace

bool route_matches(std::string_view pattern, std::string_view path) {
  const auto route = segments(pattern);
  const auto url = segments(path);
  for (std::size_t i = 0; i < std::max(route.size(), url.size()); ++i) {
    const std::string_view r = i < route.size() ? route[i] : std::string_view{};
    const bool has_value = i < url.size();
    const bool param = r.starts_with(':');
    char flag = 0;
    std::string_view name = param ? r.substr(1) : r;
    if (!name.empty() && (name.back() == '?' || name.back() == '+' || name.back() == '*')) {
      flag = name.back();
      name.remove_suffix(1);
    }
    if (!param) {
      // A literal compares without its flag; "*" (or "name*" with another value) takes the rest.
      if (has_value && name == url[i]) continue;
      if (has_value && flag == '*') return true;
      return false;
    }
    if (!has_value && flag != '?' && flag != '*') return false;
    if (flag == '+' || flag == '*') return true;
  }
  return true;
}

std::optional<AppRoutes> AppRoutes::parse(std::string_view json) {
  const auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object() || !doc.contains("routes") || !doc["routes"].is_array()) return std::nullopt;
  std::vector<std::string> patterns;
  for (const auto& r : doc["routes"]) {
    if (!r.is_string() || !r.get_ref<const std::string&>().starts_with('/')) return std::nullopt;
    patterns.push_back(r.get<std::string>());
  }
  if (patterns.empty()) return std::nullopt;
  return AppRoutes(std::move(patterns));
}

bool AppRoutes::matches(std::string_view path) const {
  for (const auto& p : patterns_) {
    if (route_matches(p, path)) return true;
  }
  return false;
}

}  // namespace cabinet::http
