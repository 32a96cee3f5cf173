// Shared networks (issue 17, item 5) and the lockout of unknown addresses (F3): limits per
// address are configurable and count strangers apart from known devices; limits per email stay.
#include "harness.hpp"

namespace cabinet::test {
namespace {

class SharedNetworkFlows : public testing::TestWithParam<storage::Engine> {};

std::int64_t retry_after(const Reply& r) {
  auto v = r.headers.get("Retry-After");
  return v ? std::stoll(std::string(*v)) : -1;
}

Reply log_in(Harness& h, Client& c, const std::string& email, const std::string& password) {
  return h.post(c, "/api/v1/auth/login", {{"email", email}, {"password", password}});
}

constexpr const char* kWrong = "Pas-Le-Bon 1234";

// F3: no account-enumeration oracle in the lockout.
TEST_P(SharedNetworkFlows, UnknownAddressesAreLockedOutExactlyLikeKnownOnes) {
  Harness h{GetParam()};
  Client c;
  h.signup_patient(c, "zoe@example.fr");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(log_in(h, c, "zoe@example.fr", kWrong).code(), "invalid_credentials");
    EXPECT_EQ(log_in(h, c, "personne@example.fr", kWrong).code(), "invalid_credentials");
  }
  auto known = log_in(h, c, "zoe@example.fr", kWrong);
  auto unknown = log_in(h, c, "personne@example.fr", kWrong);
  EXPECT_EQ(known.status, 429);
  EXPECT_EQ(unknown.status, 429);
  EXPECT_EQ(retry_after(known), 1);
  EXPECT_EQ(retry_after(unknown), 1);
  EXPECT_EQ(known.body, unknown.body);
  // Case and spaces do not make a new address.
  EXPECT_EQ(log_in(h, c, " Personne@Example.FR ", kWrong).status, 429);
}

TEST_P(SharedNetworkFlows, AccountsBehindOneAddressAreNotLockedOutByEachOthersFailures) {
  Harness h{GetParam(), {{"limits.login_per_ip", "40/10m"}}};
  Client pharmacy;
  pharmacy.ip = "203.0.113.50";
  std::vector<std::string> emails;
  for (int i = 0; i < 6; ++i) {
    Client own;  // each signs up at home
    own.ip = "198.51.100." + std::to_string(i + 1);
    emails.push_back("client" + std::to_string(i) + "@example.fr");
    h.signup_patient(own, emails.back());
  }
  // Everyone mistypes five times at the counter: 30 failures from one address.
  for (const auto& email : emails) {
    for (int i = 0; i < 5; ++i) EXPECT_EQ(log_in(h, pharmacy, email, kWrong).status, 401);
  }
  // The per-email lockout still holds for each of them…
  EXPECT_EQ(log_in(h, pharmacy, emails[0], Harness::kPassword).status, 429);
  // …but someone else at the counter signs in, up to the configured per-address limit.
  Client colleague;
  colleague.ip = pharmacy.ip;
  h.signup_patient(colleague, "collegue@example.fr");
  int accepted = 0;
  for (int i = 0; i < 9; ++i) {
    if (log_in(h, colleague, "collegue@example.fr", Harness::kPassword).status == 200) ++accepted;
  }
  EXPECT_EQ(accepted, 9);  // attempts 32 to 40
  auto over = log_in(h, colleague, "collegue@example.fr", Harness::kPassword);
  EXPECT_EQ(over.status, 429);
  EXPECT_EQ(over.code(), "rate_limited");
  EXPECT_GT(retry_after(over), 0);
}

TEST_P(SharedNetworkFlows, AKnownDeviceIsCountedOnItselfNotOnItsAddressNorOnStrangers) {
  Harness h{GetParam(), {{"limits.login_per_ip", "10/10m"}}};
  Client zoe;
  h.signup_patient(zoe, "zoe@example.fr");
  auto start = log_in(h, zoe, "zoe@example.fr", Harness::kPassword);
  auto verify =
      h.post(zoe, "/api/v1/auth/login/verify",
             {{"challenge", start.body["challenge"]}, {"code", h.login_code("zoe@example.fr")}});
  ASSERT_EQ(verify.status, 200);
  std::string device_cookie;
  verify.headers.for_each([&](std::string_view name, std::string_view value) {
    if (http::iequals(name, "Set-Cookie") && value.starts_with("cabinet_device="))
      device_cookie = std::string(value);
  });
  EXPECT_NE(device_cookie.find("HttpOnly"), std::string::npos) << device_cookie;
  EXPECT_NE(device_cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_NE(device_cookie.find("Max-Age="), std::string::npos);
  ASSERT_TRUE(zoe.cookies.contains("cabinet_device"));

  // A stranger on the same network fails on Zoé's address until both limits bite.
  Client stranger;
  stranger.ip = zoe.ip;
  for (int i = 0; i < 8; ++i) log_in(h, stranger, "zoe@example.fr", kWrong);
  EXPECT_EQ(log_in(h, stranger, "zoe@example.fr", Harness::kPassword).status, 429);
  EXPECT_EQ(log_in(h, stranger, "autre@example.fr", kWrong).status, 429);  // the address's limit

  // Zoé's own browser is neither held back by the stranger's failures nor by the address.
  EXPECT_EQ(log_in(h, zoe, "zoe@example.fr", Harness::kPassword).status, 200);
  // The cookie speaks only for the address it signed in to.
  EXPECT_EQ(log_in(h, zoe, "autre@example.fr", kWrong).status, 429);
  // A forged or copied-over cookie counts for nothing.
  Client forger;
  forger.ip = zoe.ip;
  forger.cookies["cabinet_device"] = zoe.cookies["cabinet_device"].substr(0, 33) + "0123";
  EXPECT_EQ(log_in(h, forger, "zoe@example.fr", Harness::kPassword).status, 429);
}

TEST_P(SharedNetworkFlows, EveryLimitIsAConfigurationKey) {
  EXPECT_THROW(Harness(GetParam(), {{"limits.login_per_ip", "300"}}), std::runtime_error);
  EXPECT_THROW(Harness(GetParam(), {{"limits.code_resend", "0/10m"}}), std::runtime_error);
  Harness h{GetParam(), {{"limits.forgot_per_email", "2/1h"}, {"limits.max_delay", "1m"}}};
  EXPECT_EQ(h.app().config().limits.forgot_per_email.max, 2);
  EXPECT_EQ(h.app().config().limits.max_delay, std::chrono::seconds(60));
  Client c;
  for (int i = 0; i < 2; ++i)
    EXPECT_EQ(h.post(c, "/api/v1/auth/password/forgot", {{"email", "a@example.fr"}}).status, 202);
  EXPECT_EQ(h.post(c, "/api/v1/auth/password/forgot", {{"email", "a@example.fr"}}).status, 429);
}

INSTANTIATE_TEST_SUITE_P(Engines, SharedNetworkFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
