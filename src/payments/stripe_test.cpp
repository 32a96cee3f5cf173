// The Stripe adapter against tests/payments/stripe_standin.py, a local stand-in of the
// endpoints it calls: holds, captures, voids, saved cards, declines, retries, expiry, failures.
#include "payments/stripe.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "core/block_on.hpp"
#include "notify/curl.hpp"
#include "python_server.hpp"

namespace cabinet::payments {
namespace {

const std::string kSecret = "sk_test_51StandInSecretKeyThatMustNeverBeLogged";

// The stand-in in a child process: it prints its port once it listens.
class StripeStandin {
 public:
  StripeStandin() : server_("tests/payments/stripe_standin.py", {kSecret}) {}
  [[nodiscard]] std::string url() const { return server_.url(); }

  // The test controls: POST /test/expire/{id}, POST /test/fail_next, GET /test/requests.
  nlohmann::json control(const std::string& path, bool post = true) const {
    if (notify::curl::global_init() != CURLE_OK) throw std::runtime_error("curl init");
    notify::curl::Easy handle(curl_easy_init());
    std::string answer;
    const std::string target = url() + path;
    curl_easy_setopt(handle.get(), CURLOPT_URL, target.c_str());
    if (post) curl_easy_setopt(handle.get(), CURLOPT_POSTFIELDS, "");
    curl_easy_setopt(
        handle.get(), CURLOPT_WRITEFUNCTION, +[](char* d, size_t s, size_t n, void* u) {
          static_cast<std::string*>(u)->append(d, s * n);
          return s * n;
        });
    curl_easy_setopt(handle.get(), CURLOPT_WRITEDATA, &answer);
    long status = 0;
    if (curl_easy_perform(handle.get()) == CURLE_OK)
      curl_easy_getinfo(handle.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) throw std::runtime_error("stand-in control failed: " + path);
    return nlohmann::json::parse(answer);
  }

 private:
  test::PythonServer server_;
};

StripeOptions options_for(const std::string& url, const std::string& secret) {
  StripeOptions o;
  o.base_url = url;
  o.secret_key = secret;
  o.timeout = std::chrono::seconds(10);
  return o;
}

class Stripe : public testing::Test {
 protected:
  template <class T>
  T run(Task<T> task) {
    return block_on(runtime_.io(), std::move(task));
  }
  Result<Hold> authorize(StripeProvider& provider, const std::string& method, int amount,
                         const std::string& key) {
    AuthorizeRequest r;
    r.payment_method = method;
    r.amount_cents = amount;
    r.idempotency_key = key;
    return run(provider.authorize(r));
  }
  Result<Hold> authorize(const std::string& method, int amount, const std::string& key) {
    return authorize(provider_, method, amount, key);
  }
  Result<Hold> capture(const std::string& id, int amount) {
    return run(provider_.capture(id, amount));
  }
  Result<Hold> void_hold(const std::string& id) { return run(provider_.void_hold(id)); }
  Result<Hold> status(const std::string& id) { return run(provider_.status(id)); }

  Runtime runtime_{1};
  BlockingPool blocking_{2};
  StripeStandin standin_;
  StripeProvider provider_{options_for(standin_.url(), kSecret), blocking_};
};

constexpr std::int64_t kWeek = std::int64_t{7} * 24 * 3600;

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TEST_F(Stripe, AuthorizesAManualCaptureIntentAndCapturesLessThanTheHold) {
  const auto before = now();
  auto h = authorize("pm_card_visa", 5000, "booking-1");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_TRUE(h->id.starts_with("pi_"));
  EXPECT_EQ(h->status, HoldStatus::authorized);
  EXPECT_EQ(h->amount_cents, 5000);
  EXPECT_EQ(h->brand, "visa");
  EXPECT_EQ(h->last4, "4242");
  EXPECT_GE(h->expires_at, before + kWeek);
  EXPECT_LE(h->expires_at, now() + kWeek);

  const auto sent = standin_.control("/test/requests", false).back();
  EXPECT_EQ(sent["path"], "/v1/payment_intents");
  EXPECT_EQ(sent["idempotency_key"], "booking-1");
  EXPECT_EQ(sent["params"]["amount"], "5000");
  EXPECT_EQ(sent["params"]["currency"], "eur");
  EXPECT_EQ(sent["params"]["capture_method"], "manual");
  EXPECT_EQ(sent["params"]["confirm"], "true");
  EXPECT_EQ(sent["params"]["payment_method"], "pm_card_visa");

  auto captured = capture(h->id, 3000);  // the practitioner chose less
  ASSERT_TRUE(captured.ok()) << captured.error().detail;
  EXPECT_EQ(captured->status, HoldStatus::captured);
  EXPECT_EQ(captured->captured_cents, 3000);
  EXPECT_EQ(captured->amount_cents, 5000);
  auto read = status(h->id);
  ASSERT_TRUE(read.ok()) << read.error().detail;
  EXPECT_EQ(read->status, HoldStatus::captured);
  EXPECT_EQ(read->captured_cents, 3000);
  EXPECT_EQ(read->last4, "4242");
}

TEST_F(Stripe, CapturingMoreThanTheHoldOrTwiceIsRefused) {
  auto h = authorize("pm_card_mastercard", 5000, "booking-2");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_EQ(h->brand, "mastercard");
  EXPECT_EQ(h->last4, "4444");
  auto too_much = capture(h->id, 5001);
  EXPECT_EQ(too_much.error().code, ErrorCode::invalid_request);
  EXPECT_EQ(too_much.error().field, "amount_cents");
  EXPECT_EQ(capture(h->id, 0).error().code, ErrorCode::invalid_request);
  ASSERT_TRUE(capture(h->id, 5000).ok());
  EXPECT_EQ(capture(h->id, 5000).error().code, ErrorCode::conflict);
  EXPECT_EQ(capture("pi_unknown", 100).error().code, ErrorCode::not_found);
  EXPECT_EQ(status("pi_unknown").error().code, ErrorCode::not_found);
}

TEST_F(Stripe, VoidingTwiceIsHarmlessAndAVoidedHoldCannotBeCaptured) {
  auto h = authorize("pm_card_visa", 3000, "booking-3");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  auto voided = void_hold(h->id);
  ASSERT_TRUE(voided.ok()) << voided.error().detail;
  EXPECT_EQ(voided->status, HoldStatus::voided);
  auto again = void_hold(h->id);
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->status, HoldStatus::voided);
  EXPECT_EQ(again->id, h->id);
  EXPECT_EQ(again->last4, "4242");
  EXPECT_EQ(capture(h->id, 3000).error().code, ErrorCode::conflict);
  EXPECT_EQ(void_hold("pi_unknown").error().code, ErrorCode::not_found);
}

TEST_F(Stripe, VoidingACapturedHoldIsAConflict) {
  auto h = authorize("pm_card_visa", 3000, "booking-4");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  ASSERT_TRUE(capture(h->id, 3000).ok());
  EXPECT_EQ(void_hold(h->id).error().code, ErrorCode::conflict);
  EXPECT_EQ(status(h->id)->status, HoldStatus::captured);
}

TEST_F(Stripe, DeclinesKeepTheBanksReason) {
  EXPECT_EQ(authorize("pm_card_chargeDeclined", 3000, "k1").error().code, ErrorCode::card_declined);
  EXPECT_EQ(authorize("pm_card_chargeDeclinedInsufficientFunds", 3000, "k2").error().code,
            ErrorCode::insufficient_funds);
  auto unknown = authorize("pm_nope", 3000, "k3");
  EXPECT_EQ(unknown.error().code, ErrorCode::invalid_request);
  EXPECT_EQ(unknown.error().field, "payment_method");
  EXPECT_EQ(authorize("pm_card_visa", 0, "k4").error().code, ErrorCode::invalid_request);
  EXPECT_EQ(authorize("pm_card_visa", 3000, "").error().code, ErrorCode::invalid_request);
  EXPECT_EQ(authorize("pm_card_visa", 3000, "a\r\nX-Evil: 1").error().code,
            ErrorCode::invalid_request);
}

TEST_F(Stripe, ARetriedAuthorizationReturnsTheSameIntent) {
  auto first = authorize("pm_card_visa", 4000, "booking-5");
  ASSERT_TRUE(first.ok()) << first.error().detail;
  auto retry = authorize("pm_card_visa", 4000, "booking-5");
  ASSERT_TRUE(retry.ok()) << retry.error().detail;
  EXPECT_EQ(retry->id, first->id);
  auto other = authorize("pm_card_visa", 4000, "booking-6");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->id, first->id);
  // A decline is replayed too: the same key never charges twice, nor succeeds the second time.
  EXPECT_EQ(authorize("pm_card_chargeDeclined", 4000, "booking-7").error().code,
            ErrorCode::card_declined);
  EXPECT_EQ(authorize("pm_card_chargeDeclined", 4000, "booking-7").error().code,
            ErrorCode::card_declined);
}

TEST_F(Stripe, ASavedCardIsHeldLaterOffSession) {
  auto saved = run(provider_.save_method("pm_card_mastercard", "save-1"));
  ASSERT_TRUE(saved.ok()) << saved.error().detail;
  EXPECT_TRUE(saved->id.starts_with("cus_")) << saved->id;
  EXPECT_NE(saved->id.find("/pm_"), std::string::npos) << saved->id;
  EXPECT_EQ(saved->brand, "mastercard");
  EXPECT_EQ(saved->last4, "4444");
  auto again = run(provider_.save_method("pm_card_mastercard", "save-1"));
  ASSERT_TRUE(again.ok()) << again.error().detail;
  EXPECT_EQ(again->id, saved->id);

  auto h = authorize(saved->id, 6000, "booking-8");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  EXPECT_EQ(h->brand, "mastercard");
  const auto sent = standin_.control("/test/requests", false).back();
  EXPECT_EQ(sent["params"]["customer"], saved->id.substr(0, saved->id.find('/')));
  EXPECT_EQ(sent["params"]["off_session"], "true");
  ASSERT_TRUE(capture(h->id, 6000).ok());

  // Saving works for this card, charging it later does not.
  auto fragile = run(provider_.save_method("pm_card_chargeCustomerFail", "save-2"));
  ASSERT_TRUE(fragile.ok()) << fragile.error().detail;
  EXPECT_EQ(authorize(fragile->id, 6000, "booking-9").error().code, ErrorCode::card_declined);

  EXPECT_EQ(run(provider_.save_method("pm_card_chargeDeclined", "save-3")).error().code,
            ErrorCode::card_declined);
  EXPECT_EQ(run(provider_.save_method("pm_nope", "save-4")).error().code,
            ErrorCode::invalid_request);
  EXPECT_EQ(authorize("cus_x/pm_y/z", 6000, "booking-10").error().code, ErrorCode::invalid_request);
}

TEST_F(Stripe, AnExpiredHoldCannotBeCapturedButCanBeVoided) {
  auto h = authorize("pm_card_visa", 3000, "booking-11");
  ASSERT_TRUE(h.ok()) << h.error().detail;
  standin_.control("/test/expire/" + h->id);
  EXPECT_EQ(capture(h->id, 3000).error().code, ErrorCode::hold_expired);
  EXPECT_EQ(status(h->id)->status, HoldStatus::voided);
  EXPECT_EQ(void_hold(h->id)->status, HoldStatus::voided);
}

TEST_F(Stripe, IdsThatWouldChangeTheUrlAreRefusedBeforeAnyRequest) {
  const auto before = standin_.control("/test/requests", false).size();
  for (const std::string id : {"pi_1/../../v1/customers", "pi_1?expand=x", "", "pi 1"}) {
    EXPECT_EQ(capture(id, 100).error().code, ErrorCode::invalid_request) << id;
    EXPECT_EQ(void_hold(id).error().code, ErrorCode::invalid_request) << id;
    EXPECT_EQ(status(id).error().code, ErrorCode::invalid_request) << id;
  }
  EXPECT_EQ(standin_.control("/test/requests", false).size(), before);
}

TEST_F(Stripe, AWrongSecretKeyIsAnErrorWithoutTheKey) {
  const std::string wrong = "sk_test_WrongKeyThatMustNotBeLoggedEither";
  StripeProvider misconfigured(options_for(standin_.url(), wrong), blocking_);
  auto h = authorize(misconfigured, "pm_card_visa", 3000, "booking-12");
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, ErrorCode::unavailable);
  EXPECT_EQ(h.error().detail.find(wrong), std::string::npos) << h.error().detail;
  EXPECT_EQ(run(misconfigured.status("pi_x")).error().code, ErrorCode::unavailable);
}

TEST_F(Stripe, ServerErrorsAndAnUnreachableProcessorAreUnavailable) {
  standin_.control("/test/fail_next");
  auto failed = authorize("pm_card_visa", 3000, "booking-13");
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::unavailable);
  auto retried = authorize("pm_card_visa", 3000, "booking-13");  // it was not stored
  ASSERT_TRUE(retried.ok()) << retried.error().detail;

  std::string gone_url;
  {
    StripeStandin gone;
    gone_url = gone.url();
  }  // killed: its port is closed now
  StripeProvider unreachable(options_for(gone_url, kSecret), blocking_);
  auto h = authorize(unreachable, "pm_card_visa", 3000, "booking-14");
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().code, ErrorCode::unavailable);
}

TEST_F(Stripe, TheSecretKeyNeverAppearsInAnError) {
  std::vector<Error> errors;
  standin_.control("/test/fail_next");  // its message quotes the Authorization header
  errors.push_back(authorize("pm_card_visa", 3000, "booking-15").error());
  errors.push_back(authorize("pm_card_chargeDeclined", 3000, "booking-16").error());
  errors.push_back(authorize("pm_nope", 3000, "booking-17").error());
  errors.push_back(capture("pi_unknown", 100).error());
  StripeProvider unreachable(options_for("http://127.0.0.1:9", kSecret), blocking_);
  errors.push_back(authorize(unreachable, "pm_card_visa", 3000, "booking-18").error());
  for (const auto& e : errors) {
    EXPECT_FALSE(e.detail.empty());
    EXPECT_EQ(e.detail.find(kSecret), std::string::npos) << e.detail;
    EXPECT_EQ(e.detail.find("sk_test"), std::string::npos) << e.detail;
  }
}

TEST_F(Stripe, OptionsThatCannotWorkAreNamedAtStartUp) {
  EXPECT_TRUE(StripeProvider::check(options_for("https://api.stripe.com", kSecret)).ok());
  EXPECT_TRUE(StripeProvider::check(options_for(standin_.url(), kSecret)).ok());
  EXPECT_FALSE(StripeProvider::check(options_for("http://api.stripe.com", kSecret)).ok());
  EXPECT_FALSE(StripeProvider::check(options_for("http://localhost.evil.example", kSecret)).ok());
  EXPECT_FALSE(StripeProvider::check(options_for("https://api.stripe.com", "")).ok());
  EXPECT_FALSE(StripeProvider::check(options_for("https://api.stripe.com", "sk\r\nX: 1")).ok());
  StripeProvider plain(options_for("http://api.stripe.com", kSecret), blocking_);
  EXPECT_EQ(authorize(plain, "pm_card_visa", 3000, "k").error().code, ErrorCode::unavailable);
}

}  // namespace
}  // namespace cabinet::payments
