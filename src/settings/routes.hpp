#pragma once

#include "http/router.hpp"
#include "settings/service.hpp"

namespace cabinet::settings {

// The operator's settings (docs/operator.md "Settings"): the operator role only.
void register_routes(http::Router& router, Service& s);

}  // namespace cabinet::settings
