#include "crypto/webauthn.hpp"

#include <gtest/gtest.h>

#include "crypto/cbor.hpp"
#include "crypto/cose.hpp"
#include "test_authenticator.hpp"

namespace cabinet::crypto::webauthn {
namespace {

using test::TestAuthenticator;
using Kind = TestAuthenticator::Kind;
using Tweaks = TestAuthenticator::Tweaks;

const RelyingParty kRp = relying_party("http://localhost:8080/");
const std::string kChallenge(32, '\x5a');

class WebAuthn : public ::testing::TestWithParam<Kind> {
 protected:
  TestAuthenticator auth_{GetParam()};

  Result<NewCredential> enrol(const Tweaks& t = {}) {
    const auto r = auth_.make_credential(kChallenge, t);
    return verify_registration(kRp, kChallenge, {r.client_data_json, r.attestation_object});
  }
  Result<std::uint32_t> sign_in(const NewCredential& c, std::uint32_t stored, const Tweaks& t = {},
                                std::string_view challenge = kChallenge) {
    const auto a = auth_.get_assertion(challenge, t);
    return verify_assertion(kRp, kChallenge, {c.public_key, stored},
                            {a.client_data_json, a.authenticator_data, a.signature});
  }
  static std::string reason(const Error& e) { return e.detail; }
};

TEST(RelyingPartyOf, PublicUrl) {
  EXPECT_EQ(kRp.id, "localhost");
  EXPECT_EQ(kRp.origin, "http://localhost:8080");
  const auto rp = relying_party("https://Cabinet.Example.fr/app");
  EXPECT_EQ(rp.id, "cabinet.example.fr");
  EXPECT_EQ(rp.origin, "https://cabinet.example.fr");
}

TEST_P(WebAuthn, RegistersAndSignsIn) {
  auto c = enrol();
  ASSERT_TRUE(c.ok()) << c.error().detail;
  EXPECT_EQ(c->id, auth_.credential_id());
  EXPECT_EQ(c->alg, GetParam() == Kind::es256 ? -7 : -8);
  EXPECT_EQ(c->sign_count, 1U);
  auto count = sign_in(*c, c->sign_count);
  ASSERT_TRUE(count.ok()) << count.error().detail;
  EXPECT_EQ(*count, 2U);
}

TEST_P(WebAuthn, RefusesARegistrationForAnotherCeremonyPlaceOrPerson) {
  const std::vector<std::pair<Tweaks, std::string>> cases{
      {Tweaks{.challenge = "AAAA"}, "challenge"},
      {Tweaks{.type = "webauthn.get"}, "clientData type webauthn.get"},
      {Tweaks{.origin = "https://evil.example"}, "origin https://evil.example"},
      {Tweaks{.rp_id = "evil.example"}, "rpIdHash"},
      {Tweaks{.flags = 0x01}, "user not verified"},
      {Tweaks{.flags = 0x04}, "user not present"},
      {Tweaks{.cross_origin = true}, "crossOrigin"},
      {Tweaks{.fmt = "packed"}, "attestation format packed"},
  };
  for (const auto& [tweak, why] : cases) {
    auto c = enrol(tweak);
    ASSERT_FALSE(c.ok()) << why;
    EXPECT_EQ(c.error().code, ErrorCode::invalid_request);
    EXPECT_EQ(c.error().extra["reason"], "passkey_invalid");
    EXPECT_EQ(reason(c.error()), why);
  }
}

TEST_P(WebAuthn, RefusesABadAssertion) {
  auto c = enrol();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(reason(sign_in(*c, 1, Tweaks{.bad_signature = true}).error()), "signature");
  EXPECT_EQ(reason(sign_in(*c, 1, {}, "other challenge").error()), "challenge");
  EXPECT_EQ(reason(sign_in(*c, 1, Tweaks{.origin = "http://localhost:9999"}).error()),
            "origin http://localhost:9999");
  EXPECT_EQ(reason(sign_in(*c, 1, Tweaks{.type = "webauthn.create"}).error()),
            "clientData type webauthn.create");
  EXPECT_EQ(reason(sign_in(*c, 1, Tweaks{.rp_id = "example.org"}).error()), "rpIdHash");
  EXPECT_EQ(reason(sign_in(*c, 1, Tweaks{.flags = 0x01}).error()), "user not verified");
  // Another key's signature over the right bytes.
  TestAuthenticator other(GetParam());
  const auto a = other.get_assertion(kChallenge);
  EXPECT_EQ(reason(verify_assertion(kRp, kChallenge, {c->public_key, 0},
                                    {a.client_data_json, a.authenticator_data, a.signature})
                       .error()),
            "signature");
}

TEST_P(WebAuthn, RefusesACounterThatGoesBack) {
  auto c = enrol();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(reason(sign_in(*c, 10, Tweaks{.counter = 9}).error()), "sign count");
  EXPECT_EQ(reason(sign_in(*c, 10, Tweaks{.counter = 10}).error()), "sign count");
  EXPECT_EQ(reason(sign_in(*c, 10, Tweaks{.counter = 0}).error()), "sign count");
  EXPECT_EQ(*sign_in(*c, 10, Tweaks{.counter = 11}), 11U);
  // Authenticators without a counter (synced passkeys) always say 0: accepted.
  EXPECT_EQ(*sign_in(*c, 0, Tweaks{.counter = 0}), 0U);
}

TEST_P(WebAuthn, RefusesMalformedAuthenticatorData) {
  const auto r = auth_.make_credential(kChallenge);
  const auto& data = r.authenticator_data;
  for (std::size_t n = 0; n < data.size(); n += 7) {
    EXPECT_FALSE(parse_authenticator_data(cbor::as_bytes(data.substr(0, n))).ok()) << n;
  }
  EXPECT_FALSE(parse_authenticator_data(cbor::as_bytes(data + "x")).ok());
  // A credential id length beyond 1023 bytes.
  auto long_id = data;
  long_id[37 + 16] = '\x04';
  EXPECT_FALSE(parse_authenticator_data(cbor::as_bytes(long_id)).ok());
  // The attestation object: truncated, with trailing bytes, or not a map.
  const auto& att = r.attestation_object;
  EXPECT_FALSE(parse_attestation_object(cbor::as_bytes(att.substr(0, att.size() - 1))).ok());
  EXPECT_FALSE(parse_attestation_object(cbor::as_bytes(att + '\0')).ok());
  EXPECT_FALSE(parse_attestation_object(cbor::as_bytes(test::cbor_int(1))).ok());
  EXPECT_TRUE(parse_attestation_object(cbor::as_bytes(att)).ok());
}

TEST(WebAuthnKeys, RefusesUnsupportedOrBrokenKeys) {
  using test::cbor_bytes;
  using test::cbor_head;
  using test::cbor_int;
  const auto ec = [](std::int64_t crv, const std::string& x, const std::string& y) {
    return cbor_head(5, 5) + cbor_int(1) + cbor_int(2) + cbor_int(3) + cbor_int(-7) + cbor_int(-1) +
           cbor_int(crv) + cbor_int(-2) + cbor_bytes(x) + cbor_int(-3) + cbor_bytes(y);
  };
  const auto check = [](const std::string& key) {
    return crypto::cose::check_key(*cbor::parse(cbor::as_bytes(key))).ok();
  };
  TestAuthenticator good(Kind::es256);
  EXPECT_TRUE(check(good.cose_key()));
  EXPECT_FALSE(check(ec(1, std::string(32, '\1'), std::string(32, '\2'))));  // off the curve
  EXPECT_FALSE(check(ec(2, std::string(32, '\1'), std::string(32, '\2'))));  // P-384 label
  EXPECT_FALSE(check(ec(1, std::string(31, '\1'), std::string(32, '\2'))));
  // ES384 (alg -35) is not offered.
  EXPECT_FALSE(check(cbor_head(5, 2) + cbor_int(1) + cbor_int(2) + cbor_int(3) + cbor_int(-35)));
  EXPECT_FALSE(check(cbor_int(3)));
}

TEST(WebAuthnClientData, RefusesWhatIsNotTheExpectedJson) {
  EXPECT_FALSE(parse_client_data("not json").ok());
  EXPECT_FALSE(parse_client_data("[]").ok());
  EXPECT_FALSE(parse_client_data(R"({"type":"webauthn.get","challenge":1,"origin":"x"})").ok());
  EXPECT_FALSE(parse_client_data(
                   R"({"type":"webauthn.get","challenge":"a","origin":"x","crossOrigin":"no"})")
                   .ok());
  EXPECT_FALSE(parse_client_data(std::string(5000, ' ')).ok());
  EXPECT_TRUE(parse_client_data(R"({"type":"webauthn.get","challenge":"a","origin":"x"})").ok());
}

INSTANTIATE_TEST_SUITE_P(Keys, WebAuthn, ::testing::Values(Kind::es256, Kind::ed25519),
                         [](const auto& info) {
                           return info.param == Kind::es256 ? "es256" : "ed25519";
                         });

}  // namespace
}  // namespace cabinet::crypto::webauthn
