#pragma once

#include "consultation/service.hpp"
#include "http/router.hpp"

namespace cabinet::consultation {

// The consultation's REST routes: its view and the day's list, the record (files, phone
// fallback, side panel, notes) and the guests' invitations and links.
void register_routes(http::Router& router, Service& s);

}  // namespace cabinet::consultation
