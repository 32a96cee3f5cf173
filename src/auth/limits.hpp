#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace cabinet::auth {

struct Limit {
  std::string_view name;  // part of the bucket key: "login-ip", "signup-ip"…
  std::int64_t max;       // hits allowed per window
  std::chrono::seconds window;
};

// Every rate limit and lockout, each a configuration key (limits.*, docs/configuration.md;
// the table and its reasons are in docs/security.md, "Shared networks"). Limits per address
// are generous so that a pharmacy, a hospital or a family behind one address is not locked out
// by its neighbours; limits per email, account, device or challenge stay tight.
struct Limits {
  Limit signup_per_ip{"signup-ip", 50, std::chrono::hours(1)};
  Limit signup_exists_notice{"signup-exists", 3, std::chrono::hours(24)};
  Limit confirm_per_email{"confirm-resend-email", 5, std::chrono::hours(1)};
  Limit confirm_per_ip{"confirm-resend-ip", 100, std::chrono::hours(1)};
  // Attempts from a browser without a known device cookie, counted on its address.
  Limit login_per_ip{"login-ip", 300, std::chrono::minutes(10)};
  // Attempts from a known device (it signed in to that address before), counted on it alone.
  Limit login_per_device{"login-device", 30, std::chrono::minutes(10)};
  // ASVS V2.2.1: at most 100 failed attempts an hour on one address, whether it has an account.
  Limit login_failures_per_email{"login-fail", 100, std::chrono::hours(1)};
  Limit code_per_ip{"code-ip", 300, std::chrono::minutes(10)};
  Limit code_resend{"code-resend", 3, std::chrono::minutes(10)};
  Limit forgot_per_ip{"forgot-ip", 100, std::chrono::hours(1)};
  Limit forgot_per_email{"forgot-email", 5, std::chrono::hours(1)};
  Limit invitation_per_ip{"invitation-ip", 300, std::chrono::minutes(10)};
  Limit prescription_per_ip{"prescription-ip", 600, std::chrono::minutes(10)};
  // Growing delays: after this many failures in a row (a password for an address, the current
  // password of a signed-in account), each new try waits 1 s, 2 s, 4 s… up to max_delay.
  std::int64_t free_failures = 5;
  std::chrono::seconds max_delay{900};
};

}  // namespace cabinet::auth
