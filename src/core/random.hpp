#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <string>

namespace cabinet {

// Source of randomness, injected so that tests can make identifiers predictable.
class Random {
 public:
  virtual ~Random() = default;
  virtual void fill(std::span<std::uint8_t> out) = 0;
};

// Cryptographically secure (libsodium's randombytes); the only one used in production.
class SecureRandom final : public Random {
 public:
  SecureRandom();
  void fill(std::span<std::uint8_t> out) override;
};

// Deterministic splitmix64 stream for tests and demo data. Never for secrets.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  void fill(std::span<std::uint8_t> out) override;

 private:
  std::mutex mutex_;
  std::uint64_t state_;
};

// `bytes` random bytes as lowercase hex (request ids, tokens in logs).
std::string random_hex(Random& random, std::size_t bytes);
// `bytes` random bytes in lowercase RFC 4648 base32 without padding: public identifiers that
// survive URLs, emails and being read aloud over the phone.
std::string random_base32(Random& random, std::size_t bytes);

}  // namespace cabinet
