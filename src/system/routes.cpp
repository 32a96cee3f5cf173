#include "system/routes.hpp"

#include "core/log.hpp"
#include "http/local_limit.hpp"
#include "http/origins.hpp"

namespace cabinet::system {
namespace {

using http::Method;
using http::Request;
using http::Response;

Response text(int status, std::string_view content_type, std::string body) {
  Response r;
  r.status = status;
  r.headers.add("Content-Type", content_type);
  r.body = std::move(body);
  return r;
}

// Browsers post either {"csp-report": {...}} (report-uri) or an array of reports (Reporting API).
nlohmann::json first_report(const nlohmann::json& body) {
  if (body.is_object() && body.contains("csp-report")) return body["csp-report"];
  if (body.is_array() && !body.empty() && body[0].is_object() && body[0].contains("body")) {
    return body[0]["body"];
  }
  return body;
}

std::string field(const nlohmann::json& report, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (report.is_object() && report.contains(name) && report[name].is_string()) {
      return report[name].get<std::string>().substr(0, 512);
    }
  }
  return "";
}

// /metrics and /api/v1/version tell an attacker what runs and how busy it is. With a token they
// need it; without one, only this machine's own callers get them (a local Prometheus), and a
// request relayed by a proxy — it carries X-Forwarded-For — is not this machine's own.
bool internal_caller(const Request& request, const std::string& token) {
  if (!token.empty()) return request.headers.get("Authorization").value_or("") == "Bearer " + token;
  return http::is_loopback_host(request.remote_ip) && !request.headers.get("X-Forwarded-For") &&
         !request.headers.get("Forwarded");
}

}  // namespace

void register_routes(http::Router& router, const Deps& deps) {
  // Probed by load balancers many times a second: a constant body, shared, never rebuilt.
  static const auto kHealthy = std::make_shared<const std::string>(R"({"status":"ok"})");
  router.add(Method::get, "/healthz", [](Request&) -> Task<Response> {
    Response r;
    r.headers.add_view("Content-Type", "application/json; charset=utf-8");
    r.shared_body = kHealthy;
    co_return r;
  });

  auto& db = deps.db;
  router.add(Method::get, "/readyz", [&db](Request&) -> Task<Response> {
    auto ping = co_await db.ping();
    if (ping) co_return Response::json(200, {{"status", "ok"}, {"database", "ok"}});
    log::warn("not ready", {{"database", ping.error().detail}});
    co_return Response::json(503, {{"status", "unavailable"}, {"database", "unreachable"}});
  });

  auto& registry = deps.registry;
  router.add(Method::get, "/metrics",
             [&registry, token = deps.metrics_token](Request& request) -> Task<Response> {
               if (!internal_caller(request, token)) {
                 const auto refusal =
                     token.empty() ? ErrorCode::not_found : ErrorCode::unauthorized;
                 co_return Response::error(refusal, request.locale);
               }
               co_return text(200, "text/plain; version=0.0.4; charset=utf-8", registry.render());
             });

  router.add(Method::get, "/api/v1/openapi.json",
             [doc = std::string(deps.openapi_json)](Request&) -> Task<Response> {
               co_return text(200, "application/json", doc);
             });

  router.add(Method::get, "/api/v1/version",
             [version = deps.version, engine = storage::to_string(db.engine()),
              token = deps.metrics_token](Request& request) -> Task<Response> {
               if (!internal_caller(request, token))
                 co_return Response::error(ErrorCode::not_found, request.locale);
               co_return Response::json(200, {{"version", version}, {"database", engine}});
             });

  // A plain GET (no Upgrade header) reaches the router; the server takes real upgrades first.
  router.add(Method::get, "/api/v1/ws", [](Request& request) -> Task<Response> {
    auto response = Response::error(ErrorCode::upgrade_required, request.locale);
    response.headers.add("Upgrade", "websocket");
    co_return response;
  });

  auto& violations = deps.registry.counter(
      "cabinet_csp_violations_total", "Content-Security-Policy violations reported by browsers.");
  // Anyone may post reports, so they are counted in memory, per address and for the node: a
  // flood can neither fill the log nor cost database writes.
  auto per_client = std::make_shared<http::LocalLimiter>(10.0 / 60, 20);
  auto per_node = std::make_shared<http::LocalLimiter>(20, 100, 1);
  router.add(Method::post, "/api/v1/reports/csp",
             [&violations, per_client, per_node](Request& request) -> Task<Response> {
               if (!per_client->allow(request.remote_ip) || !per_node->allow("node")) {
                 auto refused = Response::error(ErrorCode::rate_limited, request.locale);
                 refused.headers.add("Retry-After", "60");
                 co_return refused;
               }
               const auto report = first_report(request.json);
               violations.add();
               log::warn(
                   "csp violation",
                   {{"request_id", request.request_id},
                    {"directive", field(report, {"violated-directive", "effectiveDirective"})},
                    {"blocked", field(report, {"blocked-uri", "blockedURL"})},
                    {"page", field(report, {"document-uri", "documentURL"})}});
               co_return Response::no_content();
             },
             // Browsers send these on their own, without our CSRF header.
             {.body = http::BodyKind::json, .max_body = 16UL * 1024, .csrf = false});
}

void register_realtime(realtime::Hub& hub, const Clock& clock) {
  hub.on(
      "ping",
      [&clock](realtime::Connection& conn, const nlohmann::json&) -> Task<void> {
        const auto ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch())
                .count();
        conn.send(nlohmann::json{{"type", "pong"}, {"time", ms}}.dump());
        co_return;
      },
      realtime::Guests::allowed);
}

}  // namespace cabinet::system
