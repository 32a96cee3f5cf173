#pragma once

#include "activity/service.hpp"
#include "http/router.hpp"

namespace cabinet::activity {

// GET /api/v1/practitioner/teleconsultation-share?year=, PUT …/{year}: practitioners only.
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::activity
