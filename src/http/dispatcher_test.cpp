#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>

#include "core/block_on.hpp"
#include "core/random.hpp"

namespace cabinet::http {
namespace {

// Handler tests without sockets: the dispatcher is driven directly.
class DispatcherTest : public testing::Test {
 protected:
  DispatcherTest() : dispatcher_(router_, registry_, 1024) {
    dispatcher_.use(std::make_shared<RequestIdMiddleware>(random_));
    dispatcher_.use(std::make_shared<AccessLogMiddleware>(registry_, false));
    dispatcher_.use(std::make_shared<LocaleMiddleware>());
    dispatcher_.use(std::make_shared<SecurityHeadersMiddleware>(SecurityHeadersOptions{}));
    dispatcher_.set_origins(Origins("http://cabinet.test", {}, false));
    router_.add(Method::post, "/api/v1/echo",
                [](Request& r) -> Task<Response> { co_return Response::json(200, r.json); },
                {.body = BodyKind::json, .max_body = 4096});
    router_.add(Method::get, "/api/v1/boom", [](Request&) -> Task<Response> {
      throw std::runtime_error("database exploded");
      co_return Response::no_content();
    });
    router_.add(Method::get, "/api/v1/items/{id}", [](Request& r) -> Task<Response> {
      co_return Response::json(200, {{"id", std::string(*r.param("id"))}});
    });
    dispatcher_.set_fallback([](Request&) -> Task<Response> {
      Response r;
      r.body = "<!doctype html>";
      co_return r;
    });
    dispatcher_.freeze();
  }

  // Requests come from the web app unless a test says otherwise: same origin, CSRF header.
  Response call(Method method, std::string path, std::string body = "",
                const std::vector<std::pair<std::string, std::string>>& headers = {},
                bool from_app = true) {
    Request req;
    req.method = method;
    req.path = std::move(path);
    req.body = std::move(body);
    req.received_at = std::chrono::steady_clock::now();
    for (const auto& [k, v] : headers) req.headers.add(k, v);
    if (from_app) {
      req.headers.add("Host", "cabinet.test");
      if (!req.headers.has("Origin")) req.headers.add("Origin", "http://cabinet.test");
      if (!req.headers.has("X-Requested-With")) req.headers.add("X-Requested-With", "cabinet");
    }
    return block_on(io_, dispatcher_.handle(req));
  }

  static nlohmann::json json_of(const Response& r) { return nlohmann::json::parse(r.body_view()); }

  boost::asio::io_context io_;
  SeededRandom random_{7};
  metrics::Registry registry_;
  Router router_;
  Dispatcher dispatcher_;
};

TEST_F(DispatcherTest, ParsesJsonBodiesForJsonRoutes) {
  auto r = call(Method::post, "/api/v1/echo", R"({"a":1})",
                {{"Content-Type", "application/json; charset=utf-8"}});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json_of(r), nlohmann::json({{"a", 1}}));
}

TEST_F(DispatcherTest, MalformedJsonIsA400InTheCallersLanguage) {
  auto fr = call(Method::post, "/api/v1/echo", "{nope", {{"Content-Type", "application/json"}});
  EXPECT_EQ(fr.status, 400);
  EXPECT_EQ(json_of(fr)["error"]["code"], "invalid_json");
  EXPECT_EQ(json_of(fr)["error"]["message"], "Le corps de la requête n'est pas un JSON valide.");
  auto en = call(Method::post, "/api/v1/echo", "",
                 {{"Content-Type", "application/json"}, {"Accept-Language", "en"}});
  EXPECT_EQ(en.status, 400);
  EXPECT_EQ(json_of(en)["error"]["message"], "The request body is not valid JSON.");
}

TEST_F(DispatcherTest, DeeplyNestedJsonIsRefusedWithoutParsing) {
  auto r = call(Method::post, "/api/v1/echo", std::string(4000, '['),
                {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r)["error"]["code"], "invalid_json");
}

TEST_F(DispatcherTest, AJsonRouteRefusesOtherContentTypes) {
  auto r = call(Method::post, "/api/v1/echo", "a=1",
                {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 415);
  EXPECT_EQ(json_of(r)["error"]["code"], "unsupported_media_type");
}

TEST_F(DispatcherTest, AnExceptionBecomesA500WithoutDetailsAndWithTheRequestId) {
  auto r = call(Method::get, "/api/v1/boom", "", {{"X-Request-Id", "abc-123"}});
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(json_of(r)["error"]["code"], "internal");
  EXPECT_EQ(r.body_view().find("exploded"), std::string_view::npos);
  EXPECT_EQ(r.headers.get("X-Request-Id"), "abc-123");
}

TEST_F(DispatcherTest, UnknownApiPathsAre404JsonAndWrongMethodsAre405) {
  auto r = call(Method::get, "/api/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(json_of(r)["error"]["code"], "not_found");
  auto m = call(Method::del, "/api/v1/echo");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.headers.get("Allow"), "POST");
}

TEST_F(DispatcherTest, NonApiGetsGoToTheFallbackButOtherMethodsDoNot) {
  EXPECT_EQ(call(Method::get, "/patient/rendez-vous").body_view(), "<!doctype html>");
  EXPECT_EQ(call(Method::post, "/patient").status, 404);
}

TEST_F(DispatcherTest, EveryResponseCarriesTheSecurityHeaders) {
  for (const auto& r : {call(Method::get, "/api/v1/items/4"), call(Method::get, "/api/v1/nothing"),
                        call(Method::get, "/home")}) {
    const auto csp = r.headers.get("Content-Security-Policy");
    ASSERT_TRUE(csp.has_value());
    EXPECT_NE(csp->find("script-src 'self'"), std::string_view::npos);
    EXPECT_EQ(csp->find("unsafe-inline"), std::string_view::npos);
    EXPECT_EQ(r.headers.get("X-Content-Type-Options"), "nosniff");
    EXPECT_TRUE(r.headers.has("X-Request-Id"));
  }
}

TEST_F(DispatcherTest, AnInsaneRequestIdIsReplaced) {
  auto r = call(Method::get, "/api/v1/items/1", "", {{"X-Request-Id", "bad id\r\nX-Injected: 1"}});
  const auto id = r.headers.get("X-Request-Id");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->size(), 24U);
  EXPECT_EQ(id->find(' '), std::string_view::npos);
}

TEST_F(DispatcherTest, RequestsAreCountedPerRouteAndStatus) {
  call(Method::get, "/api/v1/items/1");
  call(Method::get, "/api/v1/items/2");
  call(Method::get, "/api/v1/nothing");
  const auto text = registry_.render();
  EXPECT_NE(
      text.find(
          R"(cabinet_http_requests_total{method="GET",route="/api/v1/items/{id}",status="200"} 2)"),
      std::string::npos)
      << text;
  EXPECT_NE(
      text.find(R"(cabinet_http_requests_total{method="GET",route="unmatched",status="404"} 1)"),
      std::string::npos);
}

TEST_F(DispatcherTest, UnsafeRequestsNeedTheSitesOriginAndTheCustomHeader) {
  const std::string body = R"({"a":1})";
  const std::pair<std::string, std::string> json{"Content-Type", "application/json"};
  EXPECT_EQ(call(Method::post, "/api/v1/echo", body, {json}).status, 200);
  // No custom header: a plain HTML form or a cross-site fetch.
  auto no_header = call(Method::post, "/api/v1/echo", body,
                        {json, {"Host", "cabinet.test"}, {"Origin", "http://cabinet.test"}}, false);
  EXPECT_EQ(no_header.status, 403);
  EXPECT_EQ(json_of(no_header)["error"]["code"], "csrf_rejected");
  // A foreign Origin, even with the header (a non-browser client could set it, not a page).
  EXPECT_EQ(
      call(Method::post, "/api/v1/echo", body, {json, {"Origin", "https://evil.example"}}).status,
      403);
  // No Origin at all.
  EXPECT_EQ(call(Method::post, "/api/v1/echo", body,
                 {json, {"Host", "cabinet.test"}, {"X-Requested-With", "cabinet"}}, false)
                .status,
            403);
  // The request's Host proves nothing (the probe's F7): a page on evil.example names itself in
  // both.
  EXPECT_EQ(call(Method::post, "/api/v1/echo", body,
                 {json,
                  {"Host", "evil.example"},
                  {"Origin", "http://evil.example"},
                  {"X-Requested-With", "cabinet"}},
                 false)
                .status,
            403);
  // The scheme counts: the site is http://cabinet.test here, not https.
  EXPECT_EQ(
      call(Method::post, "/api/v1/echo", body, {json, {"Origin", "https://cabinet.test"}}).status,
      403);
  // Another origin the site is served as (behind a proxy) once it is configured, not before.
  EXPECT_EQ(
      call(Method::post, "/api/v1/echo", body, {json, {"Origin", "https://cabinet.example.fr"}})
          .status,
      403);
  dispatcher_.set_origins(Origins("http://cabinet.test", {"https://cabinet.example.fr"}, false));
  EXPECT_EQ(
      call(Method::post, "/api/v1/echo", body, {json, {"Origin", "https://cabinet.example.fr"}})
          .status,
      200);
  // Safe methods need neither.
  EXPECT_EQ(call(Method::get, "/api/v1/items/1", "", {}, false).status, 200);
}

class FakeAuthenticator final : public Authenticator {
 public:
  std::optional<Principal> who;
  Task<Result<std::optional<Principal>>> authenticate(Request&) override { co_return who; }
};

TEST_F(DispatcherTest, SignedInRoutesCheckTheSessionAndTheRole) {
  auto auth = std::make_shared<FakeAuthenticator>();
  dispatcher_.set_authenticator(auth);
  router_.add(
      Method::get, "/api/v1/operator/things",
      [](Request& r) -> Task<Response> {
        co_return Response::json(200, {{"account", r.principal->account_id}});
      },
      signed_in(role_bit(Role::operator_)));
  dispatcher_.freeze();
  EXPECT_EQ(call(Method::get, "/api/v1/operator/things").status, 401);
  auth->who = Principal{7, "p7", Role::patient, "active", 1, std::nullopt};
  auto forbidden = call(Method::get, "/api/v1/operator/things");
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(json_of(forbidden)["error"]["code"], "forbidden");
  auth->who->role = Role::operator_;
  auto allowed = call(Method::get, "/api/v1/operator/things");
  EXPECT_EQ(allowed.status, 200);
  EXPECT_EQ(json_of(allowed)["account"], 7);
}

TEST_F(DispatcherTest, PrepareGivesTheRoutesBodyLimitOrTheDefault) {
  auto limit = [this](Method m, std::string path) {
    Request r;
    r.method = m;
    r.path = std::move(path);
    return dispatcher_.prepare(r);
  };
  EXPECT_EQ(limit(Method::post, "/api/v1/echo"), 4096U);
  EXPECT_EQ(limit(Method::get, "/api/v1/items/1"), 1024U);
  EXPECT_EQ(limit(Method::post, "/nowhere"), 1024U);
}

}  // namespace
}  // namespace cabinet::http
