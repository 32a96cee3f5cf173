#include "accounts_admin/routes.hpp"

#include "http/reply.hpp"

namespace cabinet::accounts_admin {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::reply;
  using http::Request;
  using http::Response;
  const auto op = http::role_bit(Role::operator_);

  router.add(
      Method::get, "/api/v1/operator/accounts",
      [&s](Request& req) -> Task<Response> {
        Query q;
        q.q = req.query_param("q").value_or("");
        q.role = req.query_param("role").value_or("");
        q.status = req.query_param("status").value_or("");
        q.page = req.query_param("page").value_or("");
        co_return reply(co_await s.search(q), req);
      },
      http::signed_in(op));
  router.add(
      Method::post, "/api/v1/operator/accounts/{id}/suspend",
      [&s](Request& req) -> Task<Response> {
        const std::string id(*req.param("id"));
        co_return reply(co_await s.suspend(*req.principal, id, req.json), req);
      },
      http::signed_in(op, http::json_body()));
  router.add(
      Method::post, "/api/v1/operator/accounts/{id}/reactivate",
      [&s](Request& req) -> Task<Response> {
        const std::string id(*req.param("id"));
        co_return reply(co_await s.reactivate(*req.principal, id, req.json), req);
      },
      http::signed_in(op, http::json_body()));
  router.add(
      Method::get, "/api/v1/operator/rpps-extract",
      [&s](Request& req) -> Task<Response> { co_return reply(co_await s.extract_status(), req); },
      http::signed_in(op));
  {
    // The raw file, up to kMaxExtractBytes: a bigger body is refused with 413 unread.
    http::RouteOptions upload = http::signed_in(op);
    upload.body = http::BodyKind::raw;
    upload.max_body = kMaxExtractBytes;
    router.add(
        Method::post, "/api/v1/operator/rpps-extract",
        [&s](Request& req) -> Task<Response> {
          co_return reply(co_await s.import_extract(*req.principal, req.body), req);
        },
        upload);
  }
  router.add(
      Method::get, "/api/v1/operator/log",
      [&s](Request& req) -> Task<Response> {
        co_return reply(co_await s.log(req.query_param("page").value_or("")), req);
      },
      http::signed_in(op));
}

}  // namespace cabinet::accounts_admin
