#include "harness.hpp"

namespace cabinet::test {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

class AccountFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  Harness h_{GetParam()};
  Client c_;
};

TEST_P(AccountFlows, SignUpConfirmLogInWithTheEmailedCodeThenLogOut) {
  auto signup = h_.post(c_, "/api/v1/auth/signup",
                        {{"email", "Zoe.Martin@Example.fr"},
                         {"password", Harness::kPassword},
                         {"phone", "06 12 34 56 78"},
                         {"first_name", "Zoé"},
                         {"last_name", "Martin"},
                         {"birth_date", "1990-04-02"}});
  ASSERT_EQ(signup.status, 201) << signup.body;
  EXPECT_EQ(signup.body["status"], "confirmation_sent");
  const auto confirmation = h_.last_mail_to("zoe.martin@example.fr");
  EXPECT_EQ(confirmation.subject, "Confirmez votre adresse e-mail");
  EXPECT_NE(confirmation.html.find("Confirmer mon adresse"), std::string::npos);

  // Not before the address is confirmed: the answer says so and sends a fresh link.
  auto early = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe.martin@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(early.status, 403);
  EXPECT_EQ(early.code(), "email_not_confirmed");

  auto confirm = h_.post(c_, "/api/v1/auth/email/confirm",
                         {{"token", h_.link_token("zoe.martin@example.fr", "/confirmer-email")}});
  ASSERT_EQ(confirm.status, 200);
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/email/confirm", {{"token", "not-a-token"}}).code(),
            "link_invalid");

  auto start = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe.martin@example.fr"}, {"password", Harness::kPassword}});
  ASSERT_EQ(start.status, 200);
  EXPECT_EQ(start.body["method"], "email");
  const auto code = h_.login_code("zoe.martin@example.fr");
  EXPECT_EQ(h_.last_mail_to("zoe.martin@example.fr").subject, "Votre code de sécurité Cabinet");
  auto verify = h_.post(c_, "/api/v1/auth/login/verify",
                        {{"challenge", start.body["challenge"]}, {"code", code}});
  ASSERT_EQ(verify.status, 200) << verify.body;
  const auto cookie = std::string(*verify.headers.get("Set-Cookie"));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Lax"), std::string::npos);
  EXPECT_EQ(verify.body["account"]["email"], "zoe.martin@example.fr");
  EXPECT_EQ(verify.body["account"]["phone"], "+33612345678");
  EXPECT_EQ(verify.body["profiles"][0]["is_holder"], true);
  EXPECT_EQ(verify.body["profiles"][0]["first_name"], "Zoé");

  // The same code cannot open a second session.
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/login/verify",
                    {{"challenge", start.body["challenge"]}, {"code", code}})
                .code(),
            "challenge_expired");

  EXPECT_EQ(h_.get(c_, "/api/v1/me").status, 200);
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/logout").status, 204);
  EXPECT_FALSE(c_.cookies.contains("cabinet_session"));
  EXPECT_EQ(h_.get(c_, "/api/v1/me").status, 401);
}

TEST_P(AccountFlows, SignUpWithATakenAddressAnswersTheSameAndWarnsTheOwner) {
  h_.signup_patient(c_, "zoe@example.fr");
  Client other;
  auto again = h_.post(other, "/api/v1/auth/signup",
                       {{"email", "zoe@example.fr"},
                        {"password", "Autre-Chose-Solide 9"},
                        {"phone", "0712345678"},
                        {"first_name", "Eve"},
                        {"last_name", "Intruse"},
                        {"birth_date", "1985-01-01"}});
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body["status"], "confirmation_sent");
  EXPECT_EQ(h_.last_mail_to("zoe@example.fr").subject, "Une inscription avec votre adresse");
}

TEST_P(AccountFlows, WeakPasswordsAreRefusedWithTheRuleThatFailed) {
  auto attempt = [&](const std::string& password) {
    return h_.post(c_, "/api/v1/auth/signup",
                   {{"email", "weak@example.fr"},
                    {"password", password},
                    {"phone", "0612345678"},
                    {"first_name", "Léo"},
                    {"last_name", "Petit"},
                    {"birth_date", "1990-01-01"}});
  };
  auto short_one = attempt("Court1!");
  EXPECT_EQ(short_one.status, 400);
  EXPECT_EQ(short_one.body["error"]["field"], "password");
  EXPECT_EQ(short_one.message(), "Le mot de passe doit comporter au moins 12 caractères.");
  EXPECT_EQ(attempt("sans majuscule 42").message(),
            "Le mot de passe doit contenir au moins une majuscule.");
  EXPECT_EQ(attempt("SANS MINUSCULE 42").message(),
            "Le mot de passe doit contenir au moins une minuscule.");
  EXPECT_EQ(attempt("QueDesLettresIci").message(),
            "Le mot de passe doit contenir au moins un chiffre ou un caractère spécial.");
  EXPECT_NE(attempt("Motdepasse2024!").message().find("trop courant"), std::string::npos);
  EXPECT_NE(attempt("Petit-Leo-2026x").message().find("votre nom"), std::string::npos);
  EXPECT_TRUE(h_.mail().empty());  // nothing was created
}

TEST_P(AccountFlows, TheCodeLastsTenMinutes) {
  h_.signup_patient(c_, "zoe@example.fr");
  auto start = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  const auto code = h_.login_code("zoe@example.fr");
  h_.clock().advance(minutes(10) + seconds(1));
  auto late = h_.post(c_, "/api/v1/auth/login/verify",
                      {{"challenge", start.body["challenge"]}, {"code", code}});
  EXPECT_EQ(late.status, 400);
  EXPECT_EQ(late.code(), "challenge_expired");

  auto again = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  const auto fresh = h_.login_code("zoe@example.fr");
  h_.clock().advance(minutes(9) + seconds(59));
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/login/verify",
                    {{"challenge", again.body["challenge"]}, {"code", fresh}})
                .status,
            200);
}

TEST_P(AccountFlows, FiveTriesThenTheCodeIsSpent) {
  h_.signup_patient(c_, "zoe@example.fr");
  auto start = h_.post(c_, "/api/v1/auth/login",
                       {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}});
  const auto code = h_.login_code("zoe@example.fr");
  const auto wrong = code == "000000" ? "111111" : "000000";
  const char* expected[] = {
      "Code incorrect. Il vous reste 4 essais.", "Code incorrect. Il vous reste 3 essais.",
      "Code incorrect. Il vous reste 2 essais.", "Code incorrect. Il vous reste 1 essai.",
      "Code incorrect. Vous n'avez plus d'essai : reconnectez-vous pour recevoir un nouveau code."};
  for (const char* message : expected) {
    auto r = h_.post(c_, "/api/v1/auth/login/verify",
                     {{"challenge", start.body["challenge"]}, {"code", wrong}});
    EXPECT_EQ(r.code(), "code_incorrect");
    EXPECT_EQ(r.message(), message);
  }
  auto sixth = h_.post(c_, "/api/v1/auth/login/verify",
                       {{"challenge", start.body["challenge"]}, {"code", code}});
  EXPECT_EQ(sixth.code(), "challenge_expired");  // even the right code, after five wrong ones
  EXPECT_FALSE(c_.cookies.contains("cabinet_session"));
}

TEST_P(AccountFlows, ResetLinkWorksOnceWithinThirtyMinutesAndEndsEverySession) {
  auto signed_in = h_.patient("zoe@example.fr");
  ASSERT_EQ(h_.get(signed_in, "/api/v1/me").status, 200);

  auto forgot = h_.post(c_, "/api/v1/auth/password/forgot", {{"email", "zoe@example.fr"}});
  EXPECT_EQ(forgot.status, 202);
  const auto token = h_.link_token("zoe@example.fr", "/reinitialiser-mot-de-passe");
  // A weak password is refused and does not spend the link.
  EXPECT_EQ(
      h_.post(c_, "/api/v1/auth/password/reset", {{"token", token}, {"password", "faible"}}).status,
      400);
  auto reset = h_.post(c_, "/api/v1/auth/password/reset",
                       {{"token", token}, {"password", "Nouveau-Cheval-Bleu 88"}});
  ASSERT_EQ(reset.status, 200) << reset.body;
  auto reuse = h_.post(c_, "/api/v1/auth/password/reset",
                       {{"token", token}, {"password", "Encore-Autre-Chose 77"}});
  EXPECT_EQ(reuse.code(), "link_invalid");
  EXPECT_EQ(h_.get(signed_in, "/api/v1/me").code(), "session_expired");  // every session ended
  EXPECT_EQ(h_.last_mail_to("zoe@example.fr").subject, "Votre mot de passe a été modifié");
  h_.login(c_, "zoe@example.fr", "Nouveau-Cheval-Bleu 88");

  h_.post(c_, "/api/v1/auth/password/forgot", {{"email", "zoe@example.fr"}});
  const auto later = h_.link_token("zoe@example.fr", "/reinitialiser-mot-de-passe");
  h_.clock().advance(minutes(30) + seconds(1));
  EXPECT_EQ(h_.post(c_, "/api/v1/auth/password/reset",
                    {{"token", later}, {"password", "Trop-Tard-Pour-Ca 66"}})
                .code(),
            "link_invalid");
}

TEST_P(AccountFlows, ForgotPasswordAnswersAlikeForKnownAndUnknownAddresses) {
  h_.signup_patient(c_, "zoe@example.fr");
  auto known = h_.post(c_, "/api/v1/auth/password/forgot", {{"email", "zoe@example.fr"}});
  auto unknown = h_.post(c_, "/api/v1/auth/password/forgot", {{"email", "personne@example.fr"}});
  auto malformed = h_.post(c_, "/api/v1/auth/password/forgot", {{"email", "pas une adresse"}});
  EXPECT_EQ(known.status, unknown.status);
  EXPECT_EQ(known.body, unknown.body);
  EXPECT_EQ(known.body, malformed.body);
  EXPECT_EQ(known.body, nlohmann::json({{"status", "sent_if_exists"}}));
}

TEST_P(AccountFlows, SessionsEndAfterIdleTimeAndAfterTwelveHours) {
  auto patient = h_.patient("zoe@example.fr");
  h_.clock().advance(minutes(29));
  EXPECT_EQ(h_.get(patient, "/api/v1/me").status, 200);  // activity pushes the idle limit
  h_.clock().advance(minutes(29));
  EXPECT_EQ(h_.get(patient, "/api/v1/me").status, 200);
  h_.clock().advance(minutes(30) + seconds(1));
  EXPECT_EQ(h_.get(patient, "/api/v1/me").code(), "session_expired");

  auto doctor = h_.practitioner("dr@example.fr", rpps_number(1), false);
  h_.clock().advance(minutes(14));
  EXPECT_EQ(h_.get(doctor, "/api/v1/me").status, 200);
  h_.clock().advance(minutes(15) + seconds(1));
  EXPECT_EQ(h_.get(doctor, "/api/v1/me").code(),
            "session_expired");  // 15 minutes for practitioners

  auto busy = h_.patient("busy@example.fr", "Paul");
  for (int i = 0; i < 35; ++i) {  // active every 20 minutes for 11 h 40
    h_.clock().advance(minutes(20));
    ASSERT_EQ(h_.get(busy, "/api/v1/me").status, 200) << "after " << (i + 1) * 20 << " min";
  }
  h_.clock().advance(minutes(20) + seconds(1));
  EXPECT_EQ(h_.get(busy, "/api/v1/me").code(), "session_expired");  // 12 h whatever the activity
}

TEST_P(AccountFlows, UnsafeRequestsWithoutTheHeaderOrFromAnotherSiteAreRefused) {
  h_.signup_patient(c_, "zoe@example.fr");
  const nlohmann::json login{{"email", "zoe@example.fr"}, {"password", Harness::kPassword}};
  auto bare = h_.call(c_, http::Method::post, "/api/v1/auth/login", login,
                      {{"Origin", "http://cabinet.test"}}, false);
  EXPECT_EQ(bare.status, 403);
  EXPECT_EQ(bare.code(), "csrf_rejected");
  auto foreign =
      h_.call(c_, http::Method::post, "/api/v1/auth/login", login,
              {{"Origin", "https://evil.example"}, {"X-Requested-With", "cabinet"}}, false);
  EXPECT_EQ(foreign.code(), "csrf_rejected");
  auto fine = h_.call(c_, http::Method::post, "/api/v1/auth/login", login,
                      {{"Origin", "http://cabinet.test"}, {"X-Requested-With", "cabinet"}}, false);
  EXPECT_EQ(fine.status, 200);
}

TEST_P(AccountFlows, RelativesAndTheProfileSwitch) {
  auto c = h_.patient("zoe@example.fr");
  auto child = h_.post(c, "/api/v1/me/profiles",
                       {{"first_name", "Léa"},
                        {"last_name", "Martin"},
                        {"birth_date", "2019-06-01"},
                        {"sex", "female"},
                        {"relationship", "child"}});
  ASSERT_EQ(child.status, 201) << child.body;
  auto switched = h_.post(c, "/api/v1/me/current-profile", {{"profile_id", child.body["id"]}});
  ASSERT_EQ(switched.status, 200);
  EXPECT_EQ(switched.body["current_profile"], child.body["id"]);
  EXPECT_EQ(h_.get(c, "/api/v1/me").body["current_profile"], child.body["id"]);
  EXPECT_EQ(h_.get(c, "/api/v1/me").body["profiles"][0]["is_holder"], true);  // holder first
  auto renamed =
      h_.call(c, http::Method::patch, "/api/v1/me/profiles/" + child.body["id"].get<std::string>(),
              {{"first_name", "Léane"}});
  EXPECT_EQ(renamed.body["first_name"], "Léane");
  EXPECT_EQ(
      h_.call(c, http::Method::del, "/api/v1/me/profiles/" + child.body["id"].get<std::string>())
          .status,
      204);
  EXPECT_EQ(h_.get(c, "/api/v1/me").body["profiles"].size(), 1U);
  EXPECT_EQ(h_.get(c, "/api/v1/me").body["current_profile"],
            h_.get(c, "/api/v1/me").body["profiles"][0]["id"]);
  const auto holder = h_.get(c, "/api/v1/me").body["profiles"][0]["id"].get<std::string>();
  EXPECT_EQ(h_.call(c, http::Method::del, "/api/v1/me/profiles/" + holder).status, 400);
}

INSTANTIATE_TEST_SUITE_P(Engines, AccountFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
