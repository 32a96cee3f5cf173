#include "realtime/hub.hpp"

#include <vector>

#include "core/json_limits.hpp"

namespace cabinet::realtime {

void Hub::attach(const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  connections_[connection->id()] = connection;
}

void Hub::detach(std::uint64_t id) {
  {
    std::lock_guard lock(mutex_);
    connections_.erase(id);
    for (auto it = rooms_.begin(); it != rooms_.end();) {
      it->second.erase(id);
      it = it->second.empty() ? rooms_.erase(it) : std::next(it);
    }
  }
  // Outside the lock: a hook broadcasts (a participant left).
  for (const auto& hook : detach_hooks_) hook(id);
}

void Hub::join(const std::string& room, const std::shared_ptr<Connection>& connection) {
  std::lock_guard lock(mutex_);
  rooms_[room][connection->id()] = connection;
}

void Hub::join(const std::string& room, std::uint64_t id) {
  std::lock_guard lock(mutex_);
  auto it = connections_.find(id);
  if (it == connections_.end()) return;
  rooms_[room][id] = it->second;
}

void Hub::leave(const std::string& room, std::uint64_t id) {
  std::lock_guard lock(mutex_);
  if (auto it = rooms_.find(room); it != rooms_.end()) {
    it->second.erase(id);
    if (it->second.empty()) rooms_.erase(it);
  }
}

bool Hub::send_to(std::uint64_t id, const std::string& message) {
  std::shared_ptr<Connection> target;
  {
    std::lock_guard lock(mutex_);
    auto it = connections_.find(id);
    if (it == connections_.end()) return false;
    target = it->second.lock();
  }
  if (!target) return false;
  target->send(message);
  return true;
}

std::size_t Hub::broadcast(const std::string& room, const std::string& message) {
  std::vector<std::weak_ptr<Connection>> targets;
  {
    std::lock_guard lock(mutex_);
    auto it = rooms_.find(room);
    if (it == rooms_.end()) return 0;
    targets.reserve(it->second.size());
    for (const auto& [id, weak] : it->second) targets.push_back(weak);
  }
  std::size_t sent = 0;
  for (const auto& weak : targets) {
    if (auto conn = weak.lock()) {
      conn->send(message);
      ++sent;
    }
  }
  return sent;
}

void Hub::close_all(CloseCode code, const std::string& reason) {
  std::vector<std::weak_ptr<Connection>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : connections_) targets.push_back(weak);
  }
  for (const auto& weak : targets) {
    if (auto conn = weak.lock()) conn->close(code, reason);
  }
}

std::size_t Hub::close_if(const std::function<bool(const Principal&)>& match, CloseCode code,
                          const std::string& reason) {
  std::vector<std::shared_ptr<Connection>> targets;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [id, weak] : connections_) {
      if (auto conn = weak.lock(); conn && match(conn->principal())) targets.push_back(conn);
    }
  }
  for (const auto& conn : targets) conn->close(code, reason);
  return targets.size();
}

std::size_t Hub::connection_count() const {
  std::lock_guard lock(mutex_);
  return connections_.size();
}

std::size_t Hub::room_size(const std::string& room) const {
  std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  return it == rooms_.end() ? 0 : it->second.size();
}

void Hub::on(std::string type, Handler handler, Guests guests) {
  handlers_[std::move(type)] = Route{std::move(handler), guests};
}

std::string Hub::error_message(const Error& error, Locale locale) {
  auto out = error_object(error, locale);
  out["type"] = "error";
  return out.dump();
}

Task<void> Hub::dispatch(Connection& connection, std::string_view text) {
  auto message = json_depth_within(text) ? nlohmann::json::parse(text, nullptr, false)
                                         : nlohmann::json(nlohmann::json::value_t::discarded);
  if (message.is_discarded() || !message.is_object() || !message.contains("type") ||
      !message["type"].is_string()) {
    connection.send(error_message(ErrorCode::not_a_message, connection.locale()));
    co_return;
  }
  // handlers_ is only written while wiring, before the first connection: no lock needed.
  auto it = handlers_.find(message["type"].get<std::string>());
  if (it == handlers_.end()) {
    connection.send(error_message(ErrorCode::unknown_type, connection.locale()));
    co_return;
  }
  if (connection.principal().guest && it->second.guests != Guests::allowed) {
    connection.send(error_message(ErrorCode::forbidden, connection.locale()));
    co_return;
  }
  co_await it->second.handler(connection, message);
}

}  // namespace cabinet::realtime
