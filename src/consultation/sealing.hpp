#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/log.hpp"
#include "crypto/keyring.hpp"

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

// An invitation's names (consultation_invitations), `column` "hint" (what the inviter typed) or
// "guest_name" (what the guest typed when claiming). Bound to the row by its token hash: unique,
// known before the INSERT (the id is not, short of an UPDATE after RETURNING) and never changed.
// The appointment and kind would not do: two guests of one consultation could swap names.
inline std::string invitation_context(std::string_view token_hash, std::string_view column) {
  return "consultation_invitations." + std::string(column) + ":" + std::string(token_hash);
}

// One of those names as its row keeps it: sealed since V018; clear in a row written before, or
// by a node still running the previous version during an upgrade, until the next start-up
// seals it (Service::seal_guest_names).
struct StoredName {
  std::optional<std::string> sealed;
  std::optional<std::string> clear;
};

// The name, or none: a value that does not open (a lost key) hides the name, not the page.
inline std::optional<std::string> open_name(const crypto::KeyRing& keys, const StoredName& name,
                                            std::string_view token_hash,
                                            std::string_view column) {
  if (!name.sealed) return name.clear;
  auto opened = keys.open(*name.sealed, invitation_context(token_hash, column));
  if (opened) return std::move(*opened);
  log::warn("an invitation's name does not open", {{"column", std::string(column)}});
  return std::nullopt;
}

}  // namespace cabinet::consultation
