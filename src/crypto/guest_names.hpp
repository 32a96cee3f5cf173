#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/log.hpp"
#include "crypto/keyring.hpp"

// The guests' names of a consultation (consultation_invitations, V017), sealed by the
// consultation (src/consultation) and opened by it, by the accounts' access log and by the RGPD
// export: here, below all of them. Header-only, like consultation/sealing.hpp.
namespace cabinet::crypto {

// An invitation's names (consultation_invitations), `column` "hint" (what the inviter typed) or
// "guest_name" (what the guest typed when claiming). Bound to the row by its token hash: unique,
// known before the INSERT (the id is not, short of an UPDATE after RETURNING) and never changed.
// The appointment and kind would not do: two guests of one consultation could swap names.
inline std::string invitation_context(std::string_view token_hash, std::string_view column) {
  return "consultation_invitations." + std::string(column) + ":" + std::string(token_hash);
}

// One of those names as its row keeps it: sealed since V017; clear in a row written before, or
// by a node still running the previous version during an upgrade, until the next start-up
// seals it (consultation::Service::seal_guest_names).
struct StoredName {
  std::optional<std::string> sealed;
  std::optional<std::string> clear;
};

// The name, or none: a value that does not open (a lost key) hides the name, not the page.
inline std::optional<std::string> open_name(const crypto::KeyRing& keys, const StoredName& name,
                                            std::string_view token_hash, std::string_view column) {
  if (!name.sealed) return name.clear;
  auto opened = keys.open(*name.sealed, invitation_context(token_hash, column));
  if (opened) return std::move(*opened);
  log::warn("an invitation's name does not open", {{"column", std::string(column)}});
  return std::nullopt;
}

}  // namespace cabinet::crypto
