// The sandbox provider behaves like a manual-capture processor, on both engines: holds,
// refusals by test card, capture at most once and at most the hold, void, expiry, retries.
#include "payments/sandbox.hpp"

#include <gtest/gtest.h>

#include "test_db.hpp"

namespace cabinet::payments {
namespace {

class Sandbox : public testing::TestWithParam<storage::Engine> {
 protected:
  Result<Hold> authorize(const std::string& token, int amount, const std::string& key) {
    AuthorizeRequest r;
    r.payment_method = token;
    r.amount_cents = amount;
    r.idempotency_key = key;
    return t_.run(provider_.authorize(r));
  }

  test::TestDatabase t_{GetParam()};
  SecureRandom random_;
  SandboxProvider provider_{t_.db(), t_.clock(), random_};
};

TEST_P(Sandbox, AHoldIsAuthorizedWithoutStoringTheCardNumber) {
  auto h = authorize("tok_visa", 3000, "k1");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_EQ(h->status, HoldStatus::authorized);
  EXPECT_EQ(h->amount_cents, 3000);
  EXPECT_EQ(h->brand, "visa");
  EXPECT_EQ(h->last4, "4242");
  EXPECT_EQ(h->expires_at, t_.clock().unix_seconds() + SandboxProvider::kHoldLifetime);
  // A retry with the same key is the same hold, not a second one.
  auto again = authorize("tok_visa", 3000, "k1");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->id, h->id);
  auto count = t_.run(t_.db().query("SELECT COUNT(*) FROM sandbox_holds"));
  EXPECT_EQ(count->row(0).integer(0), 1);
}

TEST_P(Sandbox, TestCardsAreRefusedTheWayBanksRefuse) {
  EXPECT_EQ(authorize("tok_declined", 3000, "k2").error().code, ErrorCode::card_declined);
  EXPECT_EQ(authorize("tok_insufficient_funds", 3000, "k3").error().code,
            ErrorCode::insufficient_funds);
  EXPECT_EQ(authorize("tok_nope", 3000, "k4").error().code, ErrorCode::invalid_request);
  EXPECT_EQ(authorize("tok_visa", 0, "k5").error().code, ErrorCode::invalid_request);
  EXPECT_EQ(authorize("tok_visa", 3000, "").error().code, ErrorCode::invalid_request);
}

TEST_P(Sandbox, CaptureTakesAtMostTheHoldAndOnlyOnce) {
  auto h = authorize("tok_mastercard", 5000, "k6");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(t_.run(provider_.capture(h->id, 5001)).error().code, ErrorCode::invalid_request);
  auto captured = t_.run(provider_.capture(h->id, 3000));  // the practitioner chose less
  ASSERT_TRUE(captured.ok()) << captured.error().detail;
  EXPECT_EQ(captured->status, HoldStatus::captured);
  EXPECT_EQ(captured->captured_cents, 3000);
  EXPECT_EQ(t_.run(provider_.capture(h->id, 3000)).error().code, ErrorCode::conflict);
  EXPECT_EQ(t_.run(provider_.void_hold(h->id)).error().code, ErrorCode::conflict);
  EXPECT_EQ(t_.run(provider_.status(h->id))->captured_cents, 3000);
  EXPECT_EQ(t_.run(provider_.capture("hold_unknown", 100)).error().code, ErrorCode::not_found);
}

TEST_P(Sandbox, AVoidedHoldCannotBeCapturedAndVoidingTwiceIsHarmless) {
  auto h = authorize("tok_visa", 3000, "k7");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(t_.run(provider_.void_hold(h->id))->status, HoldStatus::voided);
  EXPECT_EQ(t_.run(provider_.void_hold(h->id))->status, HoldStatus::voided);
  EXPECT_EQ(t_.run(provider_.capture(h->id, 3000)).error().code, ErrorCode::conflict);
}

TEST_P(Sandbox, AHoldExpiresAfterSevenDaysLikeARealProcessors) {
  auto h = authorize("tok_visa", 3000, "k8");
  ASSERT_TRUE(h.ok());
  t_.clock().advance(std::chrono::seconds(SandboxProvider::kHoldLifetime - 60));
  EXPECT_TRUE(t_.run(provider_.status(h->id)).ok());
  auto late = authorize("tok_visa", 3000, "k9");
  t_.clock().advance(std::chrono::seconds(120));
  EXPECT_EQ(t_.run(provider_.capture(h->id, 3000)).error().code, ErrorCode::hold_expired);
  EXPECT_TRUE(t_.run(provider_.capture(late->id, 3000)).ok());  // a hold placed later is fine
}

INSTANTIATE_TEST_SUITE_P(Engines, Sandbox, testing::ValuesIn(test::engines_under_test()),
                         test::engine_param_name);

}  // namespace
}  // namespace cabinet::payments
