#pragma once

#include <filesystem>

#include "http/origins.hpp"
#include "http/router.hpp"

namespace cabinet::devtools {

// Development-only tools (mode = "development"): the local mailbox of the file transport.
// In production the routes exist but answer 404, so the API description stays one document.
// Even in development they answer only to a Host the site is served as: a DNS-rebinding page
// (its own name resolving to 127.0.0.1) would otherwise read every login code.
void register_routes(http::Router& router, bool enabled, std::filesystem::path mailbox,
                     const http::Origins& origins);

}  // namespace cabinet::devtools
