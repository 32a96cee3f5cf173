#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/async.hpp"
#include "core/result.hpp"

// One interface for card holds (PAY1, PAY2, PAY6): the built-in sandbox, and later a real
// processor's manual-capture payment intents. Nothing is debited at authorization; capture
// happens when the consultation is closed, for at most the authorized amount; void otherwise.
namespace cabinet::payments {

enum class HoldStatus { authorized, captured, voided };
std::string_view to_string(HoldStatus s);

struct Hold {
  std::string id;
  HoldStatus status = HoldStatus::authorized;
  int amount_cents = 0;    // the maximum authorized
  int captured_cents = 0;  // set once captured
  std::string brand;       // "visa", "mastercard"… — never the card number
  std::string last4;
  std::int64_t expires_at = 0;  // a processor drops an uncaptured hold after about 7 days
};

// A card kept for a later hold: appointments booked further ahead than a hold lives (about
// 7 days at real processors) are held shortly before they start (docs/booking.md).
struct SavedMethod {
  std::string id;  // what AuthorizeRequest::payment_method takes later
  std::string brand;
  std::string last4;
};

struct AuthorizeRequest {
  std::string payment_method;  // the provider's token for the card, or a SavedMethod id
  int amount_cents = 0;
  std::string idempotency_key;  // a retried authorization returns the first hold
};

class PaymentProvider {
 public:
  virtual ~PaymentProvider() = default;
  [[nodiscard]] virtual std::string_view name() const = 0;
  // Errors: card_declined, insufficient_funds (402), invalid_request (unknown token).
  virtual Task<Result<Hold>> authorize(const AuthorizeRequest& request) = 0;
  // Validates the card and keeps it for authorize() later, without holding any amount.
  // Errors: card_declined, invalid_request (unknown token). Same key, same answer.
  virtual Task<Result<SavedMethod>> save_method(const std::string& payment_method,
                                                const std::string& idempotency_key) = 0;
  // At most the authorized amount, once. Errors: hold_expired, conflict (already captured or
  // voided), invalid_request (amount), not_found.
  virtual Task<Result<Hold>> capture(const std::string& hold_id, int amount_cents) = 0;
  // Idempotent: voiding a voided hold returns it. conflict when it was captured.
  virtual Task<Result<Hold>> void_hold(const std::string& hold_id) = 0;
  virtual Task<Result<Hold>> status(const std::string& hold_id) = 0;
};

}  // namespace cabinet::payments
