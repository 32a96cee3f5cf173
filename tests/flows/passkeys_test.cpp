#include "harness.hpp"
#include "test_authenticator.hpp"

namespace cabinet::test {
namespace {

using Kind = TestAuthenticator::Kind;
using Tweaks = TestAuthenticator::Tweaks;

// The stable "reason" a passkey refusal carries beside its code (docs/accounts.md).
std::string reason(const Reply& r) {
  return r.body.is_object() && r.body.contains("error") ? r.body["error"].value("reason", "") : "";
}

class PasskeyFlows : public testing::TestWithParam<storage::Engine> {
 protected:
  // Registers a passkey for `c` named `name`; returns the passkey's JSON.
  nlohmann::json add(Harness& h, Client& c, TestAuthenticator& key, const std::string& name) {
    auto options = h.post(c, "/api/v1/me/passkeys/options");
    EXPECT_EQ(options.status, 200) << options.body;
    auto r = h.post(c, "/api/v1/me/passkeys",
                    {{"challenge_id", options.body["challenge_id"]},
                     {"name", name},
                     {"credential", key.registration_json(options.body)}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.body;
  }

  Reply sign_in(Harness& h, Client& c, TestAuthenticator& key, const std::string& handle,
                const Tweaks& t = {}) {
    auto options = h.post(c, "/api/v1/auth/passkey/options");
    EXPECT_EQ(options.status, 200) << options.body;
    EXPECT_EQ(options.body["publicKey"]["userVerification"], "required");
    return h.post(c, "/api/v1/auth/passkey",
                  {{"challenge_id", options.body["challenge_id"]},
                   {"credential", key.assertion_json(options.body, handle, t)}});
  }

  static std::string account_id(Harness& h, Client& c) {
    return h.get(c, "/api/v1/me").body["account"]["id"].get<std::string>();
  }
};

TEST_P(PasskeyFlows, RegisterListRenameSignInAloneRevoke) {
  Harness h(GetParam());
  auto patient = h.patient("zoe@example.fr");
  const auto handle = account_id(h, patient);
  TestAuthenticator phone(Kind::es256);
  TestAuthenticator laptop(Kind::ed25519);

  const auto options = h.post(patient, "/api/v1/me/passkeys/options").body;
  EXPECT_EQ(options["publicKey"]["rp"]["id"], "localhost");
  EXPECT_EQ(options["publicKey"]["attestation"], "none");
  EXPECT_EQ(options["publicKey"]["authenticatorSelection"]["userVerification"], "required");
  const auto first = add(h, patient, phone, "Téléphone de Zoé");
  const auto second = add(h, patient, laptop, "  Ordinateur  ");
  EXPECT_EQ(second["name"], "Ordinateur");
  // The first one is now excluded from a new registration (the same authenticator twice).
  const auto again = h.post(patient, "/api/v1/me/passkeys/options").body;
  EXPECT_EQ(again["publicKey"]["excludeCredentials"].size(), 2U);

  auto list = h.get(patient, "/api/v1/me/passkeys");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body.size(), 2U);
  EXPECT_EQ(list.body[0]["name"], "Téléphone de Zoé");
  EXPECT_TRUE(list.body[0]["last_used_at"].is_null());
  EXPECT_FALSE(list.body[0].contains("public_key"));
  EXPECT_EQ(h.get(patient, "/api/v1/me").body["account"]["passkeys"], 2);

  const auto id = first["id"].get<std::string>();
  auto renamed =
      h.call(patient, http::Method::patch, "/api/v1/me/passkeys/" + id, {{"name", "iPhone"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.body["name"], "iPhone");
  EXPECT_EQ(
      h.call(patient, http::Method::patch, "/api/v1/me/passkeys/" + id, {{"name", " "}}).code(),
      "invalid_request");

  // Signed out, then in with the passkey alone: no email code, the same session cookie.
  EXPECT_EQ(h.post(patient, "/api/v1/auth/logout").status, 204);
  Client browser;
  h.clock().advance(std::chrono::minutes(1));
  auto signed_in = sign_in(h, browser, phone, handle);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_EQ(signed_in.body["account"]["email"], "zoe@example.fr");
  EXPECT_NE(std::string(*signed_in.headers.get("Set-Cookie")).find("HttpOnly"), std::string::npos);
  EXPECT_EQ(h.get(browser, "/api/v1/me").status, 200);
  list = h.get(browser, "/api/v1/me/passkeys");
  EXPECT_FALSE(list.body[0]["last_used_at"].is_null());
  EXPECT_EQ(h.get(browser, "/api/v1/me/export").body["passkeys"].size(), 2U);

  // Revoked: that passkey no longer signs in.
  EXPECT_EQ(h.del(browser, "/api/v1/me/passkeys/" + id).status, 204);
  EXPECT_EQ(h.del(browser, "/api/v1/me/passkeys/" + id).status, 404);
  Client other_browser;
  EXPECT_EQ(reason(sign_in(h, other_browser, phone, handle)), "passkey_unknown");
  EXPECT_EQ(sign_in(h, other_browser, laptop, handle).status, 200);
}

TEST_P(PasskeyFlows, RefusesWhatDoesNotVerifyWithClearErrors) {
  Harness h(GetParam());
  auto patient = h.patient("zoe@example.fr");
  const auto handle = account_id(h, patient);
  TestAuthenticator key(Kind::es256);
  add(h, patient, key, "Clé");
  Client c;
  EXPECT_EQ(reason(sign_in(h, c, key, handle, Tweaks{.bad_signature = true})), "passkey_invalid");
  EXPECT_EQ(reason(sign_in(h, c, key, handle, Tweaks{.origin = "https://evil.example"})),
            "passkey_invalid");
  EXPECT_EQ(reason(sign_in(h, c, key, handle, Tweaks{.flags = 0x01})), "passkey_invalid");
  EXPECT_EQ(reason(sign_in(h, c, key, "someone else")), "passkey_invalid");
  // A counter that goes back: a cloned authenticator, refused and audited.
  EXPECT_EQ(sign_in(h, c, key, handle).status, 200);
  auto cloned = sign_in(h, c, key, handle, Tweaks{.counter = 1});
  EXPECT_EQ(reason(cloned), "passkey_invalid");
  EXPECT_EQ(cloned.status, 400);

  // A challenge serves once.
  auto options = h.post(c, "/api/v1/auth/passkey/options");
  const auto body = nlohmann::json{{"challenge_id", options.body["challenge_id"]},
                                   {"credential", key.assertion_json(options.body, handle)}};
  EXPECT_EQ(h.post(c, "/api/v1/auth/passkey", body).status, 200);
  EXPECT_EQ(h.post(c, "/api/v1/auth/passkey", body).code(), "challenge_expired");
  // And expires after 5 minutes.
  options = h.post(c, "/api/v1/auth/passkey/options");
  h.clock().advance(std::chrono::minutes(6));
  EXPECT_EQ(h.post(c, "/api/v1/auth/passkey",
                   {{"challenge_id", options.body["challenge_id"]},
                    {"credential", key.assertion_json(options.body, handle)}})
                .code(),
            "challenge_expired");

  // Malformed input: 400 with the field, never a 5xx.
  for (const auto& bad :
       {nlohmann::json{{"challenge_id", "x"}},
        nlohmann::json{{"challenge_id", "x"}, {"credential", "text"}},
        nlohmann::json{{"challenge_id", "x"}, {"credential", {{"rawId", "!!"}, {"response", {}}}}},
        nlohmann::json{{"challenge_id", 3}}}) {
    const auto r = h.post(c, "/api/v1/auth/passkey", bad);
    EXPECT_EQ(r.status, 400) << bad << r.body;
  }
  // A registration answer with the wrong format, or for another account's challenge.
  auto other = h.patient("paul@example.fr", "Paul");
  auto stolen = h.post(other, "/api/v1/me/passkeys/options");
  TestAuthenticator fresh(Kind::es256);
  EXPECT_EQ(h.post(patient, "/api/v1/me/passkeys",
                   {{"challenge_id", stolen.body["challenge_id"]},
                    {"name", "Clé"},
                    {"credential", fresh.registration_json(stolen.body)}})
                .code(),
            "challenge_expired");
  auto mine = h.post(patient, "/api/v1/me/passkeys/options");
  EXPECT_EQ(
      reason(h.post(patient, "/api/v1/me/passkeys",
                    {{"challenge_id", mine.body["challenge_id"]},
                     {"name", "Clé"},
                     {"credential", fresh.registration_json(mine.body, Tweaks{.fmt = "packed"})}})),
      "passkey_invalid");
}

TEST_P(PasskeyFlows, AnotherAccountsPasskeyIsNotFound) {
  Harness h(GetParam());
  auto zoe = h.patient("zoe@example.fr");
  auto paul = h.patient("paul@example.fr", "Paul");
  TestAuthenticator key(Kind::es256);
  const auto id = add(h, zoe, key, "Clé de Zoé")["id"].get<std::string>();
  EXPECT_EQ(h.call(paul, http::Method::patch, "/api/v1/me/passkeys/" + id, {{"name", "x"}}).status,
            404);
  EXPECT_EQ(h.del(paul, "/api/v1/me/passkeys/" + id).status, 404);
  EXPECT_TRUE(h.get(paul, "/api/v1/me/passkeys").body.empty());
  EXPECT_EQ(h.get(zoe, "/api/v1/me/passkeys").body.size(), 1U);
}

TEST_P(PasskeyFlows, StrongFactorPolicyRefusesTheEmailCodeOnceAPasskeyExists) {
  Harness h(GetParam(), {{"security.strong_factor_roles", "practitioner, operator"}});
  // Bootstrap: without a strong factor yet, the emailed code still signs in, and /me says a
  // passkey is required so that the web app asks for one.
  auto doctor = h.practitioner("dr@example.fr", rpps_number(1), false);
  auto me = h.get(doctor, "/api/v1/me").body["account"];
  EXPECT_EQ(me["strong_factor_required"], true);
  EXPECT_EQ(me["passkeys"], 0);
  TestAuthenticator key(Kind::es256);
  const auto id = add(h, doctor, key, "Poste du cabinet")["id"].get<std::string>();
  // The only strong factor cannot be removed.
  const auto last = h.del(doctor, "/api/v1/me/passkeys/" + id);
  EXPECT_EQ(last.status, 409);

  Client c;
  auto refused = h.post(c, "/api/v1/auth/login",
                        {{"email", "dr@example.fr"}, {"password", Harness::kPassword}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.code(), "forbidden");
  EXPECT_EQ(reason(refused), "strong_factor_required");
  EXPECT_NE(refused.message().find("clé d'accès"), std::string::npos);
  // A wrong password still says only that.
  EXPECT_EQ(
      h.post(c, "/api/v1/auth/login", {{"email", "dr@example.fr"}, {"password", "nope"}}).code(),
      "invalid_credentials");
  EXPECT_EQ(sign_in(h, c, key, account_id(h, doctor)).status, 200);

  // Patients are not covered: the emailed code stays their fallback.
  auto patient = h.patient("zoe@example.fr");
  TestAuthenticator own(Kind::ed25519);
  const auto own_id = add(h, patient, own, "Clé")["id"].get<std::string>();
  EXPECT_EQ(h.get(patient, "/api/v1/me").body["account"]["strong_factor_required"], false);
  Client d;
  EXPECT_EQ(h.post(d, "/api/v1/auth/login",
                   {{"email", "zoe@example.fr"}, {"password", Harness::kPassword}})
                .status,
            200);
  EXPECT_EQ(h.del(patient, "/api/v1/me/passkeys/" + own_id).status, 204);
}

INSTANTIATE_TEST_SUITE_P(Engines, PasskeyFlows, testing::ValuesIn(engines_under_test()),
                         engine_param_name);

}  // namespace
}  // namespace cabinet::test
