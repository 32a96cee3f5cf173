#pragma once

#include "http/router.hpp"
#include "reference/service.hpp"

namespace cabinet::reference {

// GET /api/v1/drugs (practitioners) and GET /api/v1/pharmacies (anyone signed in), as
// docs/documents.md describes them.
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::reference
