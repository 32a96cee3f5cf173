#include "crypto/cose.hpp"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/sha.h>

#include <memory>

namespace cabinet::crypto::cose {
namespace {

constexpr std::int64_t kKty = 1;
constexpr std::int64_t kAlg = 3;
constexpr std::int64_t kCrvOrN = -1;
constexpr std::int64_t kXOrE = -2;
constexpr std::int64_t kY = -3;
constexpr std::int64_t kOkp = 1;
constexpr std::int64_t kEc2 = 2;
constexpr std::int64_t kRsa = 3;
constexpr std::int64_t kP256 = 1;
constexpr std::int64_t kEd25519 = 6;
constexpr int kMinRsaBits = 2048;
constexpr std::size_t kMaxRsaBytes = 1024;  // 8192 bits

struct PkeyFree {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct CtxFree {
  void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct BldFree {
  void operator()(OSSL_PARAM_BLD* p) const { OSSL_PARAM_BLD_free(p); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct BnFree {
  void operator()(BIGNUM* p) const { BN_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

Error bad_key(std::string why) {
  return Error(ErrorCode::invalid_request, "COSE key: " + std::move(why));
}

const std::string* bytes_at(const cbor::Value& key, std::int64_t label) {
  const auto* v = key.find(label);
  return v != nullptr && v->is_bytes() ? &v->bytes : nullptr;
}

std::optional<std::int64_t> int_at(const cbor::Value& key, std::int64_t label) {
  const auto* v = key.find(label);
  if (v == nullptr || !v->is_integer()) return std::nullopt;
  return v->integer;
}

// Builds a key from OpenSSL parameters; the import itself checks an EC point is on the curve.
Pkey from_params(const char* type, OSSL_PARAM_BLD* bld) {
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld));
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0) return nullptr;
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) return nullptr;
  return Pkey(raw);
}

Pkey ec_key(const std::string& x, const std::string& y) {
  std::string point = "\x04" + x + y;
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (!bld) return nullptr;
  char group[] = "prime256v1";
  if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, group, 0) == 0 ||
      OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.data(),
                                       point.size()) == 0)
    return nullptr;
  auto key = from_params("EC", bld.get());
  if (!key) return nullptr;
  // fromdata decodes the point (refusing one off the curve); a full public check also
  // refuses the point at infinity and small-order points.
  std::unique_ptr<EVP_PKEY_CTX, CtxFree> check(
      EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
  if (!check || EVP_PKEY_public_check(check.get()) != 1) return nullptr;
  return key;
}

Pkey rsa_key(const std::string& n, const std::string& e) {
  auto to_bn = [](const std::string& s) {
    return std::unique_ptr<BIGNUM, BnFree>(BN_bin2bn(
        reinterpret_cast<const unsigned char*>(s.data()), static_cast<int>(s.size()), nullptr));
  };
  auto bn_n = to_bn(n);
  auto bn_e = to_bn(e);
  std::unique_ptr<OSSL_PARAM_BLD, BldFree> bld(OSSL_PARAM_BLD_new());
  if (!bn_n || !bn_e || !bld) return nullptr;
  if (BN_num_bits(bn_n.get()) < kMinRsaBits || BN_is_odd(bn_e.get()) == 0) return nullptr;
  if (OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, bn_n.get()) == 0 ||
      OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, bn_e.get()) == 0)
    return nullptr;
  return from_params("RSA", bld.get());
}

struct Loaded {
  Pkey key;
  std::int64_t alg = 0;
};

Result<Loaded> load(const cbor::Value& key) {
  if (!key.is_map()) return bad_key("not a map");
  const auto kty = int_at(key, kKty);
  const auto alg = int_at(key, kAlg);
  if (!kty || !alg) return bad_key("kty or alg missing");
  Loaded out;
  out.alg = *alg;
  if (*alg == es256) {
    const auto* x = bytes_at(key, kXOrE);
    const auto* y = bytes_at(key, kY);
    if (*kty != kEc2 || int_at(key, kCrvOrN) != kP256 || x == nullptr || y == nullptr ||
        x->size() != 32 || y->size() != 32)
      return bad_key("not an ES256 P-256 key");
    out.key = ec_key(*x, *y);
  } else if (*alg == eddsa) {
    const auto* x = bytes_at(key, kXOrE);
    if (*kty != kOkp || int_at(key, kCrvOrN) != kEd25519 || x == nullptr || x->size() != 32)
      return bad_key("not an Ed25519 key");
    out.key = Pkey(EVP_PKEY_new_raw_public_key(
        EVP_PKEY_ED25519, nullptr, reinterpret_cast<const unsigned char*>(x->data()), x->size()));
  } else if (*alg == rs256) {
    const auto* n = bytes_at(key, kCrvOrN);
    const auto* e = bytes_at(key, kXOrE);
    if (*kty != kRsa || n == nullptr || e == nullptr || n->size() > kMaxRsaBytes || e->empty() ||
        e->size() > 8)
      return bad_key("not an RS256 key");
    out.key = rsa_key(*n, *e);
  } else {
    return bad_key("unsupported algorithm " + std::to_string(*alg));
  }
  if (!out.key) {
    // Leave no refusal in this thread's OpenSSL error queue for the next user to misread.
    ERR_clear_error();
    return bad_key("public key refused by OpenSSL");
  }
  return out;
}

}  // namespace

Result<std::int64_t> check_key(const cbor::Value& key) {
  auto loaded = load(key);
  if (!loaded) return std::move(loaded).error();
  return loaded->alg;
}

Result<bool> verify(std::string_view cose_key, std::string_view message,
                    std::string_view signature) {
  auto parsed = cbor::parse(cbor::as_bytes(cose_key));
  if (!parsed) return std::move(parsed).error();
  auto loaded = load(*parsed);
  if (!loaded) return std::move(loaded).error();
  std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
  if (!ctx) return Error(ErrorCode::internal, "EVP_MD_CTX_new");
  // EdDSA signs the message itself (no separate digest); the others hash with SHA-256.
  const EVP_MD* md = loaded->alg == eddsa ? nullptr : EVP_sha256();
  if (EVP_DigestVerifyInit(ctx.get(), nullptr, md, nullptr, loaded->key.get()) != 1)
    return Error(ErrorCode::internal, "EVP_DigestVerifyInit");
  const int r = EVP_DigestVerify(
      ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
      reinterpret_cast<const unsigned char*>(message.data()), message.size());
  if (r != 1) ERR_clear_error();
  return r == 1;
}

std::string sha256(std::string_view data) {
  std::string out(SHA256_DIGEST_LENGTH, '\0');
  SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
         reinterpret_cast<unsigned char*>(out.data()));
  return out;
}

}  // namespace cabinet::crypto::cose
