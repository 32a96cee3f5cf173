#pragma once

#include "booking/service.hpp"
#include "http/router.hpp"

namespace cabinet::booking {

void register_routes(http::Router& router, Service& s, std::string provider);

}  // namespace cabinet::booking
