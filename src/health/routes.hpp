#pragma once

#include "health/service.hpp"
#include "http/router.hpp"

namespace cabinet::health {

// docs/health-space.md "API": the patient's documents and medical profile, the appointment's
// shares, and the consultation's practitioner's view.
void register_routes(http::Router& router, Service& s);

}  // namespace cabinet::health
