#include "booking/routes.hpp"

#include "http/input.hpp"
#include "http/reply.hpp"

namespace cabinet::booking {
namespace {

using http::Request;
using http::Response;

Response calendar_file(const Result<std::string>& r, const Request& req) {
  if (!r) return Response::error(r.error(), req.locale);
  Response out;
  out.status = 200;
  out.body = *r;
  out.headers.add("Content-Type", "text/calendar; charset=utf-8");
  out.headers.add("Content-Disposition", "attachment; filename=\"rendez-vous.ics\"");
  out.headers.add("Cache-Control", "no-store");
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& s, std::string provider) {
  using http::Method;
  const auto patient = http::role_bit(Role::patient);
  const auto agenda_roles = http::role_bit(Role::practitioner) | http::role_bit(Role::assistant);

  router.add(Method::get, "/api/v1/payments/config", [provider](Request&) -> Task<Response> {
    nlohmann::json cards = nlohmann::json::array();
    if (provider == "sandbox") {
      cards = {{{"token", "tok_visa"}, {"label", "Visa •••• 4242"}},
               {{"token", "tok_mastercard"}, {"label", "Mastercard •••• 4444"}},
               {{"token", "tok_declined"}, {"label", "Carte refusée (test)"}},
               {{"token", "tok_insufficient_funds"}, {"label", "Solde insuffisant (test)"}},
               {{"token", "tok_decline_later"}, {"label", "Refusée plus tard (test)"}}};
    }
    co_return Response::json(200, {{"provider", provider}, {"test_cards", cards}});
  });

  router.add(
      Method::post, "/api/v1/appointments",
      [&s](Request& req) -> Task<Response> {
        const auto key = std::string(req.headers.get("Idempotency-Key").value_or(""));
        const std::string host(req.headers.get("Host").value_or(""));
        auto r = co_await s.create(*req.principal, req.json, key, req.locale, host);
        if (!r) co_return Response::error(r.error(), req.locale);
        co_return Response::json(r->status, r->body);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::get, "/api/v1/appointments",
      [&s](Request& req) -> Task<Response> {
        std::optional<std::string> profile;
        if (auto p = req.query_param("profile_id"); p && !p->empty()) profile = std::string(*p);
        co_return http::reply(co_await s.list(*req.principal, profile, req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::get, "/api/v1/appointments/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.get(*req.principal, std::string(*req.param("id")), req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::post, "/api/v1/appointments/{id}/confirm",
      [&s](Request& req) -> Task<Response> {
        auto r =
            co_await s.confirm(*req.principal, std::string(*req.param("id")), req.json, req.locale);
        co_return http::reply(r, req);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::post, "/api/v1/appointments/{id}/cancel",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.cancel(*req.principal, std::string(*req.param("id")), req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::get, "/api/v1/appointments/{id}/calendar.ics",
      [&s](Request& req) -> Task<Response> {
        co_return calendar_file(co_await s.calendar(*req.principal, std::string(*req.param("id"))),
                                req);
      },
      http::signed_in(patient));
  router.add(
      Method::post, "/api/v1/reimbursement/estimate",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.estimate(*req.principal, req.json, req.locale), req);
      },
      http::signed_in(patient, http::json_body()));

  // The email's link: no session.
  router.add(Method::get, "/api/v1/cancel-links/{token}", [&s](Request& req) -> Task<Response> {
    co_return http::reply(co_await s.link_view(std::string(*req.param("token")), req.locale), req);
  });
  router.add(Method::post, "/api/v1/cancel-links/{token}", [&s](Request& req) -> Task<Response> {
    co_return http::reply(co_await s.link_cancel(std::string(*req.param("token")), req.locale),
                          req);
  });
  router.add(Method::get, "/api/v1/cancel-links/{token}/calendar.ics",
             [&s](Request& req) -> Task<Response> {
               co_return calendar_file(co_await s.link_calendar(std::string(*req.param("token"))),
                                       req);
             });

  // The practitioner and their assistants.
  router.add(
      Method::post, "/api/v1/practitioner/appointments",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.book_for_patient(*req.principal, req.json, req.locale),
                              req, 201);
      },
      http::signed_in(agenda_roles, http::json_body()));
  router.add(
      Method::post, "/api/v1/practitioner/appointments/{id}/cancel",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.cancel_by_practitioner(*req.principal, std::string(*req.param("id")),
                                                   req.json, req.locale);
        co_return http::reply(r, req);
      },
      http::signed_in(agenda_roles, http::json_body()));
  router.add(
      Method::post, "/api/v1/practitioner/appointments/{id}/close",
      [&s](Request& req) -> Task<Response> {
        auto r =
            co_await s.close(*req.principal, std::string(*req.param("id")), req.json, req.locale);
        co_return http::reply(r, req);
      },
      http::signed_in(agenda_roles, http::json_body()));
}

}  // namespace cabinet::booking
