// The consultation's REST routes (docs/consultation.md); its live side is on the WebSocket
// (messages.cpp). The record's routes take any session: the service answers not_found to
// whoever is not a participant, forbidden to a participant who may not see it.
#include "consultation/routes.hpp"

#include "consultation/file_names.hpp"
#include "http/reply.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::consultation {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  const auto patient = http::role_bit(Role::patient);
  const auto agenda_roles = http::role_bit(Role::practitioner) | http::role_bit(Role::assistant);

  // The teleconsultation room (docs/consultation.md); its live side is on the WebSocket.
  router.add(
      Method::get, "/api/v1/consultations/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.consultation(*req.principal, std::string(*req.param("id")), req.locale),
            req);
      },
      // Any session, or the consultation's guest (its limited view): access() answers
      // not_found to whoever is not a participant.
      http::guests_too(http::signed_in()));
  router.add(
      Method::get, "/api/v1/practitioner/consultations",
      [&s](Request& req) -> Task<Response> {
        std::string date;
        if (auto d = req.query_param("date"); d) date = std::string(d->substr(0, 10));
        co_return http::reply(co_await s.consultations_of_day(*req.principal, date, req.locale),
                              req);
      },
      http::signed_in(agenda_roles));

  // Guests (ROOM8, docs/consultation.md "Guests"): the patient or the practitioner invites.
  const auto inviters = patient | http::role_bit(Role::practitioner);
  router.add(
      Method::post, "/api/v1/consultations/{id}/invitations",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.invite(*req.principal, std::string(*req.param("id")), req.json,
                                   req.remote_ip);
        co_return http::reply(r, req, 201);
      },
      http::signed_in(inviters, http::json_body()));
  router.add(
      Method::get, "/api/v1/consultations/{id}/invitations",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.invitations(*req.principal, std::string(*req.param("id"))),
                              req);
      },
      http::signed_in(inviters));
  router.add(
      Method::del, "/api/v1/consultations/{id}/invitations/{invitation}",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.revoke_invitation(*req.principal, std::string(*req.param("id")),
                                              std::string(*req.param("invitation")), req.remote_ip);
        co_return http::reply(r, req);
      },
      http::signed_in(inviters));
  // The link: no session. Its claim gives the browser the guest cookie.
  router.add(Method::get, "/api/v1/invitations/{token}", [&s](Request& req) -> Task<Response> {
    std::optional<std::string> credential;
    if (auto c = req.cookie(kGuestCookie)) credential = std::string(*c);
    auto r = co_await s.invitation(std::string(*req.param("token")), credential, req.remote_ip);
    auto response = http::reply(r, req);
    response.headers.add("Cache-Control", "no-store");
    co_return response;
  });
  router.add(
      Method::post, "/api/v1/invitations/{token}/claim",
      [&s](Request& req) -> Task<Response> {
        std::optional<std::string> credential;
        if (auto c = req.cookie(kGuestCookie)) credential = std::string(*c);
        auto r =
            co_await s.claim(std::string(*req.param("token")), req.json, credential, req.remote_ip);
        if (!r) co_return Response::error(r.error(), req.locale);
        auto response = Response::json(200, r->body);
        // Strict: the cookie never rides a request another site started.
        response.headers.add("Set-Cookie", std::string(kGuestCookie) + "=" + r->credential +
                                               "; Path=/; Max-Age=" + std::to_string(r->max_age) +
                                               "; HttpOnly; SameSite=Strict" +
                                               (s.options()->secure_cookies ? "; Secure" : ""));
        response.headers.add("Cache-Control", "no-store");
        co_return response;
      },
      http::json_body());

  // The record: files, the switch to a phone call, the side panel, notes.
  {
    // The raw bytes, up to the largest size the settings allow (refused with 413 unread); the
    // service applies consultation.file_max_size, which the operator may change at any time.
    http::RouteOptions upload = http::signed_in();
    upload.body = http::BodyKind::raw;
    upload.max_body = uploads::kLargestFile;
    router.add(
        Method::post, "/api/v1/consultations/{id}/files",
        [&s](Request& req) -> Task<Response> {
          const auto name = uploaded_file_name(req.headers.get("X-File-Name").value_or(""));
          auto r = co_await s.add_file(*req.principal, std::string(*req.param("id")), name,
                                       std::move(req.body));
          co_return http::reply(r, req, 201);
        },
        upload);
  }
  router.add(
      Method::get, "/api/v1/consultations/{id}/files",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.files(*req.principal, std::string(*req.param("id"))), req);
      },
      http::signed_in());
  router.add(
      Method::get, "/api/v1/consultations/{id}/files/{file}",
      [&s](Request& req) -> Task<Response> {
        auto f = co_await s.file(*req.principal, std::string(*req.param("id")),
                                 std::string(*req.param("file")));
        if (!f) co_return Response::error(f.error(), req.locale);
        Response out;
        out.status = 200;
        out.body = std::move(f->bytes);
        // Always a download, of the type found at upload: never rendered in the site's origin.
        out.headers.add("Content-Type", f->mime);
        out.headers.add("Content-Disposition", attachment_disposition(f->name));
        out.headers.add("Cache-Control", "no-store");
        out.headers.add("X-Content-Type-Options", "nosniff");
        co_return out;
      },
      http::signed_in());
  router.add(
      Method::post, "/api/v1/consultations/{id}/phone",
      [&s](Request& req) -> Task<Response> {
        auto r =
            co_await s.switch_to_phone(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
  router.add(
      Method::get, "/api/v1/consultations/{id}/panel",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.panel(*req.principal, std::string(*req.param("id"))), req);
      },
      http::signed_in());
  router.add(
      Method::put, "/api/v1/consultations/{id}/notes",
      [&s](Request& req) -> Task<Response> {
        auto r = co_await s.save_notes(*req.principal, std::string(*req.param("id")), req.json);
        co_return http::reply(r, req);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
}

}  // namespace cabinet::consultation
