// The server's request path on arbitrary bytes: Beast's parser with the server's header limit,
// the head read as http_session.cpp reads it (request_head.cpp), the route match and its body
// limit, then the dispatcher with the server's middleware: CSRF and Origin checks, sessions,
// JSON body decoding, and a handler reading fields, parameters, the query and cookies.
#include <boost/asio/buffer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <cstdint>
#include <cstdlib>

#include "core/block_on.hpp"
#include "core/random.hpp"
#include "http/authenticator.hpp"
#include "http/dispatcher.hpp"
#include "http/input.hpp"
#include "http/request_head.hpp"
#include "http/response_head.hpp"
#include "http/server.hpp"

namespace {

namespace bhttp = boost::beast::http;
using cabinet::http::Method;
using cabinet::http::Request;
using cabinet::http::Response;

// A session cookie "session=<role>" signs in as that role; "session=expired" is a stale one.
class CookieAuthenticator final : public cabinet::http::Authenticator {
 public:
  cabinet::Task<cabinet::Result<std::optional<cabinet::Principal>>> authenticate(
      Request& request) override {
    const auto cookie = request.cookie("session");
    if (!cookie) co_return std::optional<cabinet::Principal>{};
    if (*cookie == "expired") co_return cabinet::Error(cabinet::ErrorCode::session_expired);
    const auto role = cabinet::parse_role(*cookie);
    if (!role) co_return std::optional<cabinet::Principal>{};
    cabinet::Principal who;
    who.account_id = 1;
    who.role = *role;
    co_return std::optional<cabinet::Principal>(std::move(who));
  }
};

// Reads what handlers read: text fields, a boolean, an object, path parameters, the query.
cabinet::Task<Response> read_fields(Request& r) {
  const cabinet::http::Input in(r.json);
  nlohmann::json out = nlohmann::json::object();
  if (auto email = in.text("email", 254)) out["email"] = *email;
  if (auto note = in.optional_text("note", 2000); note && *note) out["note"] = **note;
  if (auto flag = in.optional_bool("consent"); flag && *flag) out["consent"] = **flag;
  out["has_items"] = in.object("items").is_array();
  if (auto id = r.param("id")) out["id"] = std::string(*id);
  if (auto q = r.query_param("q")) out["q"] = *q;
  co_return Response::json(200, out);
}

struct Server {
  Server() : dispatcher(router, registry, kBodyLimit) {
    dispatcher.use(std::make_shared<cabinet::http::RequestIdMiddleware>(random));
    dispatcher.use(std::make_shared<cabinet::http::AccessLogMiddleware>(registry, false));
    dispatcher.use(std::make_shared<cabinet::http::LocaleMiddleware>());
    dispatcher.use(std::make_shared<cabinet::http::SecurityHeadersMiddleware>(
        cabinet::http::SecurityHeadersOptions{.hsts = true}));
    dispatcher.set_authenticator(std::make_shared<CookieAuthenticator>());
    dispatcher.set_origins(cabinet::http::Origins("https://cabinet.example.fr", {}, true));
    dispatcher.origins().set_bound_port(8080);  // and the loopback names on that port
    using cabinet::http::json_body;
    using cabinet::http::signed_in;
    // The API's route shapes: literal and parameter segments, JSON bodies with their own limit,
    // raw uploads, signed-in routes by role, and a route that opts out of CSRF.
    router.add(Method::post, "/api/v1/auth/signup", read_fields, json_body({.max_body = 8192}));
    router.add(Method::get, "/api/v1/practitioners/{id}", read_fields);
    router.add(Method::get, "/api/v1/practitioners/{id}/slots", read_fields);
    router.add(Method::put, "/api/v1/me/profiles/{id}/administrative", read_fields,
               signed_in(cabinet::http::role_bit(cabinet::Role::patient), json_body()));
    router.add(
        Method::post, "/api/v1/consultations/{id}/files", read_fields,
        signed_in(cabinet::http::kAnyRole,
                  {.body = cabinet::http::BodyKind::raw, .max_body = 64UL * 1024, .guests = true}));
    router.add(Method::post, "/api/v1/reports/csp", read_fields,
               {.body = cabinet::http::BodyKind::json, .max_body = 16UL * 1024, .csrf = false});
    router.add(Method::del, "/api/v1/appointments/{id}", read_fields, signed_in());
    dispatcher.set_fallback([](Request&) -> cabinet::Task<Response> {
      Response r;
      r.body = "<!doctype html>";
      co_return r;
    });
    dispatcher.freeze();
  }

  static constexpr std::size_t kBodyLimit = 32UL * 1024;
  boost::asio::io_context io;
  cabinet::SeededRandom random{1};
  cabinet::metrics::Registry registry;
  cabinet::http::Router router;
  cabinet::http::Dispatcher dispatcher;
  cabinet::http::ServerOptions options;
  std::string head;
};

// What http_session.cpp does once the parser stops: answer, and render the response head.
void answer(Server& s, Request& request, unsigned version, bool keep_alive,
            const cabinet::Error* refused) {
  Response response = refused != nullptr ? s.dispatcher.reject(request, *refused)
                                         : cabinet::block_on(s.io, s.dispatcher.handle(request));
  cabinet::http::render_head(s.head, response, version, response.body_view().size(), keep_alive);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Server s;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(s.options.header_limit));
  parser.body_limit(boost::none);
  Request request;
  bool head_read = false;
  std::size_t offset = 0;
  boost::beast::error_code ec;
  while (offset < size && !parser.is_done()) {
    const auto used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
    offset += used;
    if (ec == bhttp::error::need_more) {
      ec = {};
      if (used == 0) break;  // the rest of the message never arrives: a timeout on a socket
      continue;
    }
    if (ec) break;
    if (parser.is_header_done() && !head_read) {
      head_read = true;
      const auto& header = parser.get();
      if (auto framing = cabinet::http::framing_error(header); !framing.empty()) {
        const cabinet::Error bad(cabinet::ErrorCode::invalid_request, framing);
        answer(s, request, header.version(), false, &bad);
        return 0;
      }
      if (!cabinet::http::read_request_head(header, request)) {
        const cabinet::Error bad(cabinet::ErrorCode::invalid_request);
        answer(s, request, header.version(), false, &bad);
        return 0;
      }
      if (boost::beast::websocket::is_upgrade(header) && request.path == s.options.websocket_path) {
        (void)cabinet::http::origin_allowed(request, s.dispatcher.origins());
        return 0;
      }
      const auto limit = s.dispatcher.prepare(request);
      if (auto length = parser.content_length(); length && *length > limit) {
        const cabinet::Error too_large(cabinet::ErrorCode::payload_too_large);
        answer(s, request, header.version(), false, &too_large);
        return 0;
      }
      parser.body_limit(limit);
      parser.eager(true);  // as bhttp::async_read does for the body
    }
  }
  if (!ec && head_read && !parser.is_done()) parser.put_eof(ec);
  if (!head_read || ec) {
    const cabinet::Error bad(ec == bhttp::error::body_limit ? cabinet::ErrorCode::payload_too_large
                                                            : cabinet::ErrorCode::invalid_request);
    answer(s, request, 11, false, &bad);
    return 0;
  }
  request.body = std::move(parser.get().body());
  answer(s, request, parser.get().version(), parser.get().keep_alive(), nullptr);
  return 0;
}
