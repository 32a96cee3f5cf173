#include "stats/routes.hpp"

#include "http/reply.hpp"
#include "stats/csv.hpp"

namespace cabinet::stats {
namespace {

Query query_of(const http::Request& req, std::string format) {
  Query q;
  q.from = req.query_param("from");
  q.to = req.query_param("to");
  q.by = req.query_param("by");
  q.partner = req.query_param("partner");
  q.format = std::move(format);
  q.ip = req.remote_ip;
  return q;
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  // A partner administrator reaches the same routes; the service keeps them to their partner.
  const auto readers = http::role_bit(Role::operator_) | http::role_bit(Role::partner_admin);

  router.add(
      Method::get, "/api/v1/operator/stats",
      [&s](Request& req) -> Task<Response> {
        const auto q = query_of(req, "json");
        co_return http::reply(co_await s.read(*req.principal, q, req.locale), req);
      },
      http::signed_in(readers));
  router.add(
      Method::get, "/api/v1/operator/stats.csv",
      [&s](Request& req) -> Task<Response> {
        const auto q = query_of(req, "csv");
        auto stats = co_await s.read(*req.principal, q, req.locale);
        if (!stats) co_return Response::error(stats.error(), req.locale);
        Response out;
        out.status = 200;
        out.body = to_csv(*stats, req.locale);
        out.headers.add("Content-Type", "text/csv; charset=utf-8");
        const auto name = "statistiques-" + (*stats)["from"].get<std::string>() + "-" +
                          (*stats)["to"].get<std::string>() + ".csv";
        out.headers.add("Content-Disposition", "attachment; filename=\"" + name + "\"");
        out.headers.add("Cache-Control", "no-store");
        co_return out;
      },
      http::signed_in(readers));

  // Once per call from each side's browser (docs/operator.md "Statistics"); not a record of
  // the consultation, so any participant with an account may send it.
  router.add(
      Method::post, "/api/v1/consultations/{id}/call-report",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.report_call(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
}

}  // namespace cabinet::stats
