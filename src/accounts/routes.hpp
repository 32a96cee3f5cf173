#pragma once

#include "accounts/profiles.hpp"
#include "accounts/service.hpp"
#include "http/router.hpp"

namespace cabinet::accounts {

// /api/v1/auth/*, /api/v1/me* (docs/accounts.md).
void register_routes(http::Router& router, Service& accounts, Profiles& profiles,
                     bool secure_cookies);

Caller caller_of(const http::Request& request);

// The answer to a completed sign-in (code or passkey): GET /me's body and the session cookie.
Task<http::Response> signed_in_reply(Service& accounts, Result<LoginDone> done,
                                     const http::Request& req, bool secure_cookies);

}  // namespace cabinet::accounts
