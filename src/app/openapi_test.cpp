#include <gtest/gtest.h>

#include <set>

#include "app/app.hpp"
#include "core/embedded.hpp"
#include "test_db.hpp"

namespace cabinet::app {
namespace {

std::string lower(std::string_view method) {
  std::string out;
  for (char c : method)
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

// The API description is a contract: every route the server answers is in docs/openapi.yaml,
// and every documented operation exists.
TEST(OpenApi, DocumentsExactlyTheRoutesTheServerHas) {
  test::TempDir dir;
  Config config;
  config.database.url = "sqlite:" + (dir.path() / "c.db").string();
  config.web.root = dir.path().string();
  config.log.access = false;
  SystemClock clock;
  SeededRandom random(1);
  App app(config, clock, random);
  ASSERT_TRUE(app.open_database().ok());
  app.wire();

  ASSERT_EQ(embedded::openapi().size(), 1U);
  const auto doc = nlohmann::json::parse(embedded::openapi()[0].data);
  EXPECT_EQ(doc["openapi"], "3.1.0");
  const auto& paths = doc["paths"];

  std::set<std::pair<std::string, std::string>> routes;
  for (const auto* route : app.router().routes()) {
    const auto method = lower(http::to_string(route->method));
    routes.emplace(route->pattern, method);
    EXPECT_TRUE(paths.contains(route->pattern) && paths[route->pattern].contains(method))
        << http::to_string(route->method) << " " << route->pattern
        << " is not in docs/openapi.yaml";
  }
  for (const auto& [path, item] : paths.items()) {
    for (const auto& [method, operation] : item.items()) {
      if (method == "parameters") continue;
      EXPECT_TRUE(routes.contains({path, method}))
          << method << " " << path << " is documented but the server has no such route";
      EXPECT_TRUE(operation.contains("operationId")) << method << " " << path;
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
}

}  // namespace
}  // namespace cabinet::app
