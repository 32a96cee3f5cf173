// The passkeys' parsers on arbitrary bytes (docs/security.md, "Passkeys"): the CBOR reader, the
// attestation object, the authenticator data and clientDataJSON, and a whole assertion check
// against a fixed key. Beyond not crashing or reading out of bounds, what parse_prefix reports
// consumed must parse strictly on its own, and a strict parse must consume everything.
// Links: cabinet_webauthn (which brings cabinet_core and OpenSSL::Crypto).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "crypto/cbor.hpp"
#include "crypto/cose.hpp"
#include "crypto/webauthn.hpp"

namespace {

namespace cbor = cabinet::cbor;
namespace webauthn = cabinet::crypto::webauthn;

// A valid ES256 COSE key (the P-256 generator point), to run signature checks on fuzzed data.
std::string fixed_key() {
  static const unsigned char x[] = {0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47,
                                    0xf8, 0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2,
                                    0x77, 0x03, 0x7d, 0x81, 0x2d, 0xeb, 0x33, 0xa0,
                                    0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96};
  static const unsigned char y[] = {0x4f, 0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b,
                                    0x8e, 0xe7, 0xeb, 0x4a, 0x7c, 0x0f, 0x9e, 0x16,
                                    0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce,
                                    0xcb, 0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5};
  std::string key = "\xa5\x01\x02\x03\x26\x20\x01\x21\x58\x20";
  key.append(reinterpret_cast<const char*>(x), sizeof x);
  key += "\x22\x58\x20";
  key.append(reinterpret_cast<const char*>(y), sizeof y);
  return key;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> bytes(data, size);

  if (auto prefix = cbor::parse_prefix(bytes); prefix) {
    if (prefix->second == 0 || prefix->second > size) __builtin_trap();
    if (!cbor::parse(bytes.first(prefix->second))) __builtin_trap();
    if (cbor::parse(bytes).ok() != (prefix->second == size)) __builtin_trap();
  }
  (void)webauthn::parse_attestation_object(bytes);
  if (auto auth = webauthn::parse_authenticator_data(bytes); auth) {
    if (auth->rp_id_hash.size() != 32) __builtin_trap();
    if (auth->credential &&
        (auth->credential->id.empty() || auth->credential->id.size() > webauthn::kMaxCredentialId))
      __builtin_trap();
  }
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)webauthn::parse_client_data(text);

  // The first byte splits the rest into authenticator data and a signature.
  if (size > 1) {
    static const std::string key = fixed_key();
    const std::size_t cut = 1 + data[0] % (size - 1);
    const webauthn::RelyingParty rp{"localhost", "http://localhost:8080"};
    webauthn::AssertionResponse r{
        R"({"type":"webauthn.get","challenge":"","origin":"http://localhost:8080"})",
        std::string(text.substr(1, cut - 1)), std::string(text.substr(cut))};
    (void)webauthn::verify_assertion(rp, "", {key, 0}, r);
  }
  return 0;
}
