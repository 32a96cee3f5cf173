#include "devtools/routes.hpp"

#include "http/reply.hpp"
#include "notify/file_transport.hpp"

namespace cabinet::devtools {

void register_routes(http::Router& router, bool enabled, std::filesystem::path mailbox,
                     const http::Origins& origins) {
  using http::Method;
  using http::Request;
  using http::Response;
  auto open = [enabled, &origins](const Request& req) {
    return enabled && origins.host_allowed(req.headers.get("Host").value_or(""));
  };
  router.add(Method::get, "/api/v1/dev/mailbox", [open, mailbox](Request& req) -> Task<Response> {
    if (!open(req)) co_return Response::error(ErrorCode::not_found, req.locale);
    nlohmann::json out = nlohmann::json::array();
    for (const auto& m : notify::list_mailbox(mailbox)) {
      out.push_back({{"id", m.id}, {"to", m.to}, {"subject", m.subject}, {"date", m.date}});
    }
    co_return Response::json(200, out);
  });
  router.add(
      Method::get, "/api/v1/dev/mailbox/{id}", [open, mailbox](Request& req) -> Task<Response> {
        if (!open(req)) co_return Response::error(ErrorCode::not_found, req.locale);
        auto m = notify::read_mailbox(mailbox, *req.param("id"));
        if (!m) co_return Response::error(ErrorCode::not_found, req.locale);
        nlohmann::json files = nlohmann::json::array();
        for (const auto& a : m->attachments) {
          files.push_back(
              {{"filename", a.filename}, {"content_type", a.content_type}, {"content", a.content}});
        }
        co_return Response::json(200, {{"id", std::string(*req.param("id"))},
                                       {"attachments", std::move(files)},
                                       {"to", m->to},
                                       {"subject", m->subject},
                                       {"date", m->date},
                                       {"text", m->text},
                                       {"html", m->html}});
      });
}

}  // namespace cabinet::devtools
