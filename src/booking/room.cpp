// Who is in which teleconsultation room on this node (room.hpp), and what the room's files share
// (booking/internal.hpp, "The room"): the views are in consultation_views.cpp, the messages in
// room_messages.cpp (docs/consultation.md, docs/realtime.md "Consultations").
#include "booking/room.hpp"

#include <algorithm>

#include "booking/internal.hpp"

namespace cabinet::booking {

Rooms::Joined Rooms::join(const std::string& room, Participant p) {
  const std::lock_guard lock(mutex_);
  auto& people = rooms_[room];
  Joined out;
  std::set<std::int64_t> others;
  for (const auto& x : people) {
    if (x.person() != p.person()) others.insert(x.person());
  }
  if (others.size() >= kMaxPeople) {
    out.full = true;
    out.people = people;
    return out;
  }
  std::erase_if(people, [&](const Participant& x) {
    if (x.person() != p.person()) return false;
    if (x.connection != p.connection) out.replaced.push_back(x.connection);
    return true;
  });
  if (p.role == "patient") p.admitted = admitted_.contains(room);
  people.push_back(std::move(p));
  out.people = people;
  return out;
}

std::pair<std::vector<Participant>, bool> Rooms::leave(const std::string& room,
                                                       std::uint64_t connection) {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
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

std::vector<Participant> Rooms::in(const std::string& room) const {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  return it == rooms_.end() ? std::vector<Participant>{} : it->second;
}

std::optional<Participant> Rooms::find(const std::string& room, std::uint64_t connection) const {
  const std::lock_guard lock(mutex_);
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return std::nullopt;
  for (const auto& p : it->second) {
    if (p.connection == connection) return p;
  }
  return std::nullopt;
}

void Rooms::admit(const std::string& room) {
  const std::lock_guard lock(mutex_);
  admitted_.insert(room);
  if (auto it = rooms_.find(room); it != rooms_.end()) {
    for (auto& p : it->second) {
      if (p.role == "patient") p.admitted = true;
    }
  }
}

std::vector<std::uint64_t> Rooms::admit_guest(const std::string& room, std::int64_t guest) {
  const std::lock_guard lock(mutex_);
  std::vector<std::uint64_t> out;
  if (auto it = rooms_.find(room); it != rooms_.end()) {
    for (auto& p : it->second) {
      if (p.guest != guest) continue;
      p.admitted = true;
      out.push_back(p.connection);
    }
  }
  return out;
}

std::vector<std::uint64_t> Rooms::remove_guest(const std::string& room, std::int64_t guest) {
  const std::lock_guard lock(mutex_);
  std::vector<std::uint64_t> out;
  auto it = rooms_.find(room);
  if (it == rooms_.end()) return out;
  std::erase_if(it->second, [&](const Participant& p) {
    if (p.guest != guest) return false;
    out.push_back(p.connection);
    return true;
  });
  if (it->second.empty()) rooms_.erase(it);
  return out;
}

bool Rooms::admitted(const std::string& room) const {
  const std::lock_guard lock(mutex_);
  return admitted_.contains(room);
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

std::string room_of(const std::string& consultation) { return "consultation:" + consultation; }

bool has_patient(const std::vector<Participant>& people) {
  return std::any_of(people.begin(), people.end(),
                     [](const Participant& p) { return p.role == "patient"; });
}
bool has_practitioner(const std::vector<Participant>& people) {
  return std::any_of(people.begin(), people.end(),
                     [](const Participant& p) { return p.role == "practitioner"; });
}

}  // namespace cabinet::booking
