#include "core/random.hpp"

#include <sodium.h>

#include <array>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace cabinet {

SecureRandom::SecureRandom() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

void SecureRandom::fill(std::span<std::uint8_t> out) {
  // libsodium reads the kernel's CSPRNG on every call (one getrandom() each); a request id per
  // request made that a syscall per request. Small requests are served from a per-thread
  // buffer of the same bytes, refilled 4 KiB at a time; large ones go straight through.
  constexpr std::size_t kBuffer = 4096;
  thread_local std::array<std::uint8_t, kBuffer> pool{};
  thread_local std::size_t left = 0;
  if (out.size() > kBuffer / 8) {
    randombytes_buf(out.data(), out.size());
    return;
  }
  if (left < out.size()) {
    randombytes_buf(pool.data(), pool.size());
    left = pool.size();
  }
  const std::size_t start = pool.size() - left;
  std::memcpy(out.data(), pool.data() + start, out.size());
  // Bytes handed out are wiped so that they exist in one place only.
  sodium_memzero(pool.data() + start, out.size());
  left -= out.size();
}

void SeededRandom::fill(std::span<std::uint8_t> out) {
  std::lock_guard lock(mutex_);
  std::size_t i = 0;
  while (i < out.size()) {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    z ^= z >> 31U;
    for (int b = 0; b < 8 && i < out.size(); ++b, ++i) {
      out[i] = static_cast<std::uint8_t>(z >> (8U * static_cast<unsigned>(b)));
    }
  }
}

std::string random_hex(Random& random, std::size_t bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::array<std::uint8_t, 64> small{};
  std::vector<std::uint8_t> large;
  std::span<std::uint8_t> buf(small.data(), bytes);
  if (bytes > small.size()) {
    large.resize(bytes);
    buf = large;
  }
  random.fill(buf);
  std::string out;
  out.reserve(bytes * 2);
  for (auto b : buf) {
    out.push_back(kDigits[b >> 4U]);
    out.push_back(kDigits[b & 0x0fU]);
  }
  return out;
}

std::string random_base32(Random& random, std::size_t bytes) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::vector<std::uint8_t> buf(bytes);
  random.fill(buf);
  std::string out;
  unsigned acc = 0;
  int bits = 0;
  for (auto b : buf) {
    acc = (acc << 8U) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kAlphabet[(acc >> static_cast<unsigned>(bits)) & 31U]);
    }
  }
  if (bits > 0) out.push_back(kAlphabet[(acc << static_cast<unsigned>(5 - bits)) & 31U]);
  return out;
}

}  // namespace cabinet
