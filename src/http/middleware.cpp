#include "http/middleware.hpp"

#include <cctype>

#include "core/log.hpp"
#include "http/router.hpp"

namespace cabinet::http {
namespace {

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '-' && c != '_' && c != '.') {
      return false;
    }
  }
  return true;
}

}  // namespace

std::optional<Response> RequestIdMiddleware::on_request(Request& request) {
  auto incoming = request.headers.get("X-Request-Id");
  request.request_id =
      incoming && is_sane_request_id(*incoming) ? std::string(*incoming) : random_hex(random_, 12);
  return std::nullopt;
}

void RequestIdMiddleware::on_response(const Request& request, Response& response) {
  response.headers.set("X-Request-Id", request.request_id);
}

std::optional<Response> LocaleMiddleware::on_request(Request& request) {
  request.locale = parse_accept_language(request.headers.get("Accept-Language").value_or(""));
  return std::nullopt;
}

void LocaleMiddleware::on_response(const Request& /*request*/, Response& response) {
  // Error messages and pages differ by language: caches must keep them apart.
  if (!response.headers.has("Vary")) response.headers.add_view("Vary", "Accept-Language");
}

void SecurityHeadersMiddleware::on_response(const Request& /*request*/, Response& response) {
  // Constants, added as views: no copy on every response. A handler that set one of them
  // (a stricter CSP for a document viewer, say) keeps its own.
  static constexpr std::pair<std::string_view, std::string_view> kHeaders[] = {
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      // Links in emails carry tokens; never leak a URL to another site.
      {"Referrer-Policy", "no-referrer"},
      {"Permissions-Policy",
       "camera=(self), microphone=(self), display-capture=(), geolocation=(self), payment=(), "
       "usb=(), interest-cohort=()"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
  auto& h = response.headers;
  for (const auto& [name, value] : kHeaders) {
    if (!h.has(name)) h.add_view(name, value);
  }
  if (options_.hsts && !h.has("Strict-Transport-Security")) {
    h.add_view("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  if (!h.has("Cache-Control")) h.add_view("Cache-Control", "no-store");
}

void AccessLogMiddleware::on_response(const Request& request, Response& response) {
  const auto elapsed = std::chrono::steady_clock::now() - request.received_at;
  const double seconds = std::chrono::duration<double>(elapsed).count();
  const auto method = to_string(request.method);
  metrics::RouteSeries* series = nullptr;
  if (request.route != nullptr) {
    series = request.route->series;
  } else if (!request.path.starts_with("/api/") && response.status < 400) {
    series = &static_;
  }
  (series != nullptr ? *series : unmatched_).observe(method, response.status, seconds);
  if (!log_requests_) return;
  if (!log::enabled(log::Level::info)) return;
  log::Line("request")
      .add("request_id", request.request_id)
      .add("method", method)
      .add("path", request.path)
      .add("route", request.route != nullptr ? std::string_view(request.route->pattern) : "")
      .add("status", std::int64_t{response.status})
      .add("bytes", static_cast<std::int64_t>(response.body_view().size()))
      .add_fixed("ms", seconds * 1000.0, 2)
      .add("ip", request.remote_ip)
      .write(log::Level::info);
}

}  // namespace cabinet::http
