#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/locale.hpp"

namespace cabinet {

// Expected failures. Each code has one HTTP status and one stable wire name; the table lives
// in error.cpp. Add codes there, never map them ad hoc in handlers.
enum class ErrorCode {
  invalid_json,
  invalid_request,
  unsupported_media_type,
  unauthorized,
  forbidden,
  not_found,
  method_not_allowed,
  upgrade_required,
  conflict,
  payload_too_large,
  header_too_large,
  request_timeout,
  rate_limited,
  unavailable,
  internal,
  // Accounts and sessions (docs/accounts.md).
  csrf_rejected,
  session_expired,
  invalid_credentials,
  email_not_confirmed,
  code_incorrect,
  challenge_expired,
  link_invalid,
  practitioner_not_verified,  // a pending practitioner's staff actions (issue 17)
  // Payments (issue 5).
  card_declined,
  insufficient_funds,
  hold_expired,
  slot_taken,
  // Booking (docs/booking.md).
  booking_expired,
  not_cancellable,
  patient_not_found,
  link_expired,
  idempotency_mismatch,
  // The teleconsultation room's guests (docs/consultation.md, "Guests").
  room_full,
  invitation_used,
  // The room's WebSocket messages (docs/realtime.md): the same table renders them.
  invalid_message,
  not_a_message,  // wire name invalid_json: not a JSON object with a "type"
  unknown_type,
  binary_not_supported,
  not_open,
  not_admitted,
  // Documents after the consultation (docs/documents.md).
  sick_leave_cap,
  requires_examination,
  already_dispensed,
  // The immediate queue (docs/queue.md).
  already_queued,
  emergency,
  queue_closed,
  queue_empty,
  agenda_busy,
  not_on_duty,
  // The health space and messaging (docs/health-space.md, docs/messaging.md).
  unsafe_file,
  not_deletable,
  no_prior_consultation,
  messaging_closed,
  conversation_closed,
  // The operator's console and partners (docs/operator.md).
  account_suspended,
  unknown_code,
  code_used,
  quota_exhausted,
};

// An expected failure travelling as a value. `field` names the offending input when there is
// one; `detail` is for logs only (it may hold SQL errors) and is never sent to a client.
struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string field;
  std::string detail;
  std::string message_fr;  // overrides the code's default message when set
  std::string message_en;
  std::int64_t retry_after = 0;  // seconds, sent as Retry-After with 429 and 503
  // Values for the {name} placeholders of the table's wording (e.g. {minutes}, filled from
  // configuration by whoever knows it).
  std::vector<std::pair<std::string, std::string>> params;
  // Fields added to the error object as they are (the 409 slot_taken's next free slots).
  nlohmann::json extra = nlohmann::json::object();

  Error() = default;
  Error(ErrorCode c) : code(c) {}  // NOLINT(google-explicit-constructor): errors convert freely
  Error(ErrorCode c, std::string detail_text) : code(c), detail(std::move(detail_text)) {}

  static Error invalid(std::string field_name, std::string fr, std::string en);
  Error& with_detail(std::string d) & {
    detail = std::move(d);
    return *this;
  }
  Error&& with_detail(std::string d) && {
    detail = std::move(d);
    return std::move(*this);
  }

  Error& with(std::string name, std::string value) & {
    params.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  Error&& with(std::string name, std::string value) && {
    params.emplace_back(std::move(name), std::move(value));
    return std::move(*this);
  }

  // Overrides the code's default wording for this one error.
  Error&& with_message(std::string fr, std::string en) && {
    message_fr = std::move(fr);
    message_en = std::move(en);
    return std::move(*this);
  }

  // The user-facing message in the requested language, placeholders filled.
  [[nodiscard]] std::string message(Locale locale) const;
  [[nodiscard]] std::string_view code_name() const;
  [[nodiscard]] int http_status() const;
};

// The error object every client reads, over HTTP ({"error": …}) and WebSocket ({"type":
// "error", …}): code, message in `locale`, field when there is one, and the extra fields.
nlohmann::json error_object(const Error& error, Locale locale);

std::string_view code_name(ErrorCode code);
int http_status(ErrorCode code);

}  // namespace cabinet
