#pragma once

#include "booking/service.hpp"
#include "http/router.hpp"

namespace cabinet::booking {

void register_routes(http::Router& router, Service& s, std::string provider);
// The consultation record: files, phone fallback, side panel, notes (record_routes.cpp).
void register_record_routes(http::Router& router, Service& s);

}  // namespace cabinet::booking
