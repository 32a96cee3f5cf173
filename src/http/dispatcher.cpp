#include "http/dispatcher.hpp"

#include "core/json_limits.hpp"
#include "core/log.hpp"

namespace cabinet::http {
namespace {

bool is_json_type(std::string_view content_type) {
  auto type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  if (iequals(type, "application/json") || iequals(type, "application/csp-report")) return true;
  constexpr std::string_view kPrefix = "application/";
  constexpr std::string_view kSuffix = "+json";
  return type.size() > kPrefix.size() + kSuffix.size() &&
         iequals(type.substr(0, kPrefix.size()), kPrefix) &&
         iequals(type.substr(type.size() - kSuffix.size()), kSuffix);
}

Response method_not_allowed(const std::vector<Method>& allowed, Locale locale) {
  auto response = Response::error(ErrorCode::method_not_allowed, locale);
  std::string allow;
  for (auto m : allowed) {
    if (!allow.empty()) allow += ", ";
    allow += to_string(m);
  }
  response.headers.add("Allow", allow);
  return response;
}

}  // namespace

Dispatcher::Dispatcher(Router& router, metrics::Registry& registry, std::size_t default_body_limit)
    : router_(router), registry_(registry), default_body_limit_(default_body_limit) {}

void Dispatcher::freeze() {
  for (const auto* route : router_.routes()) {
    if (route->series == nullptr) {
      const_cast<RouteInfo*>(route)->series = &registry_.route(route->pattern);
    }
  }
}

std::size_t Dispatcher::prepare(Request& request) const {
  auto match = router_.match(request.method, request.path);
  request.routed = true;
  request.route = match.route;
  request.params = std::move(match.params);
  request.allowed_methods = std::move(match.allowed);
  if (request.route != nullptr && request.route->options.max_body != 0) {
    return request.route->options.max_body;
  }
  return default_body_limit_;
}

Task<Response> Dispatcher::handle(Request& request) {
  Response response;
  std::size_t ran = 0;
  bool answered = false;
  for (const auto& m : middleware_) {
    ++ran;
    if (auto early = m->on_request(request)) {
      response = std::move(*early);
      answered = true;
      break;
    }
  }
  if (!answered) {
    try {
      response = co_await route(request);
    } catch (const std::exception& e) {
      // The error boundary: a bug or broken infrastructure. The client gets a stable 500, the
      // log gets the details with the request id.
      log::error("unhandled exception",
                 {{"request_id", request.request_id}, {"path", request.path}, {"error", e.what()}});
      response = Response::error(ErrorCode::internal, request.locale);
    }
  }
  for (std::size_t i = ran; i-- > 0;) middleware_[i]->on_response(request, response);
  co_return response;
}

// Login CSRF and cross-site requests: a browser always sends Origin on unsafe requests and
// cannot add a custom header cross-site without a CORS preflight we never grant. The Origin
// must be one the site is served as (scheme, host and port); the request's Host proves nothing.
bool Dispatcher::csrf_ok(const Request& request) const {
  if (request.headers.get("X-Requested-With").value_or("") != "cabinet") return false;
  const auto origin = request.headers.get("Origin");
  return origin && origins_.origin_allowed(*origin);
}

Response Dispatcher::reject(Request& request, const Error& error) {
  for (const auto& m : middleware_) (void)m->on_request(request);
  auto response = Response::error(error, request.locale);
  for (std::size_t i = middleware_.size(); i-- > 0;) middleware_[i]->on_response(request, response);
  return response;
}

Task<Response> Dispatcher::route(Request& request) {
  if (!request.routed) prepare(request);
  if (request.route == nullptr) {
    const bool api = request.path.starts_with("/api/");
    if (!api && fallback_ && (request.method == Method::get || request.method == Method::head)) {
      co_return co_await fallback_(request);
    }
    if (!request.allowed_methods.empty()) {
      co_return method_not_allowed(request.allowed_methods, request.locale);
    }
    co_return Response::error(ErrorCode::not_found, request.locale);
  }
  const RouteInfo& route = *request.route;
  const bool unsafe = request.method != Method::get && request.method != Method::head &&
                      request.method != Method::options;
  if (unsafe && route.options.csrf && !csrf_ok(request)) {
    co_return Response::error(ErrorCode::csrf_rejected, request.locale);
  }
  if (route.options.signed_in) {
    if (!authenticator_) co_return Response::error(ErrorCode::unauthorized, request.locale);
    auto who = co_await identify(request, route.options.guests);
    if (!who) co_return Response::error(who.error(), request.locale);
    if (!*who) co_return Response::error(ErrorCode::unauthorized, request.locale);
    if ((route.options.roles & role_bit((*who)->role)) == 0) {
      co_return Response::error(ErrorCode::forbidden, request.locale);
    }
    request.principal = std::move(**who);
  }

  if (route.options.body == BodyKind::json) {
    if (!is_json_type(request.headers.get("Content-Type").value_or(""))) {
      co_return Response::error(ErrorCode::unsupported_media_type, request.locale);
    }
    if (!json_depth_within(request.body, kMaxJsonDepth)) {
      co_return Response::error(ErrorCode::invalid_json, request.locale);
    }
    request.json = nlohmann::json::parse(request.body, nullptr, false);
    if (request.json.is_discarded())
      co_return Response::error(ErrorCode::invalid_json, request.locale);
  }
  co_return co_await route.handler(request);
}

Task<Result<std::optional<Principal>>> Dispatcher::authenticate(Request& request) {
  co_return co_await identify(request, true);
}

Task<Result<std::optional<Principal>>> Dispatcher::identify(Request& request, bool guests) {
  Result<std::optional<Principal>> who = std::optional<Principal>{};
  if (authenticator_) who = co_await authenticator_->authenticate(request);
  // A session wins; the guest cookie is asked about only when there is none (or it expired),
  // and a database that does not answer is reported as such.
  if (!guests || !guest_authenticator_ || (who && *who)) co_return who;
  if (!who && who.error().code != ErrorCode::session_expired) co_return who;
  auto guest = co_await guest_authenticator_->authenticate(request);
  if (!guest && guest.error().code == ErrorCode::unavailable) co_return guest;
  if (guest && *guest) co_return guest;
  co_return who;
}

}  // namespace cabinet::http
