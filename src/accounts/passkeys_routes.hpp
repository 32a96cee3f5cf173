#pragma once

#include "accounts/passkeys.hpp"
#include "http/router.hpp"

namespace cabinet::accounts {

// /api/v1/me/passkeys* and /api/v1/auth/passkey* (docs/accounts.md, "Passkeys").
void register_passkey_routes(http::Router& router, Passkeys& passkeys, Service& accounts,
                             bool secure_cookies);

}  // namespace cabinet::accounts
