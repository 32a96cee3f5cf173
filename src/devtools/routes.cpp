#include "devtools/routes.hpp"

#include "http/reply.hpp"
#include "notify/file_transport.hpp"

namespace cabinet::devtools {

void register_routes(http::Router& router, bool enabled, std::filesystem::path mailbox) {
  using http::Method;
  using http::Request;
  using http::Response;
  router.add(
      Method::get, "/api/v1/dev/mailbox", [enabled, mailbox](Request& req) -> Task<Response> {
        if (!enabled) co_return Response::error(ErrorCode::not_found, req.locale);
        nlohmann::json out = nlohmann::json::array();
        for (const auto& m : notify::list_mailbox(mailbox)) {
          out.push_back({{"id", m.id}, {"to", m.to}, {"subject", m.subject}, {"date", m.date}});
        }
        co_return Response::json(200, out);
      });
  router.add(
      Method::get, "/api/v1/dev/mailbox/{id}", [enabled, mailbox](Request& req) -> Task<Response> {
        if (!enabled) co_return Response::error(ErrorCode::not_found, req.locale);
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
