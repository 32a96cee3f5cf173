#pragma once

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/model.hpp"
#include "core/principal.hpp"

// The teleconsultation's vocabulary (docs/consultation.md): who takes part, what they may see,
// and the guests' passes.
namespace cabinet::consultation {

using booking::View;

struct Options {
  std::chrono::seconds room_opens{600};  // patients enter the waiting room this long before
  // The mesh's limit: each browser sends its media to every other one
  // (consultation.max_participants). Guests' open invitations are what is left after the
  // practitioner and the patient.
  std::size_t max_participants = 4;
  // Files shared in a consultation (consultation.file_max_size, consultation.file_types).
  std::size_t file_max_size = 5UL * 1024 * 1024;
  std::vector<std::string> file_types{"image/jpeg", "image/png"};
  bool secure_cookies = true;  // the guest cookie is Secure like the session's
};

// One socket in a consultation's room, on this node.
struct Participant {
  std::uint64_t connection = 0;
  std::int64_t account = 0;  // 0 for a guest
  std::int64_t guest = 0;    // a guest's invitation id
  std::string role;          // patient, practitioner, assistant, guest
  std::string name;
  std::string kind;               // a guest's: guest, interpreter
  bool admitted = false;          // may take part in the call (the staff always may)
  std::int64_t practitioner = 0;  // the agenda the room belongs to
  std::int64_t appointment = 0;   // the consultation's row and its patient's profile, read at
  std::int64_t profile = 0;       // join: a chat message needs no query to be kept and traced

  [[nodiscard]] std::string id() const { return "c" + std::to_string(connection); }
  // One person, whatever their socket: accounts by id, guests by invitation (negative).
  [[nodiscard]] std::int64_t person() const { return guest != 0 ? -guest : account; }
  // A guest the practitioner has not let in yet hears nothing of the call.
  [[nodiscard]] bool waiting_guest() const { return guest != 0 && !admitted; }
};

// Who may see a consultation, and as whom: the patient who booked, the agenda's practitioner or
// assistant, or a guest while its invitation is live.
struct Access {
  View v;
  std::string role;                       // patient, practitioner, assistant, guest
  std::optional<Principal::Guest> guest;  // with role guest: as the database has it now
  bool admitted = false;                  // with role guest
};

// A claimed invitation that still opens the room: not revoked, not expired, its consultation
// confirmed (not yet closed, cancelled or missed).
struct LiveGuest {
  Principal::Guest guest;
  bool admitted = false;  // the practitioner admitted the guest once (it stays admitted)
  std::int64_t expires_at = 0;
};

inline constexpr std::string_view kGuestCookie = "cabinet_guest";

struct SharedFile {
  std::string name;
  std::string mime;
  std::string bytes;
};

// The claim of an invitation's link: the answer and the guest cookie it sets.
struct Claimed {
  nlohmann::json body;
  std::string credential;
  std::int64_t max_age = 0;
};

// What happened in a call, for the compte-rendu (documents/): the guests admitted and the
// incidents (switches to a phone call with their cause, reconnections), oldest first.
struct CallSummary {
  struct Guest {
    std::string name;
    std::string kind;  // guest, interpreter
  };
  struct Incident {
    std::string kind;  // phone_fallback, reconnection
    std::string cause;
    std::int64_t at = 0;
  };
  std::vector<Guest> guests;
  std::vector<Incident> incidents;
};

}  // namespace cabinet::consultation
