#pragma once

#include <filesystem>

#include "http/router.hpp"

namespace cabinet::devtools {

// Development-only tools (mode = "development"): the local mailbox of the file transport.
// In production the routes exist but answer 404, so the API description stays one document.
void register_routes(http::Router& router, bool enabled, std::filesystem::path mailbox);

}  // namespace cabinet::devtools
