#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/random.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::auth {

inline constexpr std::string_view kDeviceCookie = "cabinet_device";

// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser
// that signed in to an address gets a long-lived cookie naming a random device and that
// address, signed under the data key. Its later login attempts for that address are counted on
// the device instead of on a shared network address, and its failures do not add to (nor wait
// for) the lockout that strangers' failures built on the address. Nothing is stored: the
// signature is the proof, and it says nothing about any other address.
class DeviceCookies {
 public:
  explicit DeviceCookies(const crypto::KeyRing& keys) : keys_(keys) {}

  // The cookie's value for a browser that just signed in to `email` (normalised): its device
  // id is kept when it already had one.
  [[nodiscard]] std::string issue(Random& random, std::string_view current,
                                  std::string_view email) const;
  // The device id when `cookie` was issued for `email`; nullopt for anything else.
  [[nodiscard]] std::optional<std::string> known_for(std::string_view cookie,
                                                     std::string_view email) const;

  // The "Set-Cookie" value: a year, HttpOnly, SameSite=Lax, Secure like the session cookie.
  static std::string set_cookie(const std::string& value, bool secure);

 private:
  [[nodiscard]] std::string tag(std::string_view device, std::string_view email) const;
  const crypto::KeyRing& keys_;
};

}  // namespace cabinet::auth
