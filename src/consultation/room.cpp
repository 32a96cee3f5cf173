// Who is in which teleconsultation room on this node, and the delivery of its messages
// (room.hpp; docs/consultation.md, docs/realtime.md "Consultations").
#include "consultation/room.hpp"

#include <algorithm>

#include "realtime/hub.hpp"

namespace cabinet::consultation {

Rooms::Joined Rooms::join(const std::string& consultation, Participant p) {
  const std::lock_guard lock(mutex_);
  auto& people = rooms_[consultation];
  Joined out;
  std::set<std::int64_t> others;
  for (const auto& x : people) {
    if (x.person() != p.person()) others.insert(x.person());
  }
  if (others.size() >= max_people_) {
    out.full = true;
    out.people = people;
    return out;
  }
  std::erase_if(people, [&](const Participant& x) {
    if (x.person() != p.person()) return false;
    if (x.connection != p.connection) out.replaced.push_back(x.connection);
    return true;
  });
  if (p.role == "patient") p.admitted = admitted_.contains(consultation);
  people.push_back(std::move(p));
  out.people = people;
  return out;
}

std::pair<std::vector<Participant>, bool> Rooms::leave(const std::string& consultation,
                                                       std::uint64_t connection) {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(consultation);
  if (it == rooms_.end()) return {{}, false};
  const auto removed =
      std::erase_if(it->second, [&](const Participant& x) { return x.connection == connection; });
  auto left = it->second;
  if (left.empty()) rooms_.erase(it);
  return {left, removed > 0};
}

std::vector<std::pair<std::string, Participant>> Rooms::leave_all(std::uint64_t connection) {
  const std::lock_guard lock(mutex_);
  std::vector<std::pair<std::string, Participant>> out;
  for (auto it = rooms_.begin(); it != rooms_.end();) {
    auto& people = it->second;
    auto found = std::find_if(people.begin(), people.end(),
                              [&](const Participant& x) { return x.connection == connection; });
    if (found != people.end()) {
      out.emplace_back(it->first, *found);
      people.erase(found);
    }
    it = people.empty() ? rooms_.erase(it) : std::next(it);
  }
  return out;
}

std::vector<Participant> Rooms::in(const std::string& consultation) const {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(consultation);
  return it == rooms_.end() ? std::vector<Participant>{} : it->second;
}

std::optional<Participant> Rooms::find(const std::string& consultation,
                                       std::uint64_t connection) const {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(consultation);
  if (it == rooms_.end()) return std::nullopt;
  for (const auto& p : it->second) {
    if (p.connection == connection) return p;
  }
  return std::nullopt;
}

void Rooms::admit(const std::string& consultation) {
  const std::lock_guard lock(mutex_);
  admitted_.insert(consultation);
  if (auto it = rooms_.find(consultation); it != rooms_.end()) {
    for (auto& p : it->second) {
      if (p.role == "patient") p.admitted = true;
    }
  }
}

void Rooms::admit_guest(const std::string& consultation, std::int64_t guest) {
  const std::lock_guard lock(mutex_);
  if (auto it = rooms_.find(consultation); it != rooms_.end()) {
    for (auto& p : it->second) {
      if (p.guest == guest) p.admitted = true;
    }
  }
}

std::vector<std::uint64_t> Rooms::remove_guest(const std::string& consultation,
                                               std::int64_t guest) {
  const std::lock_guard lock(mutex_);
  std::vector<std::uint64_t> out;
  auto it = rooms_.find(consultation);
  if (it == rooms_.end()) return out;
  std::erase_if(it->second, [&](const Participant& p) {
    if (p.guest != guest) return false;
    out.push_back(p.connection);
    return true;
  });
  if (it->second.empty()) rooms_.erase(it);
  return out;
}

bool Rooms::admitted(const std::string& consultation) const {
  const std::lock_guard lock(mutex_);
  return admitted_.contains(consultation);
}

void Rooms::send(const std::string& consultation, const std::string& message, Audience audience) {
  // A copy of the list, then the sends without the lock (the hub queues; nothing blocks).
  for (const auto& p : in(consultation)) {
    if (audience == Audience::in_call && p.waiting_guest()) continue;
    hub_.send_to(p.connection, message);
  }
}

void Rooms::send_each(const std::string& consultation,
                      const std::function<std::optional<std::string>(const Participant&)>& make) {
  for (const auto& p : in(consultation)) {
    if (auto message = make(p)) hub_.send_to(p.connection, *message);
  }
}

bool Rooms::send_to(std::uint64_t connection, const std::string& message) {
  return hub_.send_to(connection, message);
}

nlohmann::json Rooms::to_json(const std::vector<Participant>& people) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : people) {
    nlohmann::json one{
        {"id", p.id()}, {"role", p.role}, {"name", p.name}, {"admitted", p.admitted}};
    if (p.guest != 0) one["kind"] = p.kind;
    out.push_back(std::move(one));
  }
  return out;
}

bool has_patient(const std::vector<Participant>& people) {
  return std::any_of(people.begin(), people.end(),
                     [](const Participant& p) { return p.role == "patient"; });
}
bool has_practitioner(const std::vector<Participant>& people) {
  return std::any_of(people.begin(), people.end(),
                     [](const Participant& p) { return p.role == "practitioner"; });
}

}  // namespace cabinet::consultation
