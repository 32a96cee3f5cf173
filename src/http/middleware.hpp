#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/random.hpp"
#include "http/message.hpp"
#include "metrics/registry.hpp"

namespace cabinet::http {

// A cross-cutting concern applied by the dispatcher to every request (STYLE.md: one place
// each, never copied into handlers). on_request may answer early; on_response runs in reverse
// order on every response, including early answers and errors.
class Middleware {
 public:
  virtual ~Middleware() = default;
  virtual std::optional<Response> on_request(Request& /*request*/) { return std::nullopt; }
  virtual void on_response(const Request& /*request*/, Response& /*response*/) {}
};

// Gives each request an id (the caller's X-Request-Id when it is sane, else a random one),
// echoed in the response and written in every log line about the request.
class RequestIdMiddleware final : public Middleware {
 public:
  explicit RequestIdMiddleware(Random& random) : random_(random) {}
  std::optional<Response> on_request(Request& request) override;
  void on_response(const Request& request, Response& response) override;

 private:
  Random& random_;
};

// French unless Accept-Language prefers English.
class LocaleMiddleware final : public Middleware {
 public:
  std::optional<Response> on_request(Request& request) override;
  void on_response(const Request& request, Response& response) override;
};

struct SecurityHeadersOptions {
  bool hsts = false;  // only when served over HTTPS (directly or behind a TLS proxy)
};

// CSP without inline script, nosniff, frame denial, referrer and permissions policies.
class SecurityHeadersMiddleware final : public Middleware {
 public:
  explicit SecurityHeadersMiddleware(SecurityHeadersOptions options) : options_(options) {}
  void on_response(const Request& request, Response& response) override;

 private:
  SecurityHeadersOptions options_;
};

// One JSON access-log line and one metrics observation per request. The query string is not
// logged: it may carry tokens (cancellation and reset links).
class AccessLogMiddleware final : public Middleware {
 public:
  AccessLogMiddleware(metrics::Registry& registry, bool log_requests)
      : unmatched_(registry.route("unmatched")),
        static_(registry.route("static")),
        log_requests_(log_requests) {}
  void on_response(const Request& request, Response& response) override;

 private:
  metrics::RouteSeries& unmatched_;
  metrics::RouteSeries& static_;
  bool log_requests_;
};

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "font-src 'self'; connect-src 'self'; media-src 'self' blob:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
    "report-uri /api/v1/reports/csp";

}  // namespace cabinet::http
