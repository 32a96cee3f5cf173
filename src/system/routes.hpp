#pragma once

#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "http/router.hpp"
#include "metrics/registry.hpp"
#include "realtime/hub.hpp"
#include "storage/database.hpp"

// The platform's own endpoints: liveness, readiness, metrics, the API description, CSP
// violation reports, and the WebSocket ping.
namespace cabinet::system {

struct Deps {
  storage::Database& db;
  metrics::Registry& registry;
  realtime::Hub& hub;
  const Clock& clock;
  std::string_view openapi_json;
  // When set, /metrics and /api/v1/version require "Authorization: Bearer <token>"; when empty
  // they answer only loopback callers not relayed by a proxy.
  std::string metrics_token;
  std::string version;
};

void register_routes(http::Router& router, const Deps& deps);
void register_realtime(realtime::Hub& hub, const Clock& clock);

}  // namespace cabinet::system
