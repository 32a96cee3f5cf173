// The REST side of the consultation record (docs/consultation.md "Files", "Phone fallback",
// "The practitioner's side panel"). Every route takes any session: the service answers
// not_found to whoever is not a participant, forbidden to a participant who may not see it.
#include "booking/records.hpp"
#include "booking/routes.hpp"
#include "http/reply.hpp"

namespace cabinet::booking {

void register_record_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  {
    // The raw bytes, up to consultation.file_max_size: a bigger body is refused with 413 before
    // it is read.
    http::RouteOptions upload = http::signed_in();
    upload.body = http::BodyKind::raw;
    upload.max_body = s.file_max_size();
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

}  // namespace cabinet::booking
