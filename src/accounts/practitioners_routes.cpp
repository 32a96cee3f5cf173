#include "accounts/practitioners_routes.hpp"

#include "http/input.hpp"
#include "http/reply.hpp"

namespace cabinet::practitioners {

void register_routes(http::Router& router, Service& s) {
  using http::Input;
  using http::Method;
  using http::reply;
  using http::Request;
  using http::Response;
  const auto practitioner = http::role_bit(Role::practitioner);
  const auto op = http::role_bit(Role::operator_);

  router.add(
      Method::get, "/api/v1/practitioner/assistants",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.assistants(*req.principal);
        co_return reply(result, req);
      },
      http::signed_in(practitioner));
  router.add(
      Method::post, "/api/v1/practitioner/assistants",
      [&s](Request& req) -> Task<Response> {
        auto email = Input(req.json).text("email", 254);
        if (!email) co_return Response::error(email.error(), req.locale);
        auto result = co_await s.invite(*req.principal, *email);
        co_return reply(result, req, 201);
      },
      http::signed_in(practitioner, http::json_body()));
  router.add(
      Method::del, "/api/v1/practitioner/assistants/{id}",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.remove_assistant(*req.principal, std::string(*req.param("id")));
        co_return reply(result, req);
      },
      http::signed_in(practitioner));

  router.add(
      Method::get, "/api/v1/operator/practitioners",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.list(req.query_param("status").value_or("pending"));
        co_return reply(result, req);
      },
      http::signed_in(op));
  router.add(
      Method::post, "/api/v1/operator/practitioners/{id}/verify",
      [&s](Request& req) -> Task<Response> {
        auto result = co_await s.verify(*req.principal, std::string(*req.param("id")));
        co_return reply(result, req);
      },
      http::signed_in(op));
  router.add(
      Method::post, "/api/v1/operator/practitioners/{id}/reject",
      [&s](Request& req) -> Task<Response> {
        auto reason = Input(req.json).text("reason", 500);
        if (!reason) co_return Response::error(reason.error(), req.locale);
        auto result = co_await s.reject(*req.principal, std::string(*req.param("id")), *reason);
        co_return reply(result, req);
      },
      http::signed_in(op, http::json_body()));
}

}  // namespace cabinet::practitioners
