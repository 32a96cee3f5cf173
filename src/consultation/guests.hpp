#pragma once

// Guests of a teleconsultation (issue 6, ROOM8; docs/consultation.md "Guests"): a trusted person
// or an interpreter, invited by the patient or the practitioner through a one-time link. The
// claim of the link gives the guest's browser its own cookie (kGuestCookie), which is not a
// session: it opens the WebSocket, the consultation's guest view and the ICE servers, and
// nothing else.
#include <optional>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "crypto/keyring.hpp"
#include "http/authenticator.hpp"
#include "storage/database.hpp"

namespace cabinet::consultation {

// The dispatcher's second authenticator: the `cabinet_guest` cookie names a guest principal
// (role guest, account 0, account_public_id "g<id>"), asked only where guests are let in.
class GuestPasses final : public http::Authenticator {
 public:
  GuestPasses(storage::Database& db, const Clock& clock, const crypto::KeyRing& keys)
      : db_(db), clock_(clock), keys_(keys) {}
  Task<Result<std::optional<Principal>>> authenticate(http::Request& request) override;

 private:
  storage::Database& db_;
  const Clock& clock_;
  const crypto::KeyRing& keys_;  // opens the guest's name
};

}  // namespace cabinet::consultation
