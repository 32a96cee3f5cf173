#include "crypto/keyring.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <cstring>
#include <fstream>
#include <sstream>

namespace cabinet::crypto {
namespace {

constexpr std::uint8_t kFormat = 1;  // first byte of every sealed value
constexpr std::size_t kHeader = 1 + 4 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;

std::string to_hex(const std::uint8_t* data, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

Result<KeyRing> KeyRing::load_or_create(const std::filesystem::path& path) {
  if (sodium_init() < 0) return Error(ErrorCode::internal, "libsodium failed to initialise");
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    if (path.has_parent_path()) {
      std::filesystem::create_directories(path.parent_path(), ec);
      ::chmod(path.parent_path().c_str(), 0700);
    }
    std::array<std::uint8_t, 32> key{};
    randombytes_buf(key.data(), key.size());
    std::uint32_t id = 0;
    randombytes_buf(&id, sizeof id);
    id = (id % 999'000U) + 1000U;
    {
      std::ofstream out(path, std::ios::trunc);
      if (!out) return Error(ErrorCode::unavailable, "cannot create the key file " + path.string());
      out << id << ' ' << to_hex(key.data(), key.size()) << '\n';
    }
    ::chmod(path.c_str(), 0600);
    sodium_memzero(key.data(), key.size());
  }
  std::ifstream in(path);
  if (!in) return Error(ErrorCode::unavailable, "cannot read the key file " + path.string());
  KeyRing ring;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Key key{};
    std::string hex;
    std::size_t len = 0;
    if (!(fields >> key.id >> hex) ||
        sodium_hex2bin(key.bytes.data(), key.bytes.size(), hex.c_str(), hex.size(), nullptr, &len,
                       nullptr) != 0 ||
        len != key.bytes.size()) {
      return Error(ErrorCode::unavailable, "malformed line in the key file " + path.string());
    }
    ring.keys_.push_back(key);
  }
  if (ring.keys_.empty()) return Error(ErrorCode::unavailable, "no key in " + path.string());
  return ring;
}

KeyRing KeyRing::for_tests(std::uint32_t id, std::uint8_t seed) {
  (void)sodium_init();
  KeyRing ring;
  Key key{id, {}};
  key.bytes.fill(seed);
  ring.keys_.push_back(key);
  return ring;
}

std::string KeyRing::seal(std::string_view plaintext, std::string_view context) const {
  const Key& key = keys_.front();
  std::string out(kHeader + plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES, '\0');
  auto* bytes = reinterpret_cast<std::uint8_t*>(out.data());
  bytes[0] = kFormat;
  std::memcpy(bytes + 1, &key.id, 4);
  std::uint8_t* nonce = bytes + 5;
  randombytes_buf(nonce, crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      bytes + kHeader, &written, reinterpret_cast<const std::uint8_t*>(plaintext.data()),
      plaintext.size(), reinterpret_cast<const std::uint8_t*>(context.data()), context.size(),
      nullptr, nonce, key.bytes.data());
  out.resize(kHeader + written);
  return out;
}

Result<std::string> KeyRing::open(std::string_view sealed, std::string_view context) const {
  if (sealed.size() < kHeader + crypto_aead_xchacha20poly1305_ietf_ABYTES ||
      static_cast<std::uint8_t>(sealed[0]) != kFormat) {
    return Error(ErrorCode::internal, "sealed value has an unknown format");
  }
  std::uint32_t id = 0;
  std::memcpy(&id, sealed.data() + 1, 4);
  for (const Key& key : keys_) {
    if (key.id != id) continue;
    std::string out(sealed.size() - kHeader, '\0');
    unsigned long long len = 0;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(sealed.data());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<std::uint8_t*>(out.data()), &len, nullptr, bytes + kHeader,
            sealed.size() - kHeader, reinterpret_cast<const std::uint8_t*>(context.data()),
            context.size(), bytes + 5, key.bytes.data()) != 0) {
      return Error(ErrorCode::internal,
                   "sealed value failed authentication (context " + std::string(context) + ")");
    }
    out.resize(len);
    return out;
  }
  return Error(ErrorCode::internal, "no key " + std::to_string(id) + " in the key file");
}

std::string KeyRing::mac(std::string_view purpose, std::string_view data) const {
  std::array<std::uint8_t, crypto_auth_hmacsha256_BYTES> out{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, keys_.front().bytes.data(), keys_.front().bytes.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const std::uint8_t*>(purpose.data()),
                                purpose.size());
  const std::uint8_t separator = 0;
  crypto_auth_hmacsha256_update(&state, &separator, 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const std::uint8_t*>(data.data()),
                                data.size());
  crypto_auth_hmacsha256_final(&state, out.data());
  return to_hex(out.data(), out.size());
}

bool equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string sha256_hex(std::string_view data) {
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> out{};
  crypto_hash_sha256(out.data(), reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  return to_hex(out.data(), out.size());
}

std::string random_token(Random& random) { return random_base32(random, 32); }

}  // namespace cabinet::crypto
