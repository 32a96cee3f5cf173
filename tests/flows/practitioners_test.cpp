#include <liboath/oath.h>

#include "harness.hpp"

namespace cabinet::test {
namespace {

using std::chrono::seconds;

class PractitionerFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  Harness h_{GetParam()};
};

// What an authenticator app shows at `unix_seconds`.
std::string totp_at(const std::string& base32_secret, std::int64_t unix_seconds) {
  oath_init();
  char* raw = nullptr;
  std::size_t len = 0;
  EXPECT_EQ(oath_base32_decode(base32_secret.c_str(), base32_secret.size(), &raw, &len), OATH_OK);
  char code[7] = {};
  EXPECT_EQ(oath_totp_generate(raw, len, static_cast<time_t>(unix_seconds), 30, 0, 6, code),
            OATH_OK);
  std::free(raw);
  return code;
}

std::string totp_now(const std::string& base32_secret, const Clock& clock) {
  return totp_at(base32_secret, clock.unix_seconds());
}

TEST_P(PractitionerFlows, SignUpIsPendingUntilAnOperatorVerifies) {
  Client dr;
  auto bad = h_.post(dr, "/api/v1/auth/signup/practitioner",
                     {{"email", "dr@example.fr"},
                      {"password", Harness::kPassword},
                      {"phone", "0712345678"},
                      {"first_name", "Camille"},
                      {"last_name", "Durand"},
                      {"rpps", "10003456787"},
                      {"specialty", "general_medicine"}});
  EXPECT_EQ(bad.body["error"]["field"], "rpps");
  auto unknown = h_.post(dr, "/api/v1/auth/signup/practitioner",
                         {{"email", "dr@example.fr"},
                          {"password", Harness::kPassword},
                          {"phone", "0712345678"},
                          {"first_name", "Camille"},
                          {"last_name", "Durand"},
                          {"rpps", rpps_number(3)},
                          {"specialty", "astrology"}});
  EXPECT_EQ(unknown.body["error"]["field"], "specialty");

  dr = h_.practitioner("dr@example.fr", rpps_number(3), false);
  auto me = h_.get(dr, "/api/v1/me");
  EXPECT_EQ(me.body["account"]["role"], "practitioner");
  EXPECT_EQ(me.body["account"]["practitioner"]["status"], "pending");

  auto op = h_.operator_("op@cabinet.test");
  auto pending = h_.get(op, "/api/v1/operator/practitioners?status=pending");
  ASSERT_EQ(pending.body.size(), 1U);
  EXPECT_EQ(pending.body[0]["rpps"], rpps_number(3));
  EXPECT_EQ(pending.body[0]["last_name"], "Durand");
  const auto id = pending.body[0]["id"].get<std::string>();
  ASSERT_EQ(h_.post(op, "/api/v1/operator/practitioners/" + id + "/verify").status, 200);
  EXPECT_EQ(h_.post(op, "/api/v1/operator/practitioners/" + id + "/verify").status,
            409);  // decided once
  EXPECT_EQ(h_.last_mail_to("dr@example.fr").subject, "Votre compte praticien est vérifié");
  EXPECT_EQ(h_.get(op, "/api/v1/operator/practitioners?status=pending").body.size(), 0U);
  EXPECT_EQ(h_.get(dr, "/api/v1/me").body["account"]["practitioner"]["status"], "verified");
  EXPECT_EQ(h_.get(dr, "/api/v1/me").body["account"]["status"], "active");

  // The same RPPS cannot sign up twice.
  Client copycat;
  auto again = h_.post(copycat, "/api/v1/auth/signup/practitioner",
                       {{"email", "copy@example.fr"},
                        {"password", Harness::kPassword},
                        {"phone", "0712345678"},
                        {"first_name", "Camille"},
                        {"last_name", "Durand"},
                        {"rpps", rpps_number(3)},
                        {"specialty", "general_medicine"}});
  EXPECT_EQ(again.body["error"]["field"], "rpps");
}

TEST_P(PractitionerFlows, ARejectionCarriesItsReason) {
  auto dr = h_.practitioner("dr@example.fr", rpps_number(4), false);
  auto op = h_.operator_("op@cabinet.test");
  const auto id = h_.get(dr, "/api/v1/me").body["account"]["id"].get<std::string>();
  EXPECT_EQ(
      h_.post(op, "/api/v1/operator/practitioners/" + id + "/reject", {{"reason", ""}}).status,
      400);
  ASSERT_EQ(h_.post(op, "/api/v1/operator/practitioners/" + id + "/reject",
                    {{"reason", "Inscription à l'Ordre introuvable pour ce RPPS."}})
                .status,
            200);
  const auto mail = h_.last_mail_to("dr@example.fr");
  EXPECT_NE(mail.text.find("Inscription à l'Ordre introuvable"), std::string::npos);
  EXPECT_EQ(h_.get(dr, "/api/v1/me").body["account"]["practitioner"]["rejection_reason"],
            "Inscription à l'Ordre introuvable pour ce RPPS.");
  EXPECT_EQ(h_.get(op, "/api/v1/operator/practitioners?status=rejected").body.size(), 1U);
}

TEST_P(PractitionerFlows, AnInvitedAssistantJoinsThePractitioner) {
  auto dr = h_.practitioner("dr@example.fr", rpps_number(5), true);
  auto invite = h_.post(dr, "/api/v1/practitioner/assistants", {{"email", "Aide@Example.fr"}});
  ASSERT_EQ(invite.status, 201);
  EXPECT_EQ(invite.body["status"], "invited");
  EXPECT_EQ(h_.post(dr, "/api/v1/practitioner/assistants", {{"email", "aide@example.fr"}}).status,
            400);
  const auto mail = h_.last_mail_to("aide@example.fr");
  EXPECT_EQ(mail.subject, "Dr Camille Durand vous invite sur Cabinet");
  const auto token = h_.link_token("aide@example.fr", "/inscription/assistant");
  Client aide;
  ASSERT_EQ(h_.post(aide, "/api/v1/auth/signup/assistant",
                    {{"token", token},
                     {"password", Harness::kPassword},
                     {"phone", "0611223344"},
                     {"first_name", "Inès"},
                     {"last_name", "Roux"}})
                .status,
            201);
  EXPECT_EQ(h_.post(aide, "/api/v1/auth/signup/assistant",
                    {{"token", token},
                     {"password", Harness::kPassword},
                     {"phone", "0611223344"},
                     {"first_name", "Inès"},
                     {"last_name", "Roux"}})
                .code(),
            "link_invalid");
  h_.login(aide, "aide@example.fr");  // no confirmation email: the invitation proved the address
  auto me = h_.get(aide, "/api/v1/me");
  EXPECT_EQ(me.body["account"]["role"], "assistant");
  EXPECT_EQ(me.body["account"]["assistant_of"]["name"], "Dr Camille Durand");
  auto list = h_.get(dr, "/api/v1/practitioner/assistants");
  ASSERT_EQ(list.body.size(), 1U);
  EXPECT_EQ(list.body[0]["status"], "active");
  EXPECT_EQ(list.body[0]["name"], "Inès Roux");
}

TEST_P(PractitionerFlows, AnAuthenticatorAppReplacesTheEmailedCode) {
  auto dr = h_.practitioner("dr@example.fr", rpps_number(6), true);
  auto enrol = h_.post(dr, "/api/v1/me/totp");
  ASSERT_EQ(enrol.status, 200);
  const auto secret = enrol.body["secret"].get<std::string>();
  EXPECT_TRUE(enrol.body["otpauth_uri"].get<std::string>().starts_with(
      "otpauth://totp/Cabinet:dr%40example.fr?secret="));
  EXPECT_TRUE(enrol.body["qr_svg"].get<std::string>().starts_with("<svg"));
  EXPECT_EQ(h_.post(dr, "/api/v1/me/totp/confirm", {{"code", "000000"}}).code(), "code_incorrect");
  ASSERT_EQ(h_.post(dr, "/api/v1/me/totp/confirm", {{"code", totp_now(secret, h_.clock())}}).status,
            204);
  EXPECT_EQ(h_.get(dr, "/api/v1/me").body["account"]["totp_enabled"], true);

  Client phone;
  const auto before = h_.mail().size();
  auto start = h_.post(phone, "/api/v1/auth/login",
                       {{"email", "dr@example.fr"}, {"password", Harness::kPassword}});
  ASSERT_EQ(start.status, 200);
  EXPECT_EQ(start.body["method"], "totp");
  EXPECT_EQ(h_.mail().size(), before);  // no email code any more
  h_.clock().advance(seconds(95));      // three periods later: an old code no longer works
  const auto code = totp_now(secret, h_.clock());
  EXPECT_EQ(h_.post(phone, "/api/v1/auth/login/verify",
                    {{"challenge", start.body["challenge"]}, {"code", code}})
                .status,
            200);

  // The same code, seen over a shoulder, does not open a second session within its 30 s.
  Client thief;
  auto again = h_.post(thief, "/api/v1/auth/login",
                       {{"email", "dr@example.fr"}, {"password", Harness::kPassword}});
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(h_.post(thief, "/api/v1/auth/login/verify",
                    {{"challenge", again.body["challenge"]}, {"code", code}})
                .code(),
            "code_incorrect");
  // The app's next code (accepted one step early for a phone whose clock runs ahead) still does.
  EXPECT_EQ(h_.post(thief, "/api/v1/auth/login/verify",
                    {{"challenge", again.body["challenge"]},
                     {"code", totp_at(secret, h_.clock().unix_seconds() + 30)}})
                .status,
            200);
}

INSTANTIATE_TEST_SUITE_P(Engines, PractitionerFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
