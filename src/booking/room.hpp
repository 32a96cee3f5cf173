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
  std::int64_t account = 0;  // 0 for a guest
  std::int64_t guest = 0;    // a guest's invitation id
  std::string role;          // patient, practitioner, assistant, guest
  std::string name;
  std::string kind;               // a guest's: guest, interpreter
  bool admitted = false;          // may take part in the call (the staff always may)
  std::int64_t practitioner = 0;  // the agenda the room belongs to

  [[nodiscard]] std::string id() const { return "c" + std::to_string(connection); }
  // One person, whatever their socket: accounts by id, guests by invitation (negative).
  [[nodiscard]] std::int64_t person() const { return guest != 0 ? -guest : account; }
};

class Rooms {
 public:
  // The mesh's limit: each browser sends its media to every other one.
  static constexpr std::size_t kMaxPeople = 4;

  struct Joined {
    bool full = false;                    // kMaxPeople others are in: nothing changed
    std::vector<Participant> people;      // everyone now in the room
    std::vector<std::uint64_t> replaced;  // the same person's earlier sockets, now out
  };
  // Adds (or refreshes) the connection in the room; an earlier socket of the same person
  // leaves it (a reconnect). A patient is admitted once the room is.
  Joined join(const std::string& room, Participant p);
  // Returns who is left, and whether the leaver was in the room at all.
  std::pair<std::vector<Participant>, bool> leave(const std::string& room,
                                                  std::uint64_t connection);
  // Every room the connection was in (it closed), with who is left in each and its leaver.
  std::vector<std::pair<std::string, Participant>> leave_all(std::uint64_t connection);
  [[nodiscard]] std::vector<Participant> in(const std::string& room) const;
  [[nodiscard]] std::optional<Participant> find(const std::string& room,
                                                std::uint64_t connection) const;
  // The patient is let in (the call starts).
  void admit(const std::string& room);
  [[nodiscard]] bool admitted(const std::string& room) const;
  // One guest is let in; returns the connections it has in the room.
  std::vector<std::uint64_t> admit_guest(const std::string& room, std::int64_t guest);
  // A revoked guest's sockets leave the room; returns them.
  std::vector<std::uint64_t> remove_guest(const std::string& room, std::int64_t guest);

  static nlohmann::json to_json(const std::vector<Participant>& people);

 private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Participant>> rooms_;
  std::set<std::string> admitted_;
};

}  // namespace cabinet::booking
