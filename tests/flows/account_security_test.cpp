// The account-side findings of the security probe (issue 17): each test failed before its fix.
#include "harness.hpp"

namespace cabinet::test {
namespace {

using std::chrono::seconds;

class AccountSecurityFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  Harness h_{GetParam()};
  Client c_;

  Reply verify(const nlohmann::json& challenge, const std::string& code) {
    return h_.post(c_, "/api/v1/auth/login/verify", {{"challenge", challenge}, {"code", code}});
  }
  Reply reset(const std::string& token, const std::string& password) {
    return h_.post(c_, "/api/v1/auth/password/reset", {{"token", token}, {"password", password}});
  }
  std::string reset_token(const std::string& email) {
    EXPECT_EQ(h_.post(c_, "/api/v1/auth/password/forgot", {{"email", email}}).status, 202);
    return h_.link_token(email, "/reinitialiser-mot-de-passe");
  }
};

std::string wrong_code(const std::string& code) { return code == "000000" ? "111111" : "000000"; }

std::int64_t retry_after(const Reply& r) {
  auto v = r.headers.get("Retry-After");
  return v ? std::stoll(std::string(*v)) : -1;
}

// F2: a new code keeps the tries already spent, and a spent challenge is never revived.
TEST_P(AccountSecurityFlows, ResendKeepsTheTriesAndNeverRevivesASpentCode) {
  h_.signup_patient(c_, "zoe@example.fr");
  auto start = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  const auto challenge = start.body["challenge"];
  const auto first = h_.login_code("zoe@example.fr");
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(verify(challenge, wrong_code(first)).code(), "code_incorrect");
  ASSERT_EQ(h_.post(c_, "/api/v1/auth/login/resend", {{"challenge", challenge}}).status, 202);
  const auto fresh = h_.login_code("zoe@example.fr");
  EXPECT_EQ(verify(challenge, wrong_code(fresh)).message(),
            "Code incorrect. Il vous reste 1 essai.");
  EXPECT_EQ(verify(challenge, wrong_code(fresh)).message(),
            "Code incorrect. Vous n'avez plus d'essai : reconnectez-vous pour recevoir un "
            "nouveau code.");
  auto revived = h_.post(c_, "/api/v1/auth/login/resend", {{"challenge", challenge}});
  EXPECT_EQ(revived.status, 400);
  EXPECT_EQ(revived.code(), "challenge_expired");
  EXPECT_EQ(verify(challenge, fresh).code(), "challenge_expired");
  EXPECT_FALSE(c_.cookies.contains("cabinet_session"));
  // The way back is the password, itself limited.
  h_.login(c_, "zoe@example.fr");
}

// F4: only the newest reset link works, and a password change kills the links sent before.
TEST_P(AccountSecurityFlows, OnlyTheNewestResetLinkWorksAndAPasswordChangeEndsThem) {
  auto signed_in = h_.patient("zoe@example.fr");
  const auto before_change = reset_token("zoe@example.fr");
  ASSERT_EQ(h_.post(signed_in, "/api/v1/me/password",
                    {{"current_password", Harness::kPassword},
                     {"new_password", "Nouveau-Cheval-Bleu 88"}})
                .status,
            204);
  EXPECT_EQ(reset(before_change, "Encore-Autre-Chose 77").code(), "link_invalid");

  const auto older = reset_token("zoe@example.fr");
  const auto newer = reset_token("zoe@example.fr");
  EXPECT_EQ(reset(older, "Encore-Autre-Chose 77").code(), "link_invalid");
  EXPECT_EQ(reset(newer, "Encore-Autre-Chose 77").status, 200);
  EXPECT_EQ(reset(older, "Toujours-Autre-Chose 66").code(), "link_invalid");
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/login",
                    {{"email", "zoe@example.fr"}, {"password", "Encore-Autre-Chose 77"}})
                .status,
            200);
}

// F5: the current password of a signed-in account is not an unlimited oracle.
TEST_P(AccountSecurityFlows, CurrentPasswordChecksWaitAfterFiveFailures) {
  auto c = h_.patient("zoe@example.fr");
  const nlohmann::json wrong{{"current_password", "Pas-Le-Bon 1234"},
                             {"new_password", "Nouveau-Cheval-Bleu 88"}};
  for (int i = 0; i < 5; ++i) {
    auto r = h_.post(c, "/api/v1/me/password", wrong);
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(r.body["error"].value("field", ""), "current_password");
  }
  auto waiting = h_.post(
      c, "/api/v1/me/password",
      {{"current_password", Harness::kPassword}, {"new_password", "Nouveau-Cheval-Bleu 88"}});
  EXPECT_EQ(waiting.status, 429);  // even the right one: no oracle while waiting
  EXPECT_EQ(retry_after(waiting), 1);
  h_.clock().advance(seconds(1));
  EXPECT_EQ(h_.post(c, "/api/v1/me/password", wrong).status, 400);
  // Deleting the account asks the same password: same count, the wait doubles.
  auto deleting = h_.call(c, http::Method::del, "/api/v1/me", {{"password", "Pas-Le-Bon 1234"}});
  EXPECT_EQ(deleting.status, 429);
  EXPECT_EQ(retry_after(deleting), 2);
  h_.clock().advance(seconds(2));
  EXPECT_EQ(h_.post(c, "/api/v1/me/password",
                    {{"current_password", Harness::kPassword},
                     {"new_password", "Nouveau-Cheval-Bleu 88"}})
                .status,
            204);
}

// F11: invisible formatting characters in any person's name, named by field.
TEST_P(AccountSecurityFlows, NamesWithBidiOrInvisibleCharactersAreRefusedByField) {
  auto signup = h_.post(c_, "/api/v1/auth/signup",
                        {{"email", "zoe@example.fr"},
                         {"password", Harness::kPassword},
                         {"phone", "06 12 34 56 78"},
                         {"first_name", "Zo\u00e9\u202e"},
                         {"last_name", "Martin"},
                         {"birth_date", "1990-04-02"}});
  EXPECT_EQ(signup.status, 400);
  EXPECT_EQ(signup.body["error"].value("field", ""), "first_name");
  EXPECT_NE(signup.message().find("invisible"), std::string::npos) << signup.body;

  auto practitioner = h_.post(c_, "/api/v1/auth/signup/practitioner",
                              {{"email", "dr@example.fr"},
                               {"password", Harness::kPassword},
                               {"phone", "07 12 34 56 78"},
                               {"first_name", "Camille"},
                               {"last_name", "\u2067Durand\u2069"},
                               {"rpps", rpps_number(1)},
                               {"specialty", "general_medicine"}});
  EXPECT_EQ(practitioner.status, 400);
  EXPECT_EQ(practitioner.body["error"].value("field", ""), "last_name");

  auto c = h_.patient("lea@example.fr");
  auto relative = h_.post(c, "/api/v1/me/profiles",
                          {{"first_name", "L\u200b\u00e9a"},
                           {"last_name", "Martin"},
                           {"birth_date", "2019-06-01"},
                           {"relationship", "child"}});
  EXPECT_EQ(relative.status, 400);
  EXPECT_EQ(relative.body["error"].value("field", ""), "first_name");
}

// F11: a practitioner the operator has not verified cannot bring staff in.
TEST_P(AccountSecurityFlows, APendingPractitionerCannotInviteAssistants) {
  auto pending = h_.practitioner("dr@example.fr", rpps_number(1), false);
  auto refused =
      h_.post(pending, "/api/v1/practitioner/assistants", {{"email", "assistant@example.fr"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.code(), "practitioner_not_verified");
  auto verified = h_.practitioner("dr2@example.fr", rpps_number(2), true);
  EXPECT_EQ(
      h_.post(verified, "/api/v1/practitioner/assistants", {{"email", "assistant@example.fr"}})
          .status,
      201);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountSecurityFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
