#pragma once

// Guests of a teleconsultation (issue 6, ROOM8; docs/consultation.md "Guests"): a trusted person
// or an interpreter, invited by the patient or the practitioner through a one-time link. The
// claim of the link gives the guest's browser its own cookie, which is not a session: it opens
// the WebSocket, the consultation's guest view and the ICE servers, and nothing else.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "http/authenticator.hpp"
#include "storage/database.hpp"

namespace cabinet::booking {

inline constexpr std::string_view kGuestCookie = "cabinet_guest";

// A claimed invitation that still opens the room: not revoked, not expired, its consultation
// confirmed (not yet closed, cancelled or missed).
struct LiveGuest {
  Principal::Guest guest;
  bool admitted = false;  // the practitioner admitted the guest once (it stays admitted)
  std::int64_t expires_at = 0;
};

// By the guest's cookie (its SHA-256 is what is stored) or by the invitation's id.
Task<Result<std::optional<LiveGuest>>> live_guest_by_credential(storage::Executor& db,
                                                                std::string_view credential,
                                                                std::int64_t now);
Task<Result<std::optional<LiveGuest>>> live_guest_by_id(storage::Executor& db, std::int64_t id,
                                                        std::int64_t now);

// The dispatcher's second authenticator: the `cabinet_guest` cookie names a guest principal
// (role guest, account 0, account_public_id "g<id>"), asked only where guests are let in.
class GuestPasses final : public http::Authenticator {
 public:
  GuestPasses(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  Task<Result<std::optional<Principal>>> authenticate(http::Request& request) override;

 private:
  storage::Database& db_;
  const Clock& clock_;
};

}  // namespace cabinet::booking
