#pragma once

#include "directory/service.hpp"
#include "http/router.hpp"

namespace cabinet::directory {

// Public directory routes and the practitioner's profile and agenda (docs/directory.md).
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::directory
