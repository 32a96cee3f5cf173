#include <regex>

#include "fixture.hpp"

namespace cabinet::test {
namespace {

using HttpServerTest = ServerTest;

TEST_P(HttpServerTest, HealthReadinessAndVersion) {
  auto health = http().get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  EXPECT_EQ(health.header("Content-Type"), "application/json; charset=utf-8");

  auto ready = http().get("/readyz");
  EXPECT_EQ(ready.status, 200);
  EXPECT_EQ(ready.json()["database"], "ok");

  auto version = http().get("/api/v1/version");
  EXPECT_EQ(version.json()["database"], storage::to_string(GetParam()));
}

TEST_P(HttpServerTest, MalformedJsonGetsA400JsonErrorInFrenchOrEnglish) {
  auto fr = http().post_json("/api/v1/reports/csp", "{\"csp-report\": ");
  EXPECT_EQ(fr.status, 400);
  EXPECT_EQ(fr.json()["error"]["code"], "invalid_json");
  EXPECT_EQ(fr.json()["error"]["message"], "Le corps de la requête n'est pas un JSON valide.");

  auto en =
      http().post_json("/api/v1/reports/csp", "nope", {{"Accept-Language", "en-US,en;q=0.9"}});
  EXPECT_EQ(en.status, 400);
  EXPECT_EQ(en.json()["error"]["message"], "The request body is not valid JSON.");
}

TEST_P(HttpServerTest, ATenMegabyteBodyGetsA413AndTheServerKeepsServing) {
  const std::string ten_mb(10 * 1024 * 1024, 'x');
  auto r = http().post_json("/api/v1/reports/csp", ten_mb);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.json()["error"]["code"], "payload_too_large");
  EXPECT_TRUE(r.connection_closed);
  // Without Content-Length (chunked), the limit still holds while reading.
  std::string chunked =
      "POST /api/v1/reports/csp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "100000\r\n" + std::string(0x100000, 'y') + "\r\n";
  chunked += "0\r\n\r\n";
  EXPECT_EQ(http().raw(chunked).status, 413);
  EXPECT_EQ(http().get("/healthz").status, 200);
}

TEST_P(HttpServerTest, UnknownApiRouteIsA404JsonAndAWrongMethodA405) {
  auto r = http().get("/api/v1/does-not-exist");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.json()["error"]["code"], "not_found");
  auto m = http().request("DELETE", "/api/v1/reports/csp");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.header("Allow"), "POST");
  EXPECT_EQ(m.json()["error"]["code"], "method_not_allowed");
}

TEST_P(HttpServerTest, BadInputNeverGetsA5xx) {
  auto wrong_type =
      http().request("POST", "/api/v1/reports/csp", "a=b", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(wrong_type.status, 415);
  auto deep = http().post_json("/api/v1/reports/csp", std::string(15000, '['));
  EXPECT_EQ(deep.status, 400);
  EXPECT_EQ(deep.json()["error"]["code"], "invalid_json");
  auto bad_escape = http().raw("GET /api/v1/%zz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(bad_escape.status, 400);
  EXPECT_EQ(bad_escape.json()["error"]["code"], "invalid_request");
  auto garbage = http().raw("THIS IS NOT HTTP\r\n\r\n");
  EXPECT_EQ(garbage.status, 400);
  EXPECT_EQ(garbage.json()["error"]["code"], "invalid_request");
  auto huge_header = http().raw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(20000, 'h') + "\r\n\r\n");
  EXPECT_EQ(huge_header.status, 431);
  EXPECT_EQ(http().get("/healthz").status, 200);
}

TEST_P(HttpServerTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const auto& r : {http().get("/healthz"), http().get("/api/v1/nope"), http().get("/")}) {
    const auto csp = r.header("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos);
    EXPECT_NE(csp.find("script-src 'self';"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos);
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(r.header("X-Frame-Options"), "DENY");
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer");
    EXPECT_NE(r.header("Permissions-Policy").find("camera=(self)"), std::string::npos);
    EXPECT_FALSE(r.header("X-Request-Id").empty());
  }
}

TEST_P(HttpServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  for (int i = 0; i < 25; ++i) ASSERT_EQ(http().get("/healthz").status, 200);
  EXPECT_EQ(http().connections_opened(), 1);
}

TEST_P(HttpServerTest, HeadAnswersLikeGetWithoutABody) {
  auto r = http().request("HEAD", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(r.body.empty());
  EXPECT_EQ(r.header("Content-Length"), "15");
  EXPECT_EQ(http().get("/healthz").body, R"({"status":"ok"})");  // the connection is still in step
}

TEST_P(HttpServerTest, ServesTheWebAppWithCachingAndClientSideRoutes) {
  auto index = http().get("/");
  EXPECT_EQ(index.status, 200);
  EXPECT_NE(index.body.find("<title>Cabinet</title>"), std::string::npos);
  EXPECT_EQ(index.header("Cache-Control"), "no-cache");
  const auto etag = index.header("ETag");
  EXPECT_EQ(http().get("/", {{"If-None-Match", etag}}).status, 304);

  auto route = http().get("/praticien/agenda");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, index.body);
  EXPECT_EQ(http().get("/recherche").status, 200);

  // A path the app's router does not know: the app (its "Page introuvable"), as a 404.
  auto unknown = http().get("/nimporte-quoi");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body, index.body);
  EXPECT_EQ(unknown.header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(unknown.header("Content-Security-Policy").find("script-src 'self'"), std::string::npos);

  auto asset = http().get("/assets/app-4f3c2a.js");
  EXPECT_EQ(asset.header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.header("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(http().get("/assets/missing-000000.js").status, 404);
}

TEST_P(HttpServerTest, RequestIdIsEchoedAndLoggedWithTheRequest) {
  auto r = http().get("/healthz", {{"X-Request-Id", "trace-42"}});
  EXPECT_EQ(r.header("X-Request-Id"), "trace-42");
  EXPECT_TRUE(server().wait_for_log([](const nlohmann::json& line) {
    return line.value("msg", "") == "request" && line.value("request_id", "") == "trace-42" &&
           line.value("status", 0) == 200 && line.value("route", "") == "/healthz";
  }));
}

TEST_P(HttpServerTest, CspReportsAreAcceptedLoggedAndCounted) {
  auto r =
      http().request("POST", "/api/v1/reports/csp",
                     R"({"csp-report":{"violated-directive":"script-src","blocked-uri":"inline"}})",
                     {{"Content-Type", "application/csp-report"}});
  EXPECT_EQ(r.status, 204);
  EXPECT_TRUE(server().wait_for_log([](const nlohmann::json& line) {
    return line.value("msg", "") == "csp violation" && line.value("directive", "") == "script-src";
  }));
  EXPECT_NE(http().get("/metrics").body.find("cabinet_csp_violations_total 1"), std::string::npos);
}

TEST_P(HttpServerTest, MetricsCoverRoutesStatusesAndThePool) {
  http().get("/healthz");
  http().get("/api/v1/nope");
  const auto text = http().get("/metrics").body;
  EXPECT_NE(
      text.find(R"(cabinet_http_requests_total{method="GET",route="/healthz",status="200"} 1)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"(cabinet_http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          R"(cabinet_http_request_duration_seconds_bucket{method="GET",route="/healthz",status="200",le="+Inf"} 1)"),
      std::string::npos);
  EXPECT_NE(text.find("cabinet_websocket_connections 0"), std::string::npos);  // websocket_test
  EXPECT_NE(text.find(R"(cabinet_db_pool_connections{state="in_use"})"), std::string::npos);
  // Its value depends on the start-up jobs (index load, booking jobs, courier) still running on
  // the pool at the moment of the scrape: the series must be there, with a count.
  EXPECT_TRUE(std::regex_search(text, std::regex("\ncabinet_db_pool_waiting [0-9]+\n"))) << text;
}

TEST_P(HttpServerTest, MetricsCanRequireAToken) {
  server({"metrics.token=s3cret"});
  EXPECT_EQ(http().get("/metrics").status, 401);
  EXPECT_EQ(http().get("/metrics", {{"Authorization", "Bearer s3cret"}}).status, 200);
}

TEST_P(HttpServerTest, ServesItsOwnApiDescription) {
  auto r = http().get("/api/v1/openapi.json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["openapi"], "3.1.0");
  EXPECT_TRUE(r.json()["paths"].contains("/healthz"));
}

INSTANTIATE_TEST_SUITE_P(Engines, HttpServerTest, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
