#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// The fields of the consultation room's WebSocket messages (docs/realtime.md "Consultations"),
// checked before any service call: pure, so that fuzz/websocket.cpp decodes arbitrary messages
// without a database. messages.cpp answers `invalid_message` when these give nullopt.
namespace cabinet::consultation {

inline constexpr std::size_t kMaxSignal = 32UL * 1024;
inline constexpr std::size_t kMaxChat = 2000;  // characters

struct RoomMessage {
  std::string consultation;                // a public id of at most 64 characters
  std::optional<std::string> participant;  // admit: whom (absent: the patient's side)
  std::string to;                          // signal: the addressee
  const nlohmann::json* data = nullptr;    // signal: the payload, an object; points into m
  std::string text;                        // chat: valid UTF-8, at most kMaxChat characters
};

// `type` is one of join, leave, admit, signal, chat; nullopt for another type or when a field is
// missing, of the wrong type or too long.
std::optional<RoomMessage> room_message(std::string_view type, const nlohmann::json& m);

}  // namespace cabinet::consultation
