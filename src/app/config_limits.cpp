// The rate limits' keys (docs/security.md "Shared networks", docs/configuration.md): each limit
// as "hits/window", written like "300/10m", and the growing delays after failures in a row.
#include <array>
#include <string>

#include "app/config.hpp"
#include "app/config_values.hpp"

namespace cabinet::app::config_values {
namespace {

using Member = auth::Limit auth::Limits::*;

struct LimitKey {
  const char* name;
  Member member;
  const char* help;
};

constexpr std::array<LimitKey, 13> kLimitKeys{{
    {"signup_per_ip", &auth::Limits::signup_per_ip, "sign-ups from one network address"},
    {"signup_exists_notice", &auth::Limits::signup_exists_notice,
     "emails to the owner of an address someone tried to sign up with again"},
    {"confirm_per_email", &auth::Limits::confirm_per_email,
     "new confirmation links asked for one email address"},
    {"confirm_per_ip", &auth::Limits::confirm_per_ip,
     "new confirmation links asked from one network address"},
    {"login_per_ip", &auth::Limits::login_per_ip,
     "login attempts from one network address by browsers without a device cookie known for "
     "the address typed (a pharmacy, a hospital or a family shares one address)"},
    {"login_per_device", &auth::Limits::login_per_device,
     "login attempts from one known device (its cabinet_device cookie), counted instead of its "
     "network address"},
    {"login_failures_per_email", &auth::Limits::login_failures_per_email,
     "failed logins for one email address, whether it has an account or not (ASVS: at most "
     "100 an hour)"},
    {"code_per_ip", &auth::Limits::code_per_ip,
     "security-code checks from one network address (each code also allows 5 tries)"},
    {"code_resend", &auth::Limits::code_resend, "new security codes sent for one login"},
    {"forgot_per_ip", &auth::Limits::forgot_per_ip,
     "password reset requests from one network address"},
    {"forgot_per_email", &auth::Limits::forgot_per_email,
     "password reset requests for one email address"},
    {"invitation_per_ip", &auth::Limits::invitation_per_ip,
     "consultation guest links opened from one network address"},
    {"prescription_per_ip", &auth::Limits::prescription_per_ip,
     "prescription checks by pharmacists from one network address"},
}};

std::string duration_text(std::chrono::seconds d) { return format_duration(d); }

// "300/10m": at most 300 in any window of 10 minutes (windows are fixed, aligned on the clock).
Result<auth::Limit> parse_limit(std::string_view name, const std::string& v) {
  const auto slash = v.find('/');
  if (slash == std::string::npos) return bad("must be HITS/WINDOW, for example 300/10m");
  auto max = parse_uint(v.substr(0, slash));
  if (!max || *max < 1 || *max > 1'000'000) return bad("HITS must be between 1 and 1000000");
  auto window = parse_duration(v.substr(slash + 1));
  if (!window) return window.error();
  const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(*window);
  if (seconds.count() < 1 || seconds > std::chrono::hours(24))
    return bad("WINDOW must be between 1s and 24h");
  return auth::Limit{name, static_cast<std::int64_t>(*max), seconds};
}

}  // namespace

void add_limits_keys(std::vector<KeyInfo>& k) {
  const auth::Limits defaults;
  for (const auto& key : kLimitKeys) {
    const auto& d = defaults.*key.member;
    k.push_back({std::string("limits.") + key.name,
                 std::to_string(d.max) + "/" + duration_text(d.window),
                 std::string(key.help) + "; HITS/WINDOW, 429 with Retry-After beyond",
                 [member = key.member](Config& c, const std::string& v) -> Result<void> {
                   auto limit = parse_limit((c.limits.*member).name, v);
                   if (!limit) return limit.error();
                   c.limits.*member = *limit;
                   return ok();
                 },
                 [member = key.member](const Config& c) {
                   const auto& l = c.limits.*member;
                   return std::to_string(l.max) + "/" + duration_text(l.window);
                 }});
  }
  k.push_back({"limits.free_failures", std::to_string(defaults.free_failures),
               "failures in a row (a password for one email address, the current password of "
               "one account) before each new try waits 1 s, then 2 s, 4 s…",
               [](Config& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n < 1 || *n > 100) return bad("must be between 1 and 100");
                 c.limits.free_failures = static_cast<std::int64_t>(*n);
                 return ok();
               },
               [](const Config& c) { return std::to_string(c.limits.free_failures); }});
  k.push_back({"limits.max_delay", duration_text(defaults.max_delay),
               "the longest wait between tries after failures in a row",
               [](Config& c, const std::string& v) -> Result<void> {
                 auto d = parse_duration(v);
                 if (!d) return d.error();
                 const auto s = std::chrono::duration_cast<std::chrono::seconds>(*d);
                 if (s.count() < 1 || s > std::chrono::hours(24))
                   return bad("must be between 1s and 24h");
                 c.limits.max_delay = s;
                 return ok();
               },
               [](const Config& c) { return duration_text(c.limits.max_delay); }});
}

}  // namespace cabinet::app::config_values
