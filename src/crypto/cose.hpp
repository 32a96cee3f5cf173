#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "crypto/cbor.hpp"

// COSE public keys (RFC 9053) as WebAuthn authenticators send them, and the signatures made
// with them. Three algorithms: ES256 (P-256), EdDSA (Ed25519) and RS256 (RSA ≥ 2048 bits).
namespace cabinet::crypto::cose {

enum Alg : std::int64_t { es256 = -7, eddsa = -8, rs256 = -257 };

// Checks that `key` is a complete, usable key of a supported algorithm (a point on the curve,
// a modulus of at least 2048 bits) and returns its algorithm.
Result<std::int64_t> check_key(const cbor::Value& key);

// Whether `signature` is `key`'s signature of `message`. `cose_key` is the stored COSE
// encoding; ES256 signatures are DER, as WebAuthn specifies.
Result<bool> verify(std::string_view cose_key, std::string_view message,
                    std::string_view signature);

std::string sha256(std::string_view data);

}  // namespace cabinet::crypto::cose
