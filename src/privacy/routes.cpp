#include "privacy/routes.hpp"

#include "accounts/routes.hpp"
#include "http/reply.hpp"

namespace cabinet::privacy {

void register_routes(http::Router& router, Export& exports) {
  using http::Method;
  using http::Request;
  using http::Response;
  router.add(
      Method::get, "/api/v1/me/export",
      [&exports](Request& req) -> Task<Response> {
        auto data = co_await exports.json(*req.principal, accounts::caller_of(req));
        auto response = http::reply(data, req);
        if (data) {
          response.headers.add("Content-Disposition",
                               "attachment; filename=\"cabinet-mes-donnees.json\"");
          response.headers.add("Cache-Control", "no-store");
        }
        co_return response;
      },
      http::signed_in());
  router.add(
      Method::get, "/api/v1/me/export.zip",
      [&exports](Request& req) -> Task<Response> {
        auto archive = co_await exports.zip(*req.principal, accounts::caller_of(req));
        if (!archive) co_return Response::error(archive.error(), req.locale);
        Response out;
        out.status = 200;
        out.body = std::move(*archive);
        out.headers.add("Content-Type", "application/zip");
        out.headers.add("Content-Disposition", "attachment; filename=\"cabinet-mes-donnees.zip\"");
        out.headers.add("Cache-Control", "no-store");
        co_return out;
      },
      http::signed_in());
}

}  // namespace cabinet::privacy
