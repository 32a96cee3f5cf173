#include "settings/routes.hpp"

#include "http/reply.hpp"
#include "settings/tariffs.hpp"

namespace cabinet::settings {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::reply;
  using http::Request;
  using http::Response;
  // Not partner_admin: a partner's administrator runs its brand, not the platform.
  const auto op = http::role_bit(Role::operator_);

  router.add(
      Method::get, "/api/v1/operator/settings",
      [&s](Request& req) -> Task<Response> {
        const Result<nlohmann::json> current = s.get();
        co_return reply(current, req);
      },
      http::signed_in(op));
  router.add(
      Method::patch, "/api/v1/operator/settings",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.patch(*req.principal, req.json, req.remote_ip);
        co_return reply(result, req);
      },
      http::signed_in(op, http::json_body()));
  router.add(
      Method::get, "/api/v1/operator/settings/history",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.history(200);
        co_return reply(result, req);
      },
      http::signed_in(op));
  router.add(
      Method::get, "/api/v1/operator/settings/tariffs",
      [](Request& req) -> Task<Response> {
        static const Result<nlohmann::json> kTariffs = tariffs();
        co_return reply(kTariffs, req);
      },
      http::signed_in(op));
}

}  // namespace cabinet::settings
