#pragma once

#include "http/router.hpp"
#include "partners/service.hpp"

namespace cabinet::partners {

void register_routes(http::Router& router, Service& s);

}  // namespace cabinet::partners
