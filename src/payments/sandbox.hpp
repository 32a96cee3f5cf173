#pragma once

#include "core/clock.hpp"
#include "core/random.hpp"
#include "payments/provider.hpp"
#include "storage/database.hpp"

namespace cabinet::payments {

// The default provider of a fresh install: no money moves. Test cards (docs/payments.md):
//   tok_visa             → authorized, Visa ending 4242
//   tok_mastercard       → authorized, Mastercard ending 4444
//   tok_declined         → card_declined
//   tok_insufficient_funds → insufficient_funds
//   tok_decline_later    → saved fine, every later hold declined
// Holds live in the database (every node sees them) and expire after 7 days, like a real
// processor's, so the booking service has to handle that case for appointments weeks ahead.
class SandboxProvider final : public PaymentProvider {
 public:
  static constexpr std::int64_t kHoldLifetime = 7 * 24 * 3600;

  SandboxProvider(storage::Database& db, const Clock& clock, Random& random)
      : db_(db), clock_(clock), random_(random) {}

  [[nodiscard]] std::string_view name() const override { return "sandbox"; }
  Task<Result<Hold>> authorize(const AuthorizeRequest& request) override;
  Task<Result<SavedMethod>> save_method(const std::string& payment_method,
                                        const std::string& idempotency_key) override;
  Task<Result<Hold>> capture(const std::string& hold_id, int amount_cents) override;
  Task<Result<Hold>> void_hold(const std::string& hold_id) override;
  Task<Result<Hold>> status(const std::string& hold_id) override;

 private:
  storage::Database& db_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace cabinet::payments
