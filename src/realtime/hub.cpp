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

std::string Hub::error_message(std::string_view code, Locale locale) {
  std::string message;
  if (code == "invalid_json") {
    message = locale == Locale::en ? "The message is not a JSON object with a \"type\"."
                                   : "Le message n'est pas un objet JSON avec un « type ».";
  } else if (code == "unknown_type") {
    message = locale == Locale::en ? "Unknown message type." : "Type de message inconnu.";
  } else if (code == "rate_limited") {
    message =
        locale == Locale::en ? "Too many messages: slow down." : "Trop de messages : ralentissez.";
  } else if (code == "forbidden") {
    message = locale == Locale::en ? "You are not allowed to do this."
                                   : "Vous n'avez pas le droit de faire cela.";
  } else if (code == "not_open") {
    message = locale == Locale::en ? "The waiting room opens 10 minutes before the appointment."
                                   : "La salle d'attente ouvre 10 minutes avant le rendez-vous.";
  } else if (code == "not_admitted") {
    message = locale == Locale::en ? "This participant has not been admitted by the practitioner."
                                   : "Ce participant n'a pas encore été admis par le praticien.";
  } else if (code == "room_full") {
    message = locale == Locale::en ? "The consultation already has 4 participants."
                                   : "La consultation réunit déjà 4 participants.";
  } else if (code == "invalid") {
    message = locale == Locale::en ? "The message is malformed." : "Le message est mal formé.";
  } else if (code == "not_found") {
    message = locale == Locale::en ? "Nothing was found with that identifier."
                                   : "Rien n'a été trouvé avec cet identifiant.";
  } else {
    message = locale == Locale::en ? "The message was refused." : "Le message a été refusé.";
  }
  return nlohmann::json{{"type", "error"}, {"code", code}, {"message", message}}.dump();
}

Task<void> Hub::dispatch(Connection& connection, std::string_view text) {
  auto message = json_depth_within(text) ? nlohmann::json::parse(text, nullptr, false)
                                         : nlohmann::json(nlohmann::json::value_t::discarded);
  if (message.is_discarded() || !message.is_object() || !message.contains("type") ||
      !message["type"].is_string()) {
    connection.send(error_message("invalid_json", connection.locale()));
    co_return;
  }
  // handlers_ is only written while wiring, before the first connection: no lock needed.
  auto it = handlers_.find(message["type"].get<std::string>());
  if (it == handlers_.end()) {
    connection.send(error_message("unknown_type", connection.locale()));
    co_return;
  }
  if (connection.principal().guest && it->second.guests != Guests::allowed) {
    connection.send(error_message("forbidden", connection.locale()));
    co_return;
  }
  co_await it->second.handler(connection, message);
}

}  // namespace cabinet::realtime
