// The messaging's routes (docs/messaging.md): thin, every decision is the service's. Routes that
// name a conversation take any session and answer 404 to whoever is not one of its two sides.
#include "messaging/routes.hpp"

#include "consultation/file_names.hpp"
#include "http/reply.hpp"
#include "realtime/hub.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::messaging {
namespace {

std::string param(http::Request& req, std::string_view name) {
  return std::string(req.param(name).value_or(""));
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  const auto practitioner = http::role_bit(Role::practitioner);
  const auto patient = http::role_bit(Role::patient);

  router.add(
      Method::get, "/api/v1/messaging/practitioners",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.practitioners(*req.principal, req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::get, "/api/v1/me/messaging",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.settings(*req.principal), req);
      },
      http::signed_in(practitioner));
  router.add(
      Method::put, "/api/v1/me/messaging",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.put_settings(*req.principal, req.json), req);
      },
      http::signed_in(practitioner, http::json_body()));

  router.add(
      Method::get, "/api/v1/conversations",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.list(*req.principal), req);
      },
      http::signed_in());
  router.add(
      Method::post, "/api/v1/conversations",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.open(*req.principal, req.json, req.remote_ip), req, 201);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::get, "/api/v1/conversations/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.read(*req.principal, param(req, "id"), req.remote_ip),
                              req);
      },
      http::signed_in());
  router.add(
      Method::post, "/api/v1/conversations/{id}/messages",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.send(*req.principal, param(req, "id"), req.json, req.remote_ip), req, 201);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
  router.add(
      Method::post, "/api/v1/conversations/{id}/close",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.close(*req.principal, param(req, "id")), req);
      },
      http::signed_in());
  {
    // The raw bytes, up to the largest size the settings allow (refused with 413 unread); the
    // service applies the attachments' live size.
    http::RouteOptions upload = http::signed_in();
    upload.body = http::BodyKind::raw;
    upload.max_body = uploads::kLargestFile;
    router.add(
        Method::post, "/api/v1/conversations/{id}/files",
        [&s](Request& req) -> Task<Response> {
          const auto name =
              consultation::uploaded_file_name(req.headers.get("X-File-Name").value_or(""));
          const auto text = req.query_param("message").value_or("");
          auto r = co_await s.attach(*req.principal, param(req, "id"), name, std::move(req.body),
                                     text, req.remote_ip);
          co_return http::reply(r, req, 201);
        },
        upload);
  }
  router.add(
      Method::get, "/api/v1/conversations/{id}/files/{file}",
      [&s](Request& req) -> Task<Response> {
        auto f =
            co_await s.file(*req.principal, param(req, "id"), param(req, "file"), req.remote_ip);
        if (!f) co_return Response::error(f.error(), req.locale);
        Response out;
        out.status = 200;
        out.body = std::move(f->bytes);
        // Always a download, of the type found at upload: never rendered in the site's origin.
        out.headers.add("Content-Type", f->mime);
        out.headers.add("Content-Disposition", consultation::attachment_disposition(f->name));
        out.headers.add("Cache-Control", "no-store");
        out.headers.add("X-Content-Type-Options", "nosniff");
        co_return out;
      },
      http::signed_in());
}

void register_messages(realtime::Hub& hub, Service& s) {
  hub.on("watch_messages", [&s](realtime::Connection& c, const nlohmann::json&) -> Task<void> {
    auto r = co_await s.watch(c);
    if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
  });
}

}  // namespace cabinet::messaging
