#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cabinet::http {

// Whether `path` is one of the web app's pages. The patterns are the client router's
// (web/src/lib/routes.ts: "/recherche", "/praticien/:id", "/consultation/:id/test"), and a path
// matches as preact-iso's router matches it, so that the server answers 404 exactly where the
// app shows its "Page introuvable": empty segments are ignored (a trailing slash matches),
// literals compare case-sensitively, ":name" takes one segment, ":name?" zero or one,
// ":name+" one or more, ":name*" and a literal "*" the rest. web/src/lib/route-cases.json holds
// examples that both this matcher and the router are tested against.
[[nodiscard]] bool route_matches(std::string_view pattern, std::string_view path);

class AppRoutes {
 public:
  // The build's routes.json: {"routes": ["/", "/recherche", "/praticien/:id", ...]}. nullopt when
  // it is not that shape.
  [[nodiscard]] static std::optional<AppRoutes> parse(std::string_view json);

  explicit AppRoutes(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {}

  [[nodiscard]] bool matches(std::string_view path) const;
  [[nodiscard]] std::size_t size() const { return patterns_.size(); }

 private:
  std::vector<std::string> patterns_;
};

}  // namespace cabinet::http
