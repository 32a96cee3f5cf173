#include "activity/routes.hpp"

#include "http/reply.hpp"

namespace cabinet::activity {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::reply;
  using http::Request;
  using http::Response;
  const auto practitioner = http::role_bit(Role::practitioner);

  router.add(
      Method::get, "/api/v1/practitioner/teleconsultation-share",
      [&s](Request& req) -> Task<Response> {
        const auto year = req.query_param("year").value_or("");
        co_return reply(co_await s.get(*req.principal, year, req.locale), req);
      },
      http::signed_in(practitioner));
  router.add(
      Method::put, "/api/v1/practitioner/teleconsultation-share/{year}",
      [&s](Request& req) -> Task<Response> {
        const std::string year(*req.param("year"));
        co_return reply(co_await s.declare(*req.principal, year, req.json, req.locale), req);
      },
      http::signed_in(practitioner, http::json_body()));
}

}  // namespace cabinet::activity
