#include "http/app_routes.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace cabinet::http {
namespace {

// The cases the web app's own test runs through preact-iso's router: the server must agree
// with the router on every one, or it would answer 404 for a page the app shows (or 200 for
// its "Page introuvable").
TEST(AppRoutes, AgreesWithTheClientRouterOnTheSharedCases) {
  std::ifstream in(std::string(CABINET_SOURCE_DIR) + "/web/src/lib/route-cases.json");
  ASSERT_TRUE(in) << "web/src/lib/route-cases.json";
  const auto doc = nlohmann::json::parse(in);
  ASSERT_GE(doc["cases"].size(), 20U);
  for (const auto& c : doc["cases"]) {
    const auto pattern = c["pattern"].get<std::string>();
    const auto path = c["path"].get<std::string>();
    EXPECT_EQ(route_matches(pattern, path), c["match"].get<bool>())
        << pattern << " against " << path;
  }
}

TEST(AppRoutes, ParsesTheBuildsListAndMatchesAnyOfIt) {
  auto routes = AppRoutes::parse(R"({"routes": ["/", "/recherche", "/praticien/:id"]})");
  ASSERT_TRUE(routes);
  EXPECT_EQ(routes->size(), 3U);
  EXPECT_TRUE(routes->matches("/"));
  EXPECT_TRUE(routes->matches("/recherche"));
  EXPECT_TRUE(routes->matches("/praticien/abc"));
  EXPECT_FALSE(routes->matches("/nimporte-quoi"));
  EXPECT_FALSE(routes->matches("/praticien/abc/def"));
}

TEST(AppRoutes, RefusesAListOfAnotherShape) {
  EXPECT_FALSE(AppRoutes::parse("not json"));
  EXPECT_FALSE(AppRoutes::parse(R"(["/"])"));
  EXPECT_FALSE(AppRoutes::parse(R"({"routes": []})"));
  EXPECT_FALSE(AppRoutes::parse(R"({"routes": ["recherche"]})"));
  EXPECT_FALSE(AppRoutes::parse(R"({"routes": [1]})"));
}

}  // namespace
}  // namespace cabinet::http
