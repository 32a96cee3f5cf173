#pragma once

#include "http/router.hpp"
#include "privacy/export.hpp"

namespace cabinet::privacy {

// GET /api/v1/me/export (JSON) and GET /api/v1/me/export.zip (docs/accounts.md "Export").
void register_routes(http::Router& router, Export& exports);

}  // namespace cabinet::privacy
