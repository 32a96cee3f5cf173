// The queue's routes (docs/queue.md, "API"): public list, the patient's quote, entries and
// leaving, the practitioner's duty and taking; and the two WebSocket watches.
#include "queue/routes.hpp"

#include "http/reply.hpp"
#include "realtime/hub.hpp"

namespace cabinet::queue {

void register_routes(http::Router& router, Service& s) {
  using http::Method;
  using http::Request;
  using http::Response;
  const auto patient = http::role_bit(Role::patient);
  const auto practitioner = http::role_bit(Role::practitioner);

  router.add(Method::get, "/api/v1/queues", [&s](Request& req) -> Task<Response> {
    co_return http::reply(co_await s.queues(req.locale), req);
  });
  router.add(
      Method::post, "/api/v1/queues/{specialty}/quote",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.quote(*req.principal, std::string(*req.param("specialty")),
                                               req.json, req.locale),
                              req);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::post, "/api/v1/queues/{specialty}/entries",
      [&s](Request& req) -> Task<Response> {
        const auto key = std::string(req.headers.get("Idempotency-Key").value_or(""));
        const std::string host(req.headers.get("Host").value_or(""));
        auto r = co_await s.join(*req.principal, std::string(*req.param("specialty")), req.json,
                                 key, req.locale, host);
        if (!r) co_return Response::error(r.error(), req.locale);
        co_return Response::json(r->status, r->body);
      },
      http::signed_in(patient, http::json_body()));
  router.add(
      Method::get, "/api/v1/queue-entries",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.entries(*req.principal, req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::get, "/api/v1/queue-entries/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(
            co_await s.entry(*req.principal, std::string(*req.param("id")), req.locale), req);
      },
      http::signed_in(patient));
  router.add(
      Method::del, "/api/v1/queue-entries/{id}",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.leave(*req.principal, std::string(*req.param("id"))), req);
      },
      http::signed_in(patient));

  router.add(
      Method::get, "/api/v1/practitioner/queue",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.staff(*req.principal, req.locale), req);
      },
      http::signed_in(practitioner));
  router.add(
      Method::put, "/api/v1/practitioner/duty",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.set_duty(*req.principal, req.json, req.locale), req);
      },
      http::signed_in(practitioner, http::json_body()));
  router.add(
      Method::post, "/api/v1/practitioner/queue/take",
      [&s](Request& req) -> Task<Response> {
        co_return http::reply(co_await s.take(*req.principal), req);
      },
      http::signed_in(practitioner));
}

void register_messages(realtime::Hub& hub, Service& s) {
  hub.on("watch_queue", [&s](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
    const auto it = m.find("entry");
    if (it == m.end() || !it->is_string() || it->get<std::string>().size() > 64) {
      c.send(realtime::Hub::error_message(Error(ErrorCode::invalid_message), c.locale()));
      co_return;
    }
    auto r = co_await s.watch(c, it->get<std::string>());
    if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
  });
  hub.on("watch_queue_staff", [&s](realtime::Connection& c, const nlohmann::json&) -> Task<void> {
    auto r = co_await s.watch_staff(c);
    if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
  });
}

}  // namespace cabinet::queue
