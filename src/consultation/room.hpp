#pragma once

// Who is in which teleconsultation room, on this node (docs/consultation.md), and the delivery of
// the room's messages: the only membership of a consultation. The hub carries the bytes to a
// socket; it keeps no list of the room's members. Rooms live as long as their sockets; a
// restarted node starts empty and browsers join again when they reconnect.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "consultation/model.hpp"

namespace cabinet::realtime {
class Hub;
}

namespace cabinet::consultation {

class Rooms {
 public:
  Rooms(realtime::Hub& hub, std::size_t max_people) : hub_(hub), max_people_(max_people) {}

  struct Joined {
    bool full = false;                    // max_people others are in: nothing changed
    std::vector<Participant> people;      // everyone now in the room
    std::vector<std::uint64_t> replaced;  // the same person's earlier sockets, now out
  };
  // Adds (or refreshes) the connection in the consultation's room; an earlier socket of the
  // same person leaves it (a reconnect). A patient is admitted once the room is.
  Joined join(const std::string& consultation, Participant p);
  // Returns who is left, and whether the leaver was in the room at all.
  std::pair<std::vector<Participant>, bool> leave(const std::string& consultation,
                                                  std::uint64_t connection);
  // Every room the connection was in (it closed), with its leaver.
  std::vector<std::pair<std::string, Participant>> leave_all(std::uint64_t connection);
  [[nodiscard]] std::vector<Participant> in(const std::string& consultation) const;
  [[nodiscard]] std::optional<Participant> find(const std::string& consultation,
                                                std::uint64_t connection) const;
  // The patient is let in (the call starts).
  void admit(const std::string& consultation);
  [[nodiscard]] bool admitted(const std::string& consultation) const;
  // One guest is let in.
  void admit_guest(const std::string& consultation, std::int64_t guest);
  // A revoked guest's sockets leave the room; returns them.
  std::vector<std::uint64_t> remove_guest(const std::string& consultation, std::int64_t guest);
  [[nodiscard]] std::size_t max_people() const { return max_people_; }

  // Delivery. `everyone` includes the guests still waiting (presence reaches them); `in_call`
  // leaves them out (signaling, admissions, chat: nothing of the call reaches a waiting guest).
  enum class Audience : std::uint8_t { everyone, in_call };
  void send(const std::string& consultation, const std::string& message, Audience audience);
  // What `make` writes for each participant (nothing on nullopt).
  void send_each(const std::string& consultation,
                 const std::function<std::optional<std::string>(const Participant&)>& make);
  bool send_to(std::uint64_t connection, const std::string& message);

  static nlohmann::json to_json(const std::vector<Participant>& people);

 private:
  realtime::Hub& hub_;
  std::size_t max_people_;
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Participant>, std::less<>> rooms_;
  std::set<std::string, std::less<>> admitted_;
};

bool has_patient(const std::vector<Participant>& people);
bool has_practitioner(const std::vector<Participant>& people);

}  // namespace cabinet::consultation
