// WebSocket messages on arbitrary text: the hub's parsing and routing by "type" (depth check,
// guests refused unless allowed, unknown types, error replies in the sender's language), then
// the consultation room's field decoding for join, leave, admit, signal and chat. The first byte
// says who sends it (a guest or not, French or English); the rest is the message.
#include <boost/asio/io_context.hpp>
#include <cstdint>

#include "consultation/room_messages.hpp"
#include "core/block_on.hpp"
#include "realtime/hub.hpp"

namespace {

using cabinet::Task;
using cabinet::realtime::Connection;

class Socket final : public Connection {
 public:
  Socket(cabinet::Locale locale, bool guest) : locale_(locale) {
    principal_.role = guest ? cabinet::Role::guest : cabinet::Role::patient;
    if (guest) principal_.guest = cabinet::Principal::Guest{.id = 1, .name = "Invité"};
  }
  [[nodiscard]] std::uint64_t id() const override { return 1; }
  [[nodiscard]] cabinet::Locale locale() const override { return locale_; }
  [[nodiscard]] const cabinet::Principal& principal() const override { return principal_; }
  void send(std::string text) override {
    // Every reply must itself be a JSON object with a type, as the web app expects.
    const auto reply = nlohmann::json::parse(text, nullptr, false);
    if (!reply.is_object() || !reply.contains("type")) __builtin_trap();
  }
  void close(cabinet::realtime::CloseCode, std::string) override {}

 private:
  cabinet::Locale locale_;
  cabinet::Principal principal_;
};

struct Hub {
  Hub() {
    using cabinet::realtime::Guests;
    for (const char* type : {"join", "leave", "admit", "signal", "chat"}) {
      const bool staff_only = std::string_view(type) == "admit";
      hub.on(
          type,
          [type](Connection& c, const nlohmann::json& m) -> Task<void> {
            const auto r = cabinet::consultation::room_message(type, m);
            if (!r) {
              c.send(cabinet::realtime::Hub::error_message(
                  cabinet::Error(cabinet::ErrorCode::invalid_message), c.locale()));
            } else if (r->data != nullptr && !r->data->is_object()) {
              __builtin_trap();
            }
            co_return;
          },
          staff_only ? Guests::refused : Guests::allowed);
    }
  }
  boost::asio::io_context io;
  cabinet::realtime::Hub hub;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Hub h;
  if (size == 0) return 0;
  Socket socket((data[0] & 1) != 0 ? cabinet::Locale::en : cabinet::Locale::fr, (data[0] & 2) != 0);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  cabinet::block_on(h.io, h.hub.dispatch(socket, text));
  return 0;
}
