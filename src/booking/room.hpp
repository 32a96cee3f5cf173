#pragma once

// Who is in which teleconsultation room, on this node (docs/consultation.md): the sockets that
// joined, with their role, and whether the practitioner admitted the patient. Rooms live as long
// as their sockets; a restarted node starts empty and browsers join again when they reconnect.
#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace cabinet::booking {

struct Participant {
  std::uint64_t connection = 0;
  std::int64_t account = 0;
  std::string role;  // patient, practitioner, assistant
  std::string name;
  std::int64_t practitioner = 0;  // the agenda the room belongs to

  [[nodiscard]] std::string id() const { return "c" + std::to_string(connection); }
};

class Rooms {
 public:
  // Adds (or refreshes) the connection in the room; returns everyone now in it.
  std::vector<Participant> join(const std::string& room, Participant p);
  // Returns who is left, and whether the leaver was in the room at all.
  std::pair<std::vector<Participant>, bool> leave(const std::string& room,
                                                  std::uint64_t connection);
  // Every room the connection was in (it closed), with who is left in each and its leaver.
  std::vector<std::pair<std::string, Participant>> leave_all(std::uint64_t connection);
  [[nodiscard]] std::vector<Participant> in(const std::string& room) const;
  [[nodiscard]] std::optional<Participant> find(const std::string& room,
                                                std::uint64_t connection) const;
  void admit(const std::string& room);
  [[nodiscard]] bool admitted(const std::string& room) const;

  static nlohmann::json to_json(const std::vector<Participant>& people);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Participant>> rooms_;
  std::set<std::string> admitted_;
};

}  // namespace cabinet::booking
