#pragma once

#include "accounts_admin/service.hpp"
#include "http/router.hpp"

namespace cabinet::accounts_admin {

// The operator's account routes (docs/operator.md "Accounts"): operators only; a partner
// administrator, whose role is its own, is refused like everyone else.
void register_routes(http::Router& router, Service& service);

}  // namespace cabinet::accounts_admin
