#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "crypto/guest_names.hpp"

// The authenticated context each sealed value of the consultation record is bound to (keyring
// seal/open): a value opens only for its consultation and column. Shared by the room, which
// writes and reads the record, and the RGPD export (src/privacy), which reads it back for the
// patient; header-only so that the export needs no link to the consultation code.
namespace cabinet::consultation {

inline std::string chat_context(std::int64_t appointment) {
  return "consultation_messages:" + std::to_string(appointment);
}
// `part`: "name" or "body".
inline std::string file_context(std::int64_t appointment, std::string_view part) {
  return "consultation_files." + std::string(part) + ":" + std::to_string(appointment);
}
inline std::string incident_context(std::int64_t appointment) {
  return "consultation_incidents.note:" + std::to_string(appointment);
}
inline std::string note_context(std::int64_t appointment) {
  return "consultation_notes:" + std::to_string(appointment);
}

// An invitation's names: in crypto/ because the accounts' access log, below this folder, opens
// them too.
using crypto::invitation_context;
using crypto::open_name;
using crypto::StoredName;

}  // namespace cabinet::consultation
