#pragma once

#include "accounts/practitioners.hpp"
#include "http/router.hpp"

namespace cabinet::practitioners {

// /api/v1/specialties, /api/v1/practitioner/assistants*, /api/v1/operator/practitioners*.
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::practitioners
