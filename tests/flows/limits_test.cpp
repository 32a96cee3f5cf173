#include "harness.hpp"

namespace cabinet::test {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class LimitFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  // The per-address limits lowered from their defaults (docs/security.md, "Shared networks"),
  // which also shows that they follow the configuration.
  Harness h_{GetParam(),
             {{"limits.signup_per_ip", "10/1h"},
              {"limits.login_per_ip", "30/10m"},
              {"limits.code_per_ip", "30/10m"}}};
};

std::int64_t retry_after(const Reply& r) {
  auto v = r.headers.get("Retry-After");
  return v ? std::stoll(std::string(*v)) : -1;
}

TEST_P(LimitFlows, SignUpsPerAddressAreLimitedWithRetryAfter) {
  Client c;
  for (int i = 0; i < 10; ++i) {
    auto r = h_.post(c, "/api/v1/auth/signup",
                     {{"email", "p" + std::to_string(i) + "@example.fr"},
                      {"password", Harness::kPassword},
                      {"phone", "0612345678"},
                      {"first_name", "Zoé"},
                      {"last_name", "Martin"},
                      {"birth_date", "1990-01-01"}});
    ASSERT_EQ(r.status, 201) << i;
  }
  auto eleventh = h_.post(c, "/api/v1/auth/signup",
                          {{"email", "p11@example.fr"},
                           {"password", Harness::kPassword},
                           {"phone", "0612345678"},
                           {"first_name", "Zoé"},
                           {"last_name", "Martin"},
                           {"birth_date", "1990-01-01"}});
  EXPECT_EQ(eleventh.status, 429);
  EXPECT_EQ(eleventh.code(), "rate_limited");
  EXPECT_GT(retry_after(eleventh), 0);
  EXPECT_LE(retry_after(eleventh), 3600);
  Client elsewhere;
  elsewhere.ip = "198.51.100.7";  // another address is not affected
  EXPECT_EQ(h_.post(elsewhere, "/api/v1/auth/signup",
                    {{"email", "p12@example.fr"},
                     {"password", Harness::kPassword},
                     {"phone", "0612345678"},
                     {"first_name", "Zoé"},
                     {"last_name", "Martin"},
                     {"birth_date", "1990-01-01"}})
                .status,
            201);
}

TEST_P(LimitFlows, FailedLoginsGrowTheWaitAndAreCappedPerAccount) {
  Client c;
  h_.signup_patient(c, "zoe@example.fr");
  const nlohmann::json wrong{{"email", "zoe@example.fr"}, {"password", "Pas-Le-Bon 1234"}};
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(h_.post(c, "/api/v1/auth/login", wrong).code(), "invalid_credentials");
  // After five failures in a row, each new try waits: 1 s, then 2 s, then 4 s…
  auto waiting = h_.post(c, "/api/v1/auth/login",
                         {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(waiting.status, 429);  // even with the right password: no oracle while waiting
  EXPECT_EQ(retry_after(waiting), 1);
  h_.clock().advance(seconds(1));
  EXPECT_EQ(h_.post(c, "/api/v1/auth/login", wrong).code(), "invalid_credentials");
  EXPECT_EQ(retry_after(h_.post(c, "/api/v1/auth/login", wrong)), 2);
  h_.clock().advance(seconds(2));
  EXPECT_EQ(h_.post(c, "/api/v1/auth/login", wrong).code(), "invalid_credentials");
  EXPECT_EQ(retry_after(h_.post(c, "/api/v1/auth/login", wrong)), 4);
  h_.clock().advance(seconds(4));
  auto right = h_.post(c, "/api/v1/auth/login",
                       {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(right.status, 200);  // success resets the count: five free tries again
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(h_.post(c, "/api/v1/auth/login", wrong).code(), "invalid_credentials");
}

TEST_P(LimitFlows, DelaysDoubleUpToFifteenMinutesSoAnHourAllowsFarFewerThanAHundredFailures) {
  Client c;
  h_.signup_patient(c, "zoe@example.fr");
  const nlohmann::json wrong{{"email", "zoe@example.fr"}, {"password", "Pas-Le-Bon 1234"}};
  // An attacker changing address each time and waiting out every delay (ASVS V2.2.1).
  std::vector<std::int64_t> waits;
  int failures = 0;
  std::int64_t elapsed = 0;
  for (int i = 0; elapsed < 3600 && i < 200; ++i) {
    c.ip = "203.0.113." + std::to_string(i % 250);
    auto r = h_.post(c, "/api/v1/auth/login", wrong);
    if (r.code() == "invalid_credentials") {
      ++failures;
      continue;
    }
    ASSERT_EQ(r.status, 429) << r.body;
    waits.push_back(retry_after(r));
    h_.clock().advance(seconds(waits.back()));
    elapsed += waits.back();
  }
  const std::vector<std::int64_t> expected{1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900};
  ASSERT_GE(waits.size(), expected.size());
  EXPECT_EQ(std::vector<std::int64_t>(waits.begin(), waits.begin() + 12), expected);
  EXPECT_LE(failures, 20);  // far under the hundred ASVS allows
}

TEST_P(LimitFlows, LoginAttemptsPerAddressAreLimited) {
  Client c;
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(h_.post(c, "/api/v1/auth/login",
                      {{"email", "x" + std::to_string(i) + "@example.fr"}, {"password", "x"}})
                  .code(),
              "invalid_credentials");
  }
  auto blocked = h_.post(c, "/api/v1/auth/login", {{"email", "y@example.fr"}, {"password", "x"}});
  EXPECT_EQ(blocked.status, 429);
  h_.clock().advance(minutes(10));
  EXPECT_EQ(h_.post(c, "/api/v1/auth/login", {{"email", "y@example.fr"}, {"password", "x"}}).status,
            401);
}

TEST_P(LimitFlows, ResetRequestsPerEmailAreLimitedAlikeForUnknownAddresses) {
  Client c;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(h_.post(c, "/api/v1/auth/password/forgot", {{"email", "nobody@example.fr"}}).status,
              202);
  }
  EXPECT_EQ(h_.post(c, "/api/v1/auth/password/forgot", {{"email", "nobody@example.fr"}}).status,
            429);
}

TEST_P(LimitFlows, CodeChecksPerAddressAreLimited) {
  Client c;
  for (int i = 0; i < 30; ++i) {
    EXPECT_EQ(
        h_.post(c, "/api/v1/auth/login/verify", {{"challenge", "unknown"}, {"code", "123456"}})
            .code(),
        "challenge_expired");
  }
  EXPECT_EQ(h_.post(c, "/api/v1/auth/login/verify", {{"challenge", "unknown"}, {"code", "123456"}})
                .status,
            429);
}

INSTANTIATE_TEST_SUITE_P(Engines, LimitFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
