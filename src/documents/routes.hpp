#pragma once

#include "documents/service.hpp"
#include "http/router.hpp"

namespace cabinet::realtime {
class Hub;
}

namespace cabinet::documents {

// The documents' REST routes (docs/documents.md "API") and the WebSocket's `watch_documents`.
void register_routes(http::Router& router, Service& s);
void register_messages(realtime::Hub& hub, Service& s);

}  // namespace cabinet::documents
