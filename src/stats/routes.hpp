#pragma once

#include "http/router.hpp"
#include "stats/service.hpp"

namespace cabinet::stats {

// /api/v1/operator/stats, /api/v1/operator/stats.csv, /api/v1/consultations/{id}/call-report.
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::stats
