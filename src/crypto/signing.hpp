#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::crypto {

// The platform's Ed25519 key (libsodium crypto_sign): it signs what a third party must be able
// to trust without an account, the prescriptions a pharmacist verifies from the QR
// (docs/documents.md). Kept in a file outside the database, like the data keys: one line
// "ed25519 <128 hex digits of the secret key>", mode 0600. Every node of a fleet shares it.
class Signer {
 public:
  // Reads the file, or creates it (mode 0600, directory 0700) with a fresh key pair.
  static Result<Signer> load_or_create(const std::filesystem::path& path);
  // A key pair derived from `seed`, for tests.
  static Signer for_tests(std::uint8_t seed);

  // The detached signature, as lowercase hex (128 digits).
  [[nodiscard]] std::string sign(std::string_view message) const;
  // Whether `signature_hex` is this key's signature of exactly `message`.
  [[nodiscard]] bool verify(std::string_view message, std::string_view signature_hex) const;
  // The public key as hex, for whoever wants to check signatures themselves.
  [[nodiscard]] std::string public_key_hex() const;

 private:
  std::array<std::uint8_t, 64> secret_{};
  std::array<std::uint8_t, 32> public_{};
};

}  // namespace cabinet::crypto
