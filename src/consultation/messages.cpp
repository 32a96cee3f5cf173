// The room's WebSocket messages (docs/realtime.md "Consultations"): each handler reads its
// fields, calls the service (live.cpp) and refuses with the error's code and message, rendered
// in the sender's language by the same table as HTTP errors.
#include "consultation/messages.hpp"

#include "core/utf8.hpp"
#include "realtime/hub.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::size_t kMaxSignal = 32UL * 1024;
constexpr std::size_t kMaxChat = 2000;

using realtime::Connection;
using Message = nlohmann::json;

void answer(Connection& c, const Result<void>& r) {
  if (!r) c.send(realtime::Hub::error_message(r.error(), c.locale()));
}

std::optional<std::string> text_field(const Message& m, const char* name, std::size_t max) {
  if (!m.contains(name) || !m[name].is_string()) return std::nullopt;
  auto value = m[name].get<std::string>();
  if (value.empty() || value.size() > max) return std::nullopt;
  return value;
}

// The consultation a message is about: a public id of at most 64 characters.
std::optional<std::string> consultation_of(const Message& m) {
  return text_field(m, "consultation", 64);
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
        const auto id = consultation_of(m);
        if (!id) co_return answer(c, kInvalid);
        answer(c, co_await s.join(c, *id));
      },
      Guests::allowed);
  hub.on(
      "leave",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto id = consultation_of(m);
        if (!id) co_return answer(c, kInvalid);
        answer(c, co_await s.leave(c, *id));
      },
      Guests::allowed);
  hub.on("admit", [&s](Connection& c, const Message& m) -> Task<void> {
    const auto id = consultation_of(m);
    std::optional<std::string> participant;
    if (m.contains("participant")) participant = text_field(m, "participant", 64);
    if (!id || (m.contains("participant") && !participant)) co_return answer(c, kInvalid);
    answer(c, co_await s.admit(c, *id, participant));
  });
  hub.on(
      "signal",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto id = consultation_of(m);
        const auto to = text_field(m, "to", 64);
        if (!id || !to || !m.contains("data") || !m["data"].is_object() ||
            m["data"].dump().size() > kMaxSignal)
          co_return answer(c, kInvalid);
        answer(c, co_await s.signal(c, *id, *to, m["data"]));
      },
      Guests::allowed);
  hub.on(
      "chat",
      [&s](Connection& c, const Message& m) -> Task<void> {
        const auto id = consultation_of(m);
        const auto text = text_field(m, "text", kMaxChat * 4);
        if (!id || !text || !is_valid_utf8(*text) || utf8_length(*text) > kMaxChat)
          co_return answer(c, kInvalid);
        answer(c, co_await s.chat(c, *id, *text));
      },
      Guests::allowed);
  hub.on_detach([&s](std::uint64_t connection) { s.detached(connection); });
}

}  // namespace cabinet::consultation
