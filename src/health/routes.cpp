// The health space's routes (docs/health-space.md): thin, every decision is the service's.
#include "health/routes.hpp"

#include "consultation/file_names.hpp"
#include "http/input.hpp"
#include "http/reply.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::health {
namespace {

std::string param(http::Request& req, std::string_view name) {
  return std::string(req.param(name).value_or(""));
}

std::optional<std::string> query(http::Request& req, std::string_view name) {
  auto v = req.query_param(name);
  if (!v || v->empty()) return std::nullopt;
  return std::string(v->substr(0, 200));
}

int hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A name that tries to be a path or hides its extension (separators, control or
// bidirectional-override characters) is refused outright: a browser never sends one, so it
// is someone probing, and storing a cleaned-up version would only hide that.
bool suspicious_name(std::string_view header) {
  std::string name;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == '%' && i + 2 < header.size() && hex(header[i + 1]) >= 0 &&
        hex(header[i + 2]) >= 0) {
      name += static_cast<char>(hex(header[i + 1]) * 16 + hex(header[i + 2]));
      i += 2;
    } else {
      name += header[i];
    }
  }
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F || c == '/' || c == '\\') return true;
  }
  // U+202A–U+202E and U+2066–U+2069 in UTF-8.
  for (std::size_t i = 0; i + 2 < name.size(); ++i) {
    const auto a = static_cast<unsigned char>(name[i]);
    const auto b = static_cast<unsigned char>(name[i + 1]);
    const auto c = static_cast<unsigned char>(name[i + 2]);
    if (a == 0xE2 && b == 0x80 && c >= 0xAA && c <= 0xAE) return true;
    if (a == 0xE2 && b == 0x81 && c >= 0xA6 && c <= 0xA9) return true;
  }
  return false;
}

// Images and PDFs open in the browser, sandboxed (no script, no same-origin access); anything
// else downloads.
http::Response file_response(FileBytes f) {
  http::Response out;
  out.status = 200;
  const bool inline_view = f.mime == "application/pdf" || f.mime.starts_with("image/");
  auto disposition = consultation::attachment_disposition(f.name);
  if (inline_view && disposition.starts_with("attachment"))
    disposition = "inline" + disposition.substr(std::string_view("attachment").size());
  out.body = std::move(f.bytes);
  out.headers.add("Content-Type", f.mime);
  out.headers.add("Content-Disposition", disposition);
  out.headers.add("Cache-Control", "no-store");
  out.headers.add("X-Content-Type-Options", "nosniff");
  out.headers.add("Content-Security-Policy", "sandbox");
  return out;
}

}  // namespace

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  const auto patient = http::role_bit(Role::patient);

  // The patient's documents: one list per profile, own files added, read, changed, deleted.
  router.add(
      Method::get, "/api/v1/me/documents",
      [&s](Request& req) -> Task<Response> {
        Filter f{query(req, "profile"), query(req, "kind"), query(req, "practitioner")};
        co_return http::reply(co_await s.list(*req.principal, f), req);
      },
      http::signed_in(patient));
  {
    // The raw bytes, up to the largest size the settings allow (refused with 413 unread); the
    // service applies health.file_max_size, which the operator may change at any time.
    http::RouteOptions upload = http::signed_in(patient);
    upload.body = http::BodyKind::raw;
    upload.max_body = uploads::kLargestFile;
    router.add(
        Method::post, "/api/v1/me/documents",
        [&s](Request& req) -> Task<Response> {
          const auto header = req.headers.get("X-File-Name").value_or("");
          if (suspicious_name(header)) {
            const auto e = http::invalid_field(
                "name", "Nom de fichier invalide (séparateurs ou caractères de contrôle).",
                "Invalid file name (separators or control characters).");
            co_return Response::error(e, req.locale);
          }
          Upload u{query(req, "profile").value_or(""), query(req, "title"), query(req, "kind"),
                   consultation::uploaded_file_name(header)};
          auto r = co_await s.add_file(*req.principal, u, std::move(req.body));
          co_return http::reply(r, req, 201);
        },
        upload);
  }
  router.add(
      Method::get, "/api/v1/me/documents/{id}/file",
      [&s](Request& req) -> Task<Response> {
        auto f = co_await s.file(*req.principal, param(req, "id"));
        if (!f) co_return Response::error(f.error(), req.locale);
        co_return file_response(std::move(*f));
      },
      http::signed_in(patient));
  router.add(
      Method::patch, "/api/v1/me/documents/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.update(*req.principal, param(req, "id"), req.json), req);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::del, "/api/v1/me/documents/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.remove(*req.principal, param(req, "id")), req);
      },
      http::signed_in(patient));

  // Shared before a consultation.
  router.add(
      Method::get, "/api/v1/me/appointments/{id}/documents",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.shares(*req.principal, param(req, "id")), req);
      },
      http::signed_in(patient));
  router.add(
      Method::put, "/api/v1/me/appointments/{id}/documents",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.share(*req.principal, param(req, "id"), req.json), req);
      },
      http::signed_in(patient, http::json_body()));

  // The medical profile.
  router.add(
      Method::get, "/api/v1/profiles/{id}/medical",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.medical(*req.principal, param(req, "id")), req);
      },
      http::signed_in(patient));
  router.add(
      Method::put, "/api/v1/profiles/{id}/medical",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.put_medical(*req.principal, param(req, "id"), req.json),
                              req);
      },
      http::signed_in(patient, http::json_body()));

  // The consultation's practitioner: any session, 404 to whoever may not see it.
  router.add(
      Method::get, "/api/v1/consultations/{id}/patient-documents",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.panel(*req.principal, param(req, "id")), req);
      },
      http::signed_in());
  router.add(
      Method::get, "/api/v1/consultations/{id}/patient-documents/{doc}",
      [&s](Request& req) -> Task<Response> {
        auto f = co_await s.panel_file(*req.principal, param(req, "id"), param(req, "doc"));
        if (!f) co_return Response::error(f.error(), req.locale);
        co_return file_response(std::move(*f));
      },
      http::signed_in());
  router.add(
      Method::get, "/api/v1/consultations/{id}/medical",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.consultation_medical(*req.principal, param(req, "id")),
                              req);
      },
      http::signed_in());
  router.add(
      Method::post, "/api/v1/consultations/{id}/medical/items",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.add_medical_item(*req.principal, param(req, "id"), req.json), req, 201);
      },
      http::signed_in(http::kAnyRole, http::json_body()));
}

}  // namespace cabinet::health
