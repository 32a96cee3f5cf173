#include "metrics/registry.hpp"

#include <gtest/gtest.h>

namespace cabinet::metrics {
namespace {

TEST(Metrics, RendersCountersHistogramsAndGaugesInPrometheusFormat) {
  Registry registry;
  auto& route = registry.route("/api/v1/x/{id}");
  route.observe("GET", 200, 0.002);
  route.observe("GET", 200, 0.3);
  route.observe("GET", 404, 0.0001);
  registry.counter("cabinet_things_total", "Things.").add(3);
  registry.gauge("cabinet_open", "Open things.", "", [] { return 5.0; });
  const auto text = registry.render();
  EXPECT_NE(text.find("# TYPE cabinet_http_requests_total counter"), std::string::npos);
  EXPECT_NE(
      text.find(
          R"(cabinet_http_requests_total{method="GET",route="/api/v1/x/{id}",status="200"} 2)"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          R"(cabinet_http_request_duration_seconds_bucket{method="GET",route="/api/v1/x/{id}",status="200",le="0.0025"} 1)"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          R"(cabinet_http_request_duration_seconds_bucket{method="GET",route="/api/v1/x/{id}",status="200",le="0.5"} 2)"),
      std::string::npos);
  EXPECT_NE(
      text.find(
          R"(cabinet_http_request_duration_seconds_count{method="GET",route="/api/v1/x/{id}",status="404"} 1)"),
      std::string::npos);
  EXPECT_NE(text.find("cabinet_things_total 3"), std::string::npos);
  EXPECT_NE(text.find("cabinet_open 5"), std::string::npos);
  EXPECT_EQ(&registry.route("/api/v1/x/{id}"), &route);
}

TEST(Metrics, EscapesLabelValues) { EXPECT_EQ(escape_label("a\"b\\c\nd"), "a\\\"b\\\\c\\nd"); }

}  // namespace
}  // namespace cabinet::metrics
