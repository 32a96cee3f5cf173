#pragma once

#include "http/router.hpp"
#include "messaging/service.hpp"

namespace cabinet::realtime {
class Hub;
}

namespace cabinet::messaging {

// The messaging's REST routes (docs/messaging.md "API") and the WebSocket's `watch_messages`.
void register_routes(http::Router& router, Service& s);
void register_messages(realtime::Hub& hub, Service& s);

}  // namespace cabinet::messaging
