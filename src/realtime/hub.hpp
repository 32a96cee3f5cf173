#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/async.hpp"
#include "core/error.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"

namespace cabinet::realtime {

// WebSocket close codes we use (RFC 6455 §7.4.1).
enum class CloseCode : std::uint16_t {
  normal = 1000,
  going_away = 1001,  // server shutting down
  policy = 1008,      // not allowed, or too slow to read its messages
  too_big = 1009,     // message over the size limit
};

// A live socket as the rest of the program sees it. Implemented over Beast in src/http.
class Connection {
 public:
  virtual ~Connection() = default;
  [[nodiscard]] virtual std::uint64_t id() const = 0;
  [[nodiscard]] virtual Locale locale() const = 0;
  // Who opened the socket: the upgrade needs a valid session (docs/realtime.md).
  [[nodiscard]] virtual const Principal& principal() const = 0;
  // Queues a text message; thread-safe, never blocks, never sends while a lock is held.
  virtual void send(std::string text) = 0;
  // Sends the close frame after the messages already queued.
  virtual void close(CloseCode code, std::string reason) = 0;
};

// Whether a consultation guest's socket may send a message type (docs/realtime.md, "Guests"):
// refused unless the handler says otherwise, so that a new message type never reaches guests
// by accident.
enum class Guests : std::uint8_t { refused, allowed };

// Rooms of connections, after Beast's chat-multi example: membership under a mutex, and to
// broadcast, copy weak_ptrs under the lock and send after releasing it. Also dispatches
// incoming JSON messages by their "type".
class Hub {
 public:
  using Handler = std::function<Task<void>(Connection&, const nlohmann::json&)>;

  void attach(const std::shared_ptr<Connection>& connection);
  // Leaves every room; called from the connection's destructor path.
  void detach(std::uint64_t id);
  void join(const std::string& room, const std::shared_ptr<Connection>& connection);
  // Joins an attached connection by id (from a message handler, which holds a reference).
  void join(const std::string& room, std::uint64_t id);
  void leave(const std::string& room, std::uint64_t id);
  // Queues the message for one connection; false when it is gone.
  bool send_to(std::uint64_t id, const std::string& message);
  // Returns how many connections the message was queued for.
  std::size_t broadcast(const std::string& room, const std::string& message);
  void close_all(CloseCode code, const std::string& reason);
  // Closes the sockets whose principal matches (a revoked guest's); returns how many.
  std::size_t close_if(const std::function<bool(const Principal&)>& match, CloseCode code,
                       const std::string& reason);

  [[nodiscard]] std::size_t connection_count() const;
  [[nodiscard]] std::size_t room_size(const std::string& room) const;

  // Registers the handler of one message type; a wiring-time call, before serving. Guests'
  // sockets get `forbidden` for it unless `guests` is allowed.
  void on(std::string type, Handler handler, Guests guests = Guests::refused);
  // Called with a connection's id once it is gone (after it left every room); wiring time.
  void on_detach(std::function<void(std::uint64_t)> hook) {
    detach_hooks_.push_back(std::move(hook));
  }
  // Parses and routes one text message. Bad messages get an "error" reply on that socket only.
  Task<void> dispatch(Connection& connection, std::string_view text);

  // {"type":"error","code":…,"message":…} in the connection's language, from the same table as
  // HTTP errors (core/error.cpp), with the error's parameters and extra fields.
  static std::string error_message(const Error& error, Locale locale);

 private:
  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Connection>> connections_;
  std::map<std::string, std::unordered_map<std::uint64_t, std::weak_ptr<Connection>>, std::less<>>
      rooms_;
  struct Route {
    Handler handler;
    Guests guests = Guests::refused;
  };
  std::unordered_map<std::string, Route> handlers_;
  std::vector<std::function<void(std::uint64_t)>> detach_hooks_;
};

}  // namespace cabinet::realtime
