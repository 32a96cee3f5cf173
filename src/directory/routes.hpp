#pragma once

#include "directory/service.hpp"
#include "http/router.hpp"

namespace cabinet::directory {

// Public directory routes and the practitioner's profile and agenda (docs/directory.md).
void register_routes(http::Router& router, Service& service);
// WebSocket: {"type": "follow", "practitioner": id} joins the practitioner's public room, where
// delay announcements arrive; "unfollow" leaves it (docs/realtime.md).
void register_realtime(realtime::Hub& hub, const Index& index);

}  // namespace cabinet::directory
