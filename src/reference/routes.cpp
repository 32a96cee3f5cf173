#include "reference/routes.hpp"

#include "http/reply.hpp"

namespace cabinet::reference {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;

  router.add(
      Method::get, "/api/v1/drugs",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.drugs(std::string(req.query_param("q").value_or(""))),
                              req);
      },
      http::signed_in(http::role_bit(Role::practitioner)));
  router.add(
      Method::get, "/api/v1/pharmacies",
      [&s](Request& req) -> Task<Response> {
        auto found = co_await s.pharmacies(std::string(req.query_param("q").value_or("")),
                                           std::string(req.query_param("postcode").value_or("")));
        co_return http::reply(found, req);
      },
      http::signed_in());
}

}  // namespace cabinet::reference
