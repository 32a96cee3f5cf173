#include "crypto/signing.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

namespace cabinet::crypto {
namespace {

std::string hex(const std::uint8_t* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

Result<Signer> Signer::load_or_create(const std::filesystem::path& path) {
  if (sodium_init() < 0) return Error(ErrorCode::internal, "libsodium failed to initialise");
  Signer s;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (path.has_parent_path()) {
      std::filesystem::create_directories(path.parent_path(), ec);
      ::chmod(path.parent_path().c_str(), 0700);
    }
    crypto_sign_keypair(s.public_.data(), s.secret_.data());
    {
      // Created 0600 before anything is written: the secret never sits in a readable file.
      std::ofstream touch(path, std::ios::trunc);
      if (!touch)
        return Error(ErrorCode::unavailable, "cannot create the signing key " + path.string());
    }
    ::chmod(path.c_str(), 0600);
    std::ofstream out(path, std::ios::trunc);
    out << "ed25519 " << hex(s.secret_.data(), s.secret_.size()) << '\n';
    if (!out) return Error(ErrorCode::unavailable, "cannot write the signing key " + path.string());
    return s;
  }
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string kind;
    std::string digits;
    std::size_t len = 0;
    if (!(fields >> kind >> digits) || kind != "ed25519" ||
        sodium_hex2bin(s.secret_.data(), s.secret_.size(), digits.c_str(), digits.size(), nullptr,
                       &len, nullptr) != 0 ||
        len != s.secret_.size())
      return Error(ErrorCode::unavailable, "malformed signing key in " + path.string());
    crypto_sign_ed25519_sk_to_pk(s.public_.data(), s.secret_.data());
    return s;
  }
  return Error(ErrorCode::unavailable, "no signing key in " + path.string());
}

Signer Signer::for_tests(std::uint8_t seed) {
  (void)sodium_init();
  Signer s;
  std::array<std::uint8_t, crypto_sign_SEEDBYTES> bytes{};
  bytes.fill(seed);
  crypto_sign_seed_keypair(s.public_.data(), s.secret_.data(), bytes.data());
  return s;
}

std::string Signer::sign(std::string_view message) const {
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), secret_.data());
  return hex(sig.data(), sig.size());
}

bool Signer::verify(std::string_view message, std::string_view signature_hex) const {
  std::array<std::uint8_t, crypto_sign_BYTES> sig{};
  std::size_t len = 0;
  const std::string digits(signature_hex);
  if (sodium_hex2bin(sig.data(), sig.size(), digits.c_str(), digits.size(), nullptr, &len,
                     nullptr) != 0 ||
      len != sig.size())
    return false;
  return crypto_sign_verify_detached(sig.data(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_.data()) == 0;
}

std::string Signer::public_key_hex() const { return hex(public_.data(), public_.size()); }

}  // namespace cabinet::crypto
