#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/random.hpp"
#include "core/result.hpp"

namespace cabinet::crypto {

// The data keys, kept in a file outside the database (SEC1): one line per key,
// "<id> <64 hex digits>", the first line being the key that seals new data. Older keys stay
// to open what they sealed (rotation: add a line on top, restart every node).
class KeyRing {
 public:
  // Reads the file, or creates it (mode 0600, directory 0700) with one fresh key.
  static Result<KeyRing> load_or_create(const std::filesystem::path& path);
  // A ring with one key derived from `seed`, for tests.
  static KeyRing for_tests(std::uint32_t id, std::uint8_t seed);

  // XChaCha20-Poly1305. `context` is authenticated, not stored: a value sealed for one row and
  // column ("profiles.administrative:<id>") does not open anywhere else.
  [[nodiscard]] std::string seal(std::string_view plaintext, std::string_view context) const;
  [[nodiscard]] Result<std::string> open(std::string_view sealed, std::string_view context) const;

  // HMAC-SHA-256 under a subkey of the current key, as hex: codes and identifiers that must
  // not be brute-forced offline from a database copy.
  [[nodiscard]] std::string mac(std::string_view purpose, std::string_view data) const;

 private:
  struct Key {
    std::uint32_t id;
    std::array<std::uint8_t, 32> bytes;
  };
  std::vector<Key> keys_;
};

// Constant-time comparison of two secrets of the same length.
bool equal(std::string_view a, std::string_view b);

// SHA-256 as lowercase hex (hashes of high-entropy tokens: session cookies, email links).
std::string sha256_hex(std::string_view data);

// A URL-safe random token of 32 bytes (256 bits), base32 without padding.
std::string random_token(Random& random);

}  // namespace cabinet::crypto
