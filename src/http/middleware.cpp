#include "http/middleware.hpp"

#include <cctype>
#include <cmath>

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
  if (!response.headers.has("Vary")) response.headers.add("Vary", "Accept-Language");
}

void SecurityHeadersMiddleware::on_response(const Request& /*request*/, Response& response) {
  auto& h = response.headers;
  h.set("Content-Security-Policy", std::string(kContentSecurityPolicy));
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  // Links in emails carry tokens; never leak a URL to another site.
  h.set("Referrer-Policy", "no-referrer");
  h.set("Permissions-Policy",
        "camera=(self), microphone=(self), display-capture=(), geolocation=(self), payment=(), "
        "usb=(), interest-cohort=()");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Cross-Origin-Resource-Policy", "same-origin");
  if (options_.hsts) h.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  if (!h.has("Cache-Control")) h.add("Cache-Control", "no-store");
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
  log::info("request", {{"request_id", request.request_id},
                        {"method", method},
                        {"path", request.path},
                        {"route", request.route != nullptr ? request.route->pattern : ""},
                        {"status", response.status},
                        {"bytes", response.body_view().size()},
                        {"ms", std::round(seconds * 100000.0) / 100.0},
                        {"ip", request.remote_ip}});
}

}  // namespace cabinet::http
