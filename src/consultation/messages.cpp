// The room's WebSocket messages (docs/realtime.md "Consultations"): each handler reads its
// fields, calls the service (live.cpp) and refuses with the error's code and message, rendered
// in the sender's language by the same table as HTTP errors.
#include "consultation/messages.hpp"

#include "consultation/room_messages.hpp"
#include "realtime/hub.hpp"

namespace cabinet::consultation {
namespace {

using realtime::Connection;
using Message = nlohmann::json;

void answer(Connection& c, const Result<void>& r) {
  if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
}

const Error kInvalid{ErrorCode::invalid_message};

}  // namespace

void register_messages(realtime::Hub& hub, Service& s) {
  using realtime::Guests;
  // The practitioner's dashboard: waiting-room changes of every consultation of the agenda.
  hub.on("watch_waiting_room", [&s](Connection& c, const Message&) -> Task<void> {
    answer(c, co_await s.watch_waiting_room(c));
  });
  hub.on(
      "join",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto r = room_message("join", m);
        if (!r) co_return answer(c, kInvalid);
        answer(c, co_await s.join(c, r->consultation));
      },
      Guests::allowed);
  hub.on(
      "leave",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto r = room_message("leave", m);
        if (!r) co_return answer(c, kInvalid);
        answer(c, co_await s.leave(c, r->consultation));
      },
      Guests::allowed);
  hub.on("admit", [&s](Connection& c, const Message& m) -> Task<void> {
    const auto r = room_message("admit", m);
    if (!r) co_return answer(c, kInvalid);
    answer(c, co_await s.admit(c, r->consultation, r->participant));
  });
  hub.on(
      "signal",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto r = room_message("signal", m);
        if (!r) co_return answer(c, kInvalid);
        answer(c, co_await s.signal(c, r->consultation, r->to, *r->data));
      },
      Guests::allowed);
  hub.on(
      "chat",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto r = room_message("chat", m);
        if (!r) co_return answer(c, kInvalid);
        answer(c, co_await s.chat(c, r->consultation, r->text));
      },
      Guests::allowed);
  hub.on_detach([&s](std::uint64_t connection) { s.detached(connection); });
}

}  // namespace cabinet::consultation
