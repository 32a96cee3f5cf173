#pragma once

#include "accounts/profiles.hpp"
#include "accounts/service.hpp"
#include "http/router.hpp"

namespace cabinet::accounts {

// /api/v1/auth/*, /api/v1/me* (docs/accounts.md).
void register_routes(http::Router& router, Service& accounts, Profiles& profiles,
                     bool secure_cookies);

Caller caller_of(const http::Request& request);

}  // namespace cabinet::accounts
