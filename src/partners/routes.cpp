#include "partners/routes.hpp"

#include "directory/photo.hpp"
#include "http/input.hpp"
#include "http/reply.hpp"

namespace cabinet::partners {
namespace {

using http::Method;
using http::Request;
using http::Response;

std::string host_of(const Request& req) {
  return std::string(req.headers.get("Host").value_or(""));
}

// "code" values never hold a comma or a quote: the CSV needs no quoting beyond the name's.
std::string csv(const Issued& issued) {
  std::string name = issued.partner_name;
  std::string quoted = "\"";
  for (char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  quoted += "\"";
  std::string out = "code,partner,issued_at\r\n";
  for (const auto& c : issued.codes)
    out += c + "," + quoted + "," + std::to_string(issued.at) + "\r\n";
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  const auto op = http::role_bit(Role::operator_);
  const auto op_or_partner = static_cast<http::RoleMask>(op | http::role_bit(Role::partner_admin));
  const auto patient = http::role_bit(Role::patient);

  // Public: the front of the request's host.
  router.add(Method::get, "/api/v1/brand", [&s](Request& req) -> Task<Response> {
    auto r = co_await s.brand(host_of(req));
    auto response = http::reply(r, req);
    response.headers.add("Cache-Control", "no-cache");
    co_return response;
  });
  router.add(Method::get, "/api/v1/brand/pages/{page}", [&s](Request& req) -> Task<Response> {
    co_return http::reply(co_await s.page(host_of(req), std::string(*req.param("page"))), req);
  });
  router.add(Method::get, "/api/v1/partners/{id}/logo", [&s](Request& req) -> Task<Response> {
    auto bytes = co_await s.logo(std::string(*req.param("id")));
    if (!bytes) co_return Response::error(bytes.error(), req.locale);
    if (!*bytes) co_return Response::error(Error(ErrorCode::not_found), req.locale);
    Response r;
    r.status = 200;
    r.headers.add("Content-Type", directory::sniff_mime(**bytes));
    r.headers.add("Cache-Control", "public, max-age=300");
    r.body = std::move(**bytes);
    co_return r;
  });

  router.add(
      Method::get, "/api/v1/operator/partners",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.list(*req.principal), req);
      },
      http::signed_in(op_or_partner));
  router.add(
      Method::post, "/api/v1/operator/partners",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.create(*req.principal, req.json), req, 201);
      },
      http::signed_in(op, http::json_body()));
  router.add(
      Method::get, "/api/v1/operator/partners/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.get(*req.principal, std::string(*req.param("id"))), req);
      },
      http::signed_in(op_or_partner));
  router.add(
      Method::patch, "/api/v1/operator/partners/{id}",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.update(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req);
      },
      http::signed_in(op, http::json_body()));
  {
    http::RouteOptions raw;
    raw.body = http::BodyKind::raw;
    raw.max_body = 2UL * 1024 * 1024;
    router.add(
        Method::put, "/api/v1/operator/partners/{id}/logo",
        [&s](Request& req) -> Task<Response> {
          if (req.body.empty()) co_return Response::error(http::missing_field("logo"), req.locale);
          auto r = co_await s.put_logo(*req.principal, std::string(*req.param("id")),
                                       std::move(req.body));
          co_return http::reply(r, req);
        },
        http::signed_in(op, raw));
  }
  router.add(
      Method::get, "/api/v1/operator/partners/{id}/admins",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.admins(*req.principal, std::string(*req.param("id")));
        co_return http::reply(r, req);
      },
      http::signed_in(op));
  router.add(
      Method::post, "/api/v1/operator/partners/{id}/admins",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.invite_admin(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req, 201);
      },
      http::signed_in(op, http::json_body()));
  router.add(
      Method::get, "/api/v1/operator/partners/{id}/codes",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.code_counts(*req.principal, std::string(*req.param("id")));
        co_return http::reply(r, req);
      },
      http::signed_in(op_or_partner));
  router.add(
      Method::post, "/api/v1/operator/partners/{id}/codes",
      [&s](Request& req) -> Task<Response> {
        auto issued = co_await s.issue(*req.principal, std::string(*req.param("id")), req.json);
        if (!issued) co_return Response::error(issued.error(), req.locale);
        const bool want_csv = req.json.is_object() && req.json.value("format", "") == "csv";
        if (!want_csv) {
          nlohmann::json body = nlohmann::json::object();
          body["codes"] = issued->codes;
          co_return Response::json(201, body);
        }
        Response r;
        r.status = 201;
        r.headers.add("Content-Type", "text/csv; charset=utf-8");
        r.headers.add("Content-Disposition", "attachment; filename=\"codes.csv\"");
        r.headers.add("Cache-Control", "no-store");
        r.body = csv(*issued);
        co_return r;
      },
      http::signed_in(op_or_partner, http::json_body()));

  router.add(
      Method::post, "/api/v1/me/insurer-codes",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.redeem(*req.principal, req.json, req.remote_ip), req);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::get, "/api/v1/me/insurer-codes",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.benefits(*req.principal), req);
      },
      http::signed_in(patient));
}

}  // namespace cabinet::partners
