#pragma once

#include "http/router.hpp"
#include "queue/service.hpp"

namespace cabinet::realtime {
class Hub;
}

namespace cabinet::queue {

// The queue's REST routes (docs/queue.md) and its WebSocket messages.
void register_routes(http::Router& router, Service& s);
void register_messages(realtime::Hub& hub, Service& s);

}  // namespace cabinet::queue
