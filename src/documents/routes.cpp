// The documents' routes (docs/documents.md): thin, every decision is the service's. Routes that
// name a consultation or a document take any session and answer 404 to whoever may not see it.
#include "documents/routes.hpp"

#include "http/reply.hpp"
#include "realtime/hub.hpp"

namespace cabinet::documents {
namespace {

std::string param(http::Request& req, std::string_view name) {
  return std::string(req.param(name).value_or(""));
}

// The key of a pharmacist's POST: a string, or nothing (never a 500 on a number).
std::string key_of(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("key") || !body["key"].is_string()) return {};
  return body["key"].get<std::string>();
}

std::string query(http::Request& req, std::string_view name) {
  return std::string(req.query_param(name).value_or(""));
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  const auto practitioner = http::role_bit(Role::practitioner);
  const auto patient = http::role_bit(Role::patient);

  // The practitioner: the closing form's draft, the close, one more document or a correction.
  router.add(
      Method::get, "/api/v1/consultations/{id}/draft",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.draft(*req.principal, param(req, "id")), req);
      },
      http::signed_in());
  router.add(
      Method::put, "/api/v1/consultations/{id}/draft",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.save_draft(*req.principal, param(req, "id"), req.json),
                              req);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
  router.add(
      Method::post, "/api/v1/consultations/{id}/close",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.close(*req.principal, param(req, "id"), req.json, req.locale), req);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
  router.add(
      Method::post, "/api/v1/consultations/{id}/documents",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.issue(*req.principal, param(req, "id"), req.json, req.locale), req, 201);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
  router.add(
      Method::get, "/api/v1/consultations/{id}/documents",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.of_consultation(*req.principal, param(req, "id")), req);
      },
      http::signed_in());
  router.add(
      Method::get, "/api/v1/certificates",
      [](Request& req) -> Task<Response> {
        co_return Response::json(200, Service::certificates(req.locale));
      },
      http::signed_in(practitioner));

  // The patient: a PDF, a prescription sent to a pharmacy (the list of every profile's
  // documents is the health space's: src/health/routes.cpp).
  router.add(
      Method::get, "/api/v1/documents/{id}/pdf",
      [&s](Request& req) -> Task<Response> {
        auto pdf =
            co_await s.pdf(*req.principal, param(req, "id"), query(req, "copy") == "medical");
        if (!pdf) co_return Response::error(pdf.error(), req.locale);
        Response out;
        out.status = 200;
        out.body = std::move(pdf->bytes);
        out.headers.add("Content-Type", "application/pdf");
        out.headers.add("Content-Disposition", "inline; filename=\"" + pdf->filename + "\"");
        out.headers.add("Cache-Control", "no-store");
        out.headers.add("X-Content-Type-Options", "nosniff");
        co_return out;
      },
      http::signed_in());
  router.add(
      Method::post, "/api/v1/documents/{id}/pharmacy",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.send_to_pharmacy(*req.principal, param(req, "id"), req.json), req);
      },
      http::signed_in(patient, http::json_body()));

  // The pharmacist, from the QR: no session, the key is the credential.
  router.add(Method::get, "/api/v1/prescriptions/{number}", [&s](Request& req) -> Task<Response> {
    auto r = co_await s.verify(param(req, "number"), query(req, "key"), req.remote_ip);
    auto response = http::reply(r, req);
    response.headers.add("Cache-Control", "no-store");
    co_return response;
  });
  router.add(
      Method::post, "/api/v1/prescriptions/{number}/dispense",
      [&s](Request& req) -> Task<Response> {
        const auto key = key_of(req.json);
        co_return http::reply(co_await s.dispense(param(req, "number"), key, req.remote_ip), req);
      },
      http::json_body());
  router.add(
      Method::post, "/api/v1/prescriptions/{number}/status",
      [&s](Request& req) -> Task<Response> {
        const auto key = key_of(req.json);
        co_return http::reply(
            co_await s.pharmacy_status(param(req, "number"), key, req.json, req.remote_ip), req);
      },
      http::json_body());
}

void register_messages(realtime::Hub& hub, Service& s) {
  hub.on("watch_documents", [&s](realtime::Connection& c, const nlohmann::json&) -> Task<void> {
    auto r = co_await s.watch(c);
    if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
  });
}

}  // namespace cabinet::documents
