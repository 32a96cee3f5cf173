#include "consultation/room_messages.hpp"

#include "core/utf8.hpp"

namespace cabinet::consultation {
namespace {

std::optional<std::string> text_field(const nlohmann::json& m, const char* name, std::size_t max) {
  if (!m.contains(name) || !m[name].is_string()) return std::nullopt;
  auto value = m[name].get<std::string>();
  if (value.empty() || value.size() > max) return std::nullopt;
  return value;
}

}  // namespace

std::optional<RoomMessage> room_message(std::string_view type, const nlohmann::json& m) {
  if (!m.is_object()) return std::nullopt;
  auto id = text_field(m, "consultation", 64);
  if (!id) return std::nullopt;
  RoomMessage out;
  out.consultation = std::move(*id);
  if (type == "join" || type == "leave") return out;
  if (type == "admit") {
    if (m.contains("participant")) {
      out.participant = text_field(m, "participant", 64);
      if (!out.participant) return std::nullopt;
    }
    return out;
  }
  if (type == "signal") {
    auto to = text_field(m, "to", 64);
    const auto data = m.find("data");
    if (!to || data == m.end() || !data->is_object() || data->dump().size() > kMaxSignal)
      return std::nullopt;
    out.to = std::move(*to);
    out.data = &*data;
    return out;
  }
  if (type == "chat") {
    auto text = text_field(m, "text", kMaxChat * 4);
    if (!text || !is_valid_utf8(*text) || utf8_length(*text) > kMaxChat) return std::nullopt;
    out.text = std::move(*text);
    return out;
  }
  return std::nullopt;
}

}  // namespace cabinet::consultation
