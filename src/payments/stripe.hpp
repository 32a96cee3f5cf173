#pragma once

#include <chrono>
#include <string>

#include "core/runtime.hpp"
#include "payments/provider.hpp"

namespace cabinet::payments {

struct StripeOptions {
  // Plain http is accepted only for a loopback host (the tests' stand-in): the key travels in
  // every request.
  std::string base_url = "https://api.stripe.com";
  std::string secret_key;  // "sk_live_…" or a restricted key; never logged
  std::string currency = "eur";
  std::chrono::seconds timeout{15};
};

// Holds as Stripe's manual-capture PaymentIntents (docs/payments.md "The Stripe adapter"):
// authorize confirms an intent with capture_method=manual, capture and void_hold capture or
// cancel it, status reads it back. Hold ids are the intents' ids ("pi_…"); a saved card is
// "cus_…/pm_…", a Customer with the PaymentMethod attached by an off-session SetupIntent.
// The blocking HTTPS call runs on the BlockingPool, so calls may overlap on several threads.
class StripeProvider final : public PaymentProvider {
 public:
  StripeProvider(StripeOptions options, BlockingPool& blocking);

  // Why these options cannot work (an invalid_request naming the setting), for checking the
  // configuration at start-up. With bad options every call fails with `unavailable`.
  static Result<void> check(const StripeOptions& options);

  [[nodiscard]] std::string_view name() const override { return "stripe"; }
  Task<Result<Hold>> authorize(const AuthorizeRequest& request) override;
  Task<Result<SavedMethod>> save_method(const std::string& payment_method,
                                        const std::string& idempotency_key) override;
  Task<Result<Hold>> capture(const std::string& hold_id, int amount_cents) override;
  Task<Result<Hold>> void_hold(const std::string& hold_id) override;
  Task<Result<Hold>> status(const std::string& hold_id) override;

 private:
  StripeOptions options_;
  Result<void> usable_;
  BlockingPool& blocking_;
};

}  // namespace cabinet::payments
