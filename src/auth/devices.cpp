#include "auth/devices.hpp"

namespace cabinet::auth {
namespace {

constexpr std::size_t kDeviceBytes = 20;       // 32 base32 characters
constexpr std::size_t kTagLength = 32;         // hex characters of the MAC kept: 128 bits
constexpr std::int64_t kMaxAge = 400 * 86400;  // browsers cap cookies at 400 days

bool is_device_id(std::string_view s) {
  if (s.size() != kDeviceBytes * 8 / 5) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) return false;
  }
  return true;
}

}  // namespace

std::string DeviceCookies::tag(std::string_view device, std::string_view email) const {
  return keys_.mac("device-cookie", std::string(device) + ":" + std::string(email))
      .substr(0, kTagLength);
}

std::string DeviceCookies::issue(Random& random, std::string_view current,
                                 std::string_view email) const {
  const auto dot = current.find('.');
  std::string device(current.substr(0, dot));
  if (!is_device_id(device)) device = random_base32(random, kDeviceBytes);
  return device + "." + tag(device, email);
}

std::optional<std::string> DeviceCookies::known_for(std::string_view cookie,
                                                    std::string_view email) const {
  const auto dot = cookie.find('.');
  if (dot == std::string_view::npos || email.empty()) return std::nullopt;
  const auto device = cookie.substr(0, dot);
  const auto given = cookie.substr(dot + 1);
  if (!is_device_id(device) || given.size() != kTagLength) return std::nullopt;
  if (!crypto::equal(given, tag(device, email))) return std::nullopt;
  return std::string(device);
}

std::string DeviceCookies::set_cookie(const std::string& value, bool secure) {
  return std::string(kDeviceCookie) + "=" + value +
         "; Path=/api/v1/auth; Max-Age=" + std::to_string(kMaxAge) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

}  // namespace cabinet::auth
