#pragma once

#include <memory>
#include <vector>

#include "core/async.hpp"
#include "http/authenticator.hpp"
#include "http/message.hpp"
#include "http/middleware.hpp"
#include "http/origins.hpp"
#include "http/router.hpp"
#include "metrics/registry.hpp"

namespace cabinet::http {

// Turns a request into a response: middleware, routing, body decoding, the handler, and the
// error boundary. Knows nothing of sockets, so handler tests call it directly.
class Dispatcher {
 public:
  Dispatcher(Router& router, metrics::Registry& registry, std::size_t default_body_limit);

  void use(std::shared_ptr<Middleware> middleware) { middleware_.push_back(std::move(middleware)); }
  // Answers GET/HEAD requests outside /api/ that no route matched (static files, SPA).
  void set_fallback(Handler fallback) { fallback_ = std::move(fallback); }
  void set_authenticator(std::shared_ptr<Authenticator> authenticator) {
    authenticator_ = std::move(authenticator);
  }
  // Consultation guests (their own cookie, not a session): asked only for routes that let
  // guests in, and for the WebSocket upgrade.
  void set_guest_authenticator(std::shared_ptr<Authenticator> authenticator) {
    guest_authenticator_ = std::move(authenticator);
  }
  // The origins the site is served as: unsafe requests and WebSocket handshakes must come
  // from one of them. Set before serving; the bound port is added once known.
  void set_origins(Origins origins) { origins_ = std::move(origins); }
  [[nodiscard]] Origins& origins() { return origins_; }
  [[nodiscard]] const Origins& origins() const { return origins_; }

  // Call once all routes are added, before serving: attaches per-route metric series.
  void freeze();

  Task<Response> handle(Request& request);
  // Who the request's session names (nullopt: none), for the WebSocket upgrade; without a
  // valid session, a valid guest cookie names the guest.
  Task<Result<std::optional<Principal>>> authenticate(Request& request);
  // An error found by the server before any handler (bad request line, body too large):
  // answered through the same middleware, so it carries the same headers, id and metrics.
  Response reject(Request& request, const Error& error);

  // Matches the route once, before the body is read; returns the largest body to accept for
  // it (the route's own limit or the default). handle() reuses the match.
  std::size_t prepare(Request& request) const;
  [[nodiscard]] Router& router() { return router_; }

 private:
  Task<Response> route(Request& request);
  [[nodiscard]] bool csrf_ok(const Request& request) const;
  Task<Result<std::optional<Principal>>> identify(Request& request, bool guests);

  Router& router_;
  metrics::Registry& registry_;
  std::size_t default_body_limit_;
  std::vector<std::shared_ptr<Middleware>> middleware_;
  Handler fallback_;
  std::shared_ptr<Authenticator> authenticator_;
  std::shared_ptr<Authenticator> guest_authenticator_;
  Origins origins_;
};

}  // namespace cabinet::http
