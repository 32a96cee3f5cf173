#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/password.hpp"
#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "auth/devices.hpp"
#include "auth/rate_limit.hpp"
#include "auth/sessions.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "crypto/keyring.hpp"
#include "notify/outbox.hpp"
#include "storage/database.hpp"

namespace cabinet::accounts {

struct SignInPolicy {
  // security.strong_factor_roles: these roles sign in with a passkey or an authenticator app,
  // never with the emailed code alone once they have one (docs/security.md, "Passkeys").
  std::vector<Role> strong_factor_roles;
  // security.password_min_length: the fewest characters of a new password (ACC2).
  std::size_t password_min_length = 12;
};

// What every accounts operation needs, built once by the composition root.
struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  BlockingPool& blocking;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  notify::Outbox& outbox;
  auth::RateLimiter& limits;
  auth::Sessions& sessions;
  std::string public_url;  // links in emails; its host and origin are the passkeys' RP
  HashingCost hashing;
  // The sign-in policy, which the operator may change while the server runs (docs/operator.md
  // "Settings"): shared by the services built from these Deps.
  std::shared_ptr<Live<SignInPolicy>> policy = std::make_shared<Live<SignInPolicy>>();
  // The white-label partner a Host header names (docs/operator.md "Partners"): a patient who
  // signs up there is tagged with it. Unset: no partners.
  std::function<std::optional<std::int64_t>(std::string_view host)> partner_of_host = {};
};

// Whether `role` falls under security.strong_factor_roles.
bool strong_factor_required(const Deps& d, Role role);

// Who is calling, as far as the request tells.
struct Caller {
  std::string ip;
  std::string user_agent;
  Locale locale = Locale::fr;
  std::string device;  // the cabinet_device cookie, when the browser sent one
  std::string host;    // the Host header: a partner's front tags what is done there
};

struct SignupForm {
  std::string email;
  std::string password;
  std::string phone;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> birth_date;  // patients
  std::string rpps;                       // practitioners
  std::string specialty;                  // practitioners
  std::string invitation;                 // assistants: the token of the invitation link
};

struct LoginStart {
  std::string challenge;
  std::string method;  // "email" or "totp"
  std::int64_t expires_at = 0;
};

struct LoginDone {
  auth::NewSession session;
  Principal principal;
  std::string device_cookie;  // the browser's device cookie, now known for this address
};

struct TotpEnrolment {
  std::string secret;  // base32, for typing into an app
  std::string otpauth_uri;
  std::string qr_svg;
};

// Accounts (ACC1–ACC8): sign-up and email confirmation, login with a security code or TOTP,
// password recovery, the signed-in account, RGPD export and erasure.
class Service {
 public:
  explicit Service(Deps deps);

  // Runs in the transaction of an account's deletion, for the features above this one (the
  // messaging closes the account's conversations); a wiring-time call.
  using EraseHook = std::function<Task<Result<void>>(storage::Transaction&, std::int64_t account)>;
  void on_erase(EraseHook hook) { erase_hooks_.push_back(std::move(hook)); }

  Task<Result<void>> signup_patient(SignupForm form, const Caller& caller);
  Task<Result<void>> signup_practitioner(SignupForm form, const Caller& caller);
  Task<Result<void>> signup_assistant(SignupForm form, const Caller& caller);
  Task<Result<void>> confirm_email(const std::string& token);
  Task<Result<void>> resend_confirmation(const std::string& email, const Caller& caller);

  Task<Result<LoginStart>> start_login(const std::string& email, const std::string& password,
                                       const Caller& caller);
  Task<Result<LoginDone>> verify_login(const std::string& challenge, const std::string& code,
                                       const Caller& caller);
  Task<Result<void>> resend_code(const std::string& challenge, const Caller& caller);

  Task<Result<void>> forgot_password(const std::string& email, const Caller& caller);
  Task<Result<void>> reset_password(const std::string& token, const std::string& password,
                                    const Caller& caller);
  Task<Result<void>> change_password(const Principal& who, const std::string& current,
                                     const std::string& next);

  // GET /me: {"account", "profiles", "current_profile"}.
  Task<Result<nlohmann::json>> me(const Principal& who, Locale locale);
  Task<Result<void>> update_me(const Principal& who, const std::optional<std::string>& phone,
                               const std::optional<std::string>& locale);
  Task<Result<void>> delete_account(const Principal& who, const std::string& password,
                                    const Caller& caller);

  Task<Result<void>> logout(const Principal& who);
  Task<Result<nlohmann::json>> sessions(const Principal& who);
  Task<Result<void>> revoke_session(const Principal& who, const std::string& id);

  // `cabinet operator add`: an operator account, email confirmed, password policy applied.
  Task<Result<std::string>> create_operator(SignupForm form);

  Task<Result<TotpEnrolment>> begin_totp(const Principal& who);
  Task<Result<void>> confirm_totp(const Principal& who, const std::string& code);
  Task<Result<void>> disable_totp(const Principal& who, const std::string& code);

  static constexpr int kMaxCodeAttempts = 5;

 private:
  struct Created {
    std::int64_t account_id = 0;
    bool existed = false;
  };
  Task<Result<Created>> create_account(SignupForm& form, Role role, const Caller& caller);
  Task<Result<void>> check_password(const std::string& password, const std::string& email,
                                    const std::string& first, const std::string& last);
  Task<Result<void>> send_confirmation(storage::Transaction& tx, std::int64_t account,
                                       const std::string& email, const std::string& name,
                                       Locale locale);
  Task<Result<LoginStart>> open_challenge(const store::Account& account, const std::string& ip);
  // The streak of failed logins for an address typed (normalised), keyed so that the table
  // does not list addresses.
  [[nodiscard]] std::string address_streak(std::string_view email) const;
  // The current password of a signed-in account (change password, delete the account): its
  // failures in a row wait like a login's (F5), and are logged. invalid_request on `field`
  // when wrong, rate_limited while waiting.
  Task<Result<void>> check_current_password(const Principal& who, const store::Account& account,
                                            const std::string& password, std::string_view field);
  [[nodiscard]] std::string link(std::string_view path, const std::string& token) const;
  [[nodiscard]] std::string six_digits();
  // Checks an authenticator code and spends its time step, so the same code never works twice.
  Task<Result<bool>> accept_totp(const std::string& sealed_secret, std::int64_t account,
                                 const std::string& code);

  Deps d_;
  std::vector<EraseHook> erase_hooks_;
  auth::DeviceCookies devices_{d_.keys};
  // A real hash of the configured cost: verifying against it costs what a real check costs.
  std::string dummy_hash_;
};

// Opens a session for `account` signed in with `method` (what verify_login and the passkey
// sign-in share): the holder's profile current, the cookie's session in `tx`.
Task<Result<LoginDone>> open_session(const Deps& d, storage::Transaction& tx,
                                     const store::Account& account, const Caller& caller);

// An error with a stable "reason" beside its code and its own wording (docs/accounts.md).
Error reasoned(ErrorCode code, std::string reason, std::string fr, std::string en);

// The JSON of a profile (docs/accounts.md).
nlohmann::json profile_json(const store::Profile& p);

}  // namespace cabinet::accounts
