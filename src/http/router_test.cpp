#include "http/router.hpp"

#include <gtest/gtest.h>

namespace cabinet::http {
namespace {

Handler nothing() {
  return [](Request&) -> Task<Response> { co_return Response::no_content(); };
}

TEST(Router, MatchesLiteralsAndParameters) {
  Router r;
  r.add(Method::get, "/api/v1/practitioners/{id}", nothing());
  r.add(Method::get, "/api/v1/practitioners/{id}/slots/{day}", nothing());
  r.add(Method::get, "/api/v1/practitioners/search", nothing());

  auto m = r.match(Method::get, "/api/v1/practitioners/ab12");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/practitioners/{id}");
  ASSERT_EQ(m.params.size(), 1U);
  EXPECT_EQ(m.params[0], (std::pair<std::string, std::string>{"id", "ab12"}));

  m = r.match(Method::get, "/api/v1/practitioners/search");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/practitioners/search");
  EXPECT_TRUE(m.params.empty());

  m = r.match(Method::get, "/api/v1/practitioners/x/slots/2026-03-29");
  ASSERT_NE(m.route, nullptr);
  ASSERT_EQ(m.params.size(), 2U);
  EXPECT_EQ(m.params[1].second, "2026-03-29");
}

TEST(Router, BacktracksFromALiteralDeadEnd) {
  Router r;
  r.add(Method::get, "/a/b/y", nothing());
  r.add(Method::get, "/a/{id}/x", nothing());
  auto m = r.match(Method::get, "/a/b/x");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/a/{id}/x");
  EXPECT_EQ(m.params.at(0).second, "b");
}

TEST(Router, UnknownPathsAndEmptySegmentsDoNotMatch) {
  Router r;
  r.add(Method::get, "/healthz", nothing());
  r.add(Method::get, "/x/{id}", nothing());
  EXPECT_EQ(r.match(Method::get, "/nope").route, nullptr);
  EXPECT_EQ(r.match(Method::get, "/healthz/").route, nullptr);
  EXPECT_EQ(r.match(Method::get, "/x/").route, nullptr);
  EXPECT_EQ(r.match(Method::get, "/").route, nullptr);
  EXPECT_EQ(r.match(Method::get, "").route, nullptr);
}

TEST(Router, ReportsAllowedMethodsForA405AndServesHeadAsGet) {
  Router r;
  r.add(Method::get, "/thing", nothing());
  r.add(Method::put, "/thing", nothing());
  auto m = r.match(Method::post, "/thing");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_EQ(m.allowed, (std::vector<Method>{Method::get, Method::put}));
  EXPECT_NE(r.match(Method::head, "/thing").route, nullptr);
}

TEST(Router, RefusesDuplicatesAndMalformedPatterns) {
  Router r;
  r.add(Method::get, "/a/{id}", nothing());
  EXPECT_THROW(r.add(Method::get, "/a/{id}", nothing()), std::logic_error);
  EXPECT_THROW(r.add(Method::get, "/a/{other}/b", nothing()), std::logic_error);
  EXPECT_THROW(r.add(Method::get, "relative", nothing()), std::logic_error);
  EXPECT_EQ(r.routes().size(), 1U);
}

TEST(Messages, PercentDecodingAndQueryParameters) {
  EXPECT_EQ(percent_decode("/patient/rendez%2Dvous"), "/patient/rendez-vous");
  EXPECT_EQ(percent_decode("caf%C3%A9"), "café");
  EXPECT_EQ(percent_decode("a%2"), std::nullopt);
  EXPECT_EQ(percent_decode("a%zz"), std::nullopt);
  EXPECT_EQ(percent_decode("a%00b"), std::nullopt);

  Request req;
  req.query = "q=m%C3%A9decin+g%C3%A9n%C3%A9ral&page=2&empty&page=3";
  EXPECT_EQ(req.query_param("q"), "médecin général");
  EXPECT_EQ(req.query_param("page"), "2");
  EXPECT_EQ(req.query_param("empty"), "");
  EXPECT_EQ(req.query_param("missing"), std::nullopt);
}

TEST(Messages, HeadersAreCaseInsensitive) {
  Headers h;
  h.add("Content-Type", "application/json");
  EXPECT_EQ(h.get("content-type"), "application/json");
  h.set("CONTENT-TYPE", "text/plain");
  EXPECT_EQ(h.size(), 1U);
  EXPECT_EQ(h.get("Content-Type"), "text/plain");
}

TEST(Messages, HeadersKeepOwnedAndViewedValuesAcrossCopiesAndGrowth) {
  Headers h;
  h.add_view("X-Static", "constant");
  for (int i = 0; i < 50; ++i)
    h.add("X-" + std::to_string(i), std::string(40, static_cast<char>('a' + i % 26)));
  h.set("X-3", "changed");
  const Headers copy = h;  // arena offsets survive the copy
  EXPECT_EQ(copy.get("x-static"), "constant");
  EXPECT_EQ(copy.get("X-49"), std::string(40, 'x'));
  EXPECT_EQ(copy.get("X-3"), "changed");
  std::vector<std::string> names;
  copy.for_each([&names](std::string_view n, std::string_view) { names.emplace_back(n); });
  EXPECT_EQ(names.size(), 51U);
  EXPECT_EQ(names.front(), "X-Static");
}

}  // namespace
}  // namespace cabinet::http
