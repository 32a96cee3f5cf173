#include "test_authenticator.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <stdexcept>

#include "crypto/base64url.hpp"
#include "crypto/cose.hpp"

namespace cabinet::test {

std::string cbor_head(unsigned major, std::uint64_t n) {
  std::string out;
  const auto put = [&](unsigned info, int bytes) {
    out += static_cast<char>((major << 5U) | info);
    for (int i = bytes - 1; i >= 0; --i) out += static_cast<char>((n >> (8U * i)) & 0xFFU);
  };
  if (n < 24)
    put(static_cast<unsigned>(n), 0);
  else if (n <= 0xFF)
    put(24, 1);
  else if (n <= 0xFFFF)
    put(25, 2);
  else if (n <= 0xFFFFFFFFULL)
    put(26, 4);
  else
    put(27, 8);
  return out;
}
std::string cbor_int(std::int64_t v) {
  return v >= 0 ? cbor_head(0, static_cast<std::uint64_t>(v))
                : cbor_head(1, static_cast<std::uint64_t>(-1 - v));
}
std::string cbor_bytes(std::string_view b) { return cbor_head(2, b.size()) + std::string(b); }
std::string cbor_text(std::string_view t) { return cbor_head(3, t.size()) + std::string(t); }

struct TestAuthenticator::Key {
  EVP_PKEY* pkey = nullptr;
  ~Key() { EVP_PKEY_free(pkey); }
};

TestAuthenticator::TestAuthenticator(Kind kind, std::string rp_id, std::string origin)
    : kind_(kind), rp_id_(std::move(rp_id)), origin_(std::move(origin)), key_(new Key) {
  key_->pkey = kind == Kind::es256 ? EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")
                                   : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
  if (key_->pkey == nullptr) throw std::runtime_error("key generation failed");
  id_.resize(32);
  RAND_bytes(reinterpret_cast<unsigned char*>(id_.data()), static_cast<int>(id_.size()));
}

TestAuthenticator::~TestAuthenticator() = default;

std::string TestAuthenticator::cose_key() const {
  if (kind_ == Kind::ed25519) {
    std::string x(32, '\0');
    std::size_t len = x.size();
    EVP_PKEY_get_raw_public_key(key_->pkey, reinterpret_cast<unsigned char*>(x.data()), &len);
    return cbor_head(5, 4) + cbor_int(1) + cbor_int(1) + cbor_int(3) + cbor_int(-8) + cbor_int(-1) +
           cbor_int(6) + cbor_int(-2) + cbor_bytes(x);
  }
  std::string point(65, '\0');
  std::size_t len = 0;
  EVP_PKEY_get_octet_string_param(key_->pkey, OSSL_PKEY_PARAM_PUB_KEY,
                                  reinterpret_cast<unsigned char*>(point.data()), point.size(),
                                  &len);
  return cbor_head(5, 5) + cbor_int(1) + cbor_int(2) + cbor_int(3) + cbor_int(-7) + cbor_int(-1) +
         cbor_int(1) + cbor_int(-2) + cbor_bytes(point.substr(1, 32)) + cbor_int(-3) +
         cbor_bytes(point.substr(33, 32));
}

std::string TestAuthenticator::authenticator_data(const Tweaks& t, bool attested) {
  if (counts) ++counter;
  const std::uint32_t n = t.counter.value_or(counter);
  std::string out = crypto::cose::sha256(t.rp_id.value_or(rp_id_));
  out += static_cast<char>(t.flags | (attested ? 0x40 : 0));
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xFFU);
  if (attested) {
    out += std::string(16, '\0');  // AAGUID: zeros, as for attestation "none"
    out += static_cast<char>(id_.size() >> 8U);
    out += static_cast<char>(id_.size() & 0xFFU);
    out += id_ + cose_key();
  }
  return out;
}

std::string TestAuthenticator::client_data(std::string_view type, std::string_view challenge,
                                           const Tweaks& t) {
  nlohmann::json j{{"type", t.type.value_or(std::string(type))},
                   {"challenge", t.challenge.value_or(crypto::base64url_encode(challenge))},
                   {"origin", t.origin.value_or(origin_)},
                   {"crossOrigin", t.cross_origin}};
  return j.dump();
}

std::string TestAuthenticator::sign(std::string_view message) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const EVP_MD* md = kind_ == Kind::ed25519 ? nullptr : EVP_sha256();
  std::size_t len = 0;
  std::string sig;
  if (EVP_DigestSignInit(ctx, nullptr, md, nullptr, key_->pkey) == 1 &&
      EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(message.data()),
                     message.size()) == 1) {
    sig.resize(len);
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(message.data()), message.size());
    sig.resize(len);
  }
  EVP_MD_CTX_free(ctx);
  return sig;
}

TestAuthenticator::Registration TestAuthenticator::make_credential(std::string_view challenge,
                                                                   const Tweaks& t) {
  Registration r;
  r.client_data_json = client_data("webauthn.create", challenge, t);
  r.authenticator_data = authenticator_data(t, true);
  r.attestation_object = cbor_head(5, 3) + cbor_text("fmt") + cbor_text(t.fmt) +
                         cbor_text("attStmt") + cbor_head(5, 0) + cbor_text("authData") +
                         cbor_bytes(r.authenticator_data);
  return r;
}

TestAuthenticator::Assertion TestAuthenticator::get_assertion(std::string_view challenge,
                                                              const Tweaks& t) {
  Assertion a;
  a.client_data_json = client_data("webauthn.get", challenge, t);
  a.authenticator_data = authenticator_data(t, false);
  a.signature = sign(a.authenticator_data + crypto::cose::sha256(a.client_data_json));
  if (t.bad_signature) a.signature[a.signature.size() / 2] ^= 0x01;
  return a;
}

nlohmann::json TestAuthenticator::registration_json(const nlohmann::json& options,
                                                    const Tweaks& t) {
  const auto challenge =
      crypto::base64url_decode(options["publicKey"]["challenge"].get<std::string>()).value_or("");
  const auto r = make_credential(challenge, t);
  const auto id = crypto::base64url_encode(id_);
  return {{"id", id},
          {"rawId", id},
          {"type", "public-key"},
          {"response",
           {{"clientDataJSON", crypto::base64url_encode(r.client_data_json)},
            {"attestationObject", crypto::base64url_encode(r.attestation_object)},
            {"transports", {"internal"}}}}};
}

nlohmann::json TestAuthenticator::assertion_json(const nlohmann::json& options,
                                                 const std::string& user_handle, const Tweaks& t) {
  const auto challenge =
      crypto::base64url_decode(options["publicKey"]["challenge"].get<std::string>()).value_or("");
  const auto a = get_assertion(challenge, t);
  const auto id = crypto::base64url_encode(id_);
  return {{"id", id},
          {"rawId", id},
          {"type", "public-key"},
          {"response",
           {{"clientDataJSON", crypto::base64url_encode(a.client_data_json)},
            {"authenticatorData", crypto::base64url_encode(a.authenticator_data)},
            {"signature", crypto::base64url_encode(a.signature)},
            {"userHandle", crypto::base64url_encode(user_handle)}}}};
}

}  // namespace cabinet::test
