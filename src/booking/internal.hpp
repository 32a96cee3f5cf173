#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "billing/reimbursement.hpp"
#include "booking/service.hpp"
#include "booking/store.hpp"
#include "directory/index.hpp"

// What the booking files share; not part of the booking API.
namespace cabinet::booking {

struct Service::Booked {
  std::shared_ptr<const directory::Entry> entry;
  const directory::store::Motif* motif = nullptr;
  agenda::Mode mode = agenda::Mode::video;
  std::int64_t start = 0;
  std::int64_t end = 0;
};

// "2026-12-01T09:00:00+01:00", "…Z", or without seconds: the instant; nullopt if malformed.
std::optional<std::int64_t> parse_instant(std::string_view text);
bool valid_idempotency_key(std::string_view key);
// The stored answer of an earlier request with the same key (422 when its body differed).
Result<Answer> replay(const store::StoredAnswer& stored, const std::string& hash);
// Confirmed or pending, and not yet started.
bool cancellable(const store::Appointment& a, std::int64_t now);
// The add-to-calendar file (RFC 5545) of an appointment; `cancelled` for the copy sent with a
// cancellation, before the stored status says so.
std::string ics(const store::View& v, const std::string& public_url, bool cancelled = false);
// When the card hold must be there (docs/booking.md "When the card is due"). A patient who
// booked had their hold placed or their card saved at once: after a refused later hold they have
// until booking.card_deadline before the start. An appointment the practitioner booked (this
// evening, by phone) waits for the card until the start itself.
std::int64_t card_due_at(const store::Appointment& a, std::chrono::seconds card_deadline);
// Whether no hold by card_due_at cancels the appointment: only when the patient booked it. The
// practitioner who booked chose to see the patient: the consultation goes ahead, and without a
// card it is paid directly to them (payment.state "direct" at the close).
bool cancelled_without_card(const store::Appointment& a);
std::string format_when(std::int64_t t, const std::string& timezone, Locale locale);

// Notices (notices.cpp), queued in the caller's transaction. `kind`: booking_confirmed,
// booked_for_you, reminder_day_before, reminder_hours_before, reminder_link, card_required,
// no_show.
Task<Result<void>> queue_notice(storage::Transaction& tx, const Deps& d, const store::View& v,
                                const std::string& kind);
Task<Result<void>> queue_cancellation(storage::Transaction& tx, const Deps& d, const store::View& v,
                                      const std::string& by, const std::string& reason);

// The signed cancel link's token (links.cpp).
std::string link_token(const crypto::KeyRing& keys, const store::Appointment& a);
struct LinkClaim {
  std::string appointment;
  std::int64_t expires_at = 0;
  std::string nonce;
};
std::optional<LinkClaim> read_link_token(const crypto::KeyRing& keys, std::string_view token);

}  // namespace cabinet::booking
