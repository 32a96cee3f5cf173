#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/async.hpp"
#include "core/principal.hpp"
#include "http/message.hpp"

namespace cabinet::metrics {
class RouteSeries;
}

namespace cabinet::http {

using Handler = std::function<Task<Response>(Request&)>;

enum class BodyKind {
  none,  // any body is ignored
  json,  // Content-Type must be JSON; the parsed body is in Request::json
  raw,   // the handler reads Request::body itself (uploads)
};

// Which roles may call a route: a bit per Role.
using RoleMask = std::uint8_t;
constexpr RoleMask role_bit(Role r) {
  return static_cast<RoleMask>(1U << static_cast<unsigned>(r));
}
constexpr RoleMask kAnyRole = 0xff;

struct RouteOptions {
  BodyKind body = BodyKind::none;
  std::size_t max_body = 0;   // 0: the server-wide limit
  bool signed_in = false;     // a valid session is required (401 otherwise)
  RoleMask roles = kAnyRole;  // with signed_in: the roles allowed (403 otherwise)
  // Unsafe methods need the site's Origin and "X-Requested-With: cabinet" (SEC4). Only
  // requests a browser sends on its own (CSP reports) opt out.
  bool csrf = true;
  // With signed_in: a consultation guest's cookie also counts (docs/consultation.md,
  // "Guests"). Only the few routes a guest needs say so; for every other route the guest
  // cookie is no session and the answer is 401.
  bool guests = false;
};

// Shorthands for route declarations.
inline RouteOptions json_body(RouteOptions o = {}) {
  o.body = BodyKind::json;
  return o;
}
inline RouteOptions signed_in(RoleMask roles = kAnyRole, RouteOptions o = {}) {
  o.signed_in = true;
  o.roles = roles;
  return o;
}

// A route a consultation guest may also call (its principal has role guest and a `guest`).
inline RouteOptions guests_too(RouteOptions o) {
  o.guests = true;
  return o;
}

struct RouteInfo {
  Method method = Method::get;
  std::string pattern;  // "/api/v1/practitioners/{id}"
  RouteOptions options;
  Handler handler;
  metrics::RouteSeries* series = nullptr;  // set by the dispatcher, for per-route metrics
};

struct RouteMatch {
  const RouteInfo* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  std::vector<Method> allowed;  // when the path exists but not for this method (405)
};

// Method + path routing over a trie of path segments. "{name}" matches one segment; a literal
// segment wins over a parameter. HEAD falls back to GET.
class Router {
 public:
  Router();
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // Throws std::logic_error on a duplicate or malformed pattern: a wiring bug found at start.
  RouteInfo& add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  [[nodiscard]] RouteMatch match(Method method, std::string_view path) const;
  [[nodiscard]] std::vector<const RouteInfo*> routes() const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
  std::vector<std::unique_ptr<RouteInfo>> routes_;
};

}  // namespace cabinet::http
