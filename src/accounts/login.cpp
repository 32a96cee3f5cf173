#include <array>
#include <cstdio>

#include "accounts/passkeys_store.hpp"
#include "accounts/service.hpp"
#include "core/log.hpp"
#include "core/validators.hpp"

namespace cabinet::accounts {
namespace {

constexpr std::int64_t kCodeLifetime = 600;

Error code_incorrect(std::int64_t remaining) {
  Error e(ErrorCode::code_incorrect);
  if (remaining <= 0) {
    e.message_fr =
        "Code incorrect. Vous n'avez plus d'essai : reconnectez-vous pour recevoir un nouveau "
        "code.";
    e.message_en = "Incorrect code. No tries left: sign in again to receive a new code.";
  } else {
    e.message_fr = "Code incorrect. Il vous reste " + std::to_string(remaining) +
                   (remaining == 1 ? " essai." : " essais.");
    e.message_en = "Incorrect code. " + std::to_string(remaining) +
                   (remaining == 1 ? " try" : " tries") + " left.";
  }
  return e;
}

// 403 with "reason": "strong_factor_required" (the policy of docs/security.md, "Passkeys").
Error strong_factor_missing() {
  return reasoned(
      ErrorCode::forbidden, "strong_factor_required",
      "Pour votre rôle, la connexion exige une clé d'accès ou une application d'authentification "
      ": le code reçu par e-mail ne suffit pas. Choisissez « Se connecter avec une clé d'accès ».",
      "For your role, signing in requires a passkey or an authenticator app: the emailed code is "
      "not enough. Choose \"Sign in with a passkey\".");
}

}  // namespace

Error reasoned(ErrorCode code, std::string reason, std::string fr, std::string en) {
  Error e(code, reason);
  e.extra = {{"reason", std::move(reason)}};
  return std::move(e).with_message(std::move(fr), std::move(en));
}

bool strong_factor_required(const Deps& d, Role role) {
  const auto policy = d.policy->get();
  const auto& roles = policy->strong_factor_roles;
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

Task<Result<LoginDone>> open_session(const Deps& d, storage::Transaction& tx,
                                     const store::Account& account, const Caller& caller) {
  const auto role = parse_role(account.role).value_or(Role::patient);
  auto profiles = co_await store::profiles_of(tx, account.id);
  if (!profiles) co_return std::move(profiles).error();
  const auto holder =
      profiles->empty() ? std::nullopt : std::optional<std::int64_t>(profiles->front().id);
  auto session =
      co_await d.sessions.create(tx, account.id, role, holder, caller.ip, caller.user_agent);
  if (!session) co_return std::move(session).error();
  LoginDone done;
  done.session = std::move(*session);
  done.principal = Principal{account.id, account.public_id, role, account.status, 0, holder};
  co_return done;
}

Service::Service(Deps deps) : d_(std::move(deps)) {
  dummy_hash_ = hash_password(random_base32(d_.random, 16), d_.hashing);
}

std::string Service::six_digits() {
  // Rejection sampling keeps all million codes equally likely.
  for (;;) {
    std::array<std::uint8_t, 4> b{};
    d_.random.fill(b);
    const std::uint32_t v = (std::uint32_t{b[0]} << 24U) | (std::uint32_t{b[1]} << 16U) |
                            (std::uint32_t{b[2]} << 8U) | b[3];
    if (v >= 4'294'000'000U) continue;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%06u", v % 1'000'000U);
    return buf;
  }
}

Task<Result<LoginStart>> Service::open_challenge(const store::Account& account,
                                                 const std::string& ip) {
  LoginStart start;
  start.challenge = random_base32(d_.random, 20);
  start.method = account.totp_enabled ? "totp" : "email";
  const auto now = d_.clock.unix_seconds();
  start.expires_at = now + kCodeLifetime;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    std::optional<std::string> code_hash;
    if (!account.totp_enabled) {
      const auto code = six_digits();
      code_hash = d_.keys.mac("login-code", start.challenge + ":" + code);
      auto profiles = co_await store::profiles_of(tx, account.id);
      if (!profiles) co_return std::move(profiles).error();
      notify::Variables vars{{"name", profiles->empty() ? "" : profiles->front().first_name},
                             {"code", code}};
      const auto locale = account.locale == "en" ? Locale::en : Locale::fr;
      if (auto r = co_await d_.outbox.email(tx, account.email,
                                            notify::render("login_code", locale, vars));
          !r) {
        co_return r;
      }
    }
    co_return co_await store::insert_challenge(tx, start.challenge, account.id, start.method,
                                               code_hash, start.expires_at, now, ip);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  d_.outbox.wake();
  co_return start;
}

std::string Service::address_streak(std::string_view email) const {
  return "login:" + d_.keys.mac("login-address", email);
}

// Failures are counted per address typed, whether or not it has an account (issue 17, F3):
// an unknown address is locked out exactly like a known one, after the same Argon2id work, so
// neither the answers nor their timing tell which addresses exist. A known device (it signed in
// to that address before) is counted on its own: strangers' failures neither lock it out nor
// count against its network.
Task<Result<LoginStart>> Service::start_login(const std::string& email_input,
                                              const std::string& password, const Caller& caller) {
  const auto limits = d_.limits.limits();
  const auto email = validate::email(email_input).value_or("");
  const auto device = devices_.known_for(caller.device, email);
  if (device) {
    if (auto r = co_await d_.limits.hit(limits.login_per_device, *device); !r)
      co_return std::move(r).error();
  } else if (auto r = co_await d_.limits.hit(limits.login_per_ip, caller.ip); !r) {
    co_return std::move(r).error();
  }
  const auto address = address_streak(email.empty() ? email_input : email);
  const auto streak = device ? "login-device:" + *device : address;
  if (auto r = co_await d_.limits.check_streak(streak); !r) co_return std::move(r).error();
  // Not "cond ? x : co_await y": GCC 12 destroys the temporaries of a co_await inside a
  // conditional expression twice.
  Result<std::optional<store::Account>> found = std::optional<store::Account>{};
  if (!email.empty()) found = co_await store::account_by_email(d_.db, email);
  if (!found) co_return std::move(found).error();
  const bool usable = *found && !(*found)->password_hash.empty() && (*found)->status != "deleted";
  // Same work as for a real account, so that timing does not reveal which emails exist.
  const auto& hash = usable ? (*found)->password_hash : dummy_hash_;
  const bool good = co_await d_.blocking.call([&] { return verify_password(hash, password); });
  if (!usable || !good) {
    if (auto r = co_await d_.limits.fail_streak(streak); !r) co_return std::move(r).error();
    log::warn("login failed", {{"address", address.substr(6, 16)},
                               {"ip", caller.ip},
                               {"known_device", device.has_value()}});
    if (auto r = co_await d_.limits.hit(limits.login_failures_per_email, address); !r)
      co_return std::move(r).error();
    co_return Error(ErrorCode::invalid_credentials);
  }
  const auto& account = **found;
  if (auto r = co_await d_.limits.clear_streak(streak); !r) co_return std::move(r).error();
  if (account.status == "suspended") co_return Error(ErrorCode::account_suspended);
  if (!account.email_confirmed_at) {
    (void)co_await resend_confirmation(email, caller);
    co_return Error(ErrorCode::email_not_confirmed);
  }
  if (needs_rehash(account.password_hash, d_.hashing)) {
    const auto rehashed =
        co_await d_.blocking.call([&] { return hash_password(password, d_.hashing); });
    (void)co_await store::set_password(d_.db, account.id, rehashed, d_.clock.unix_seconds());
  }
  // The strong-factor policy: once such an account has a passkey, the emailed code no longer
  // signs it in. Without any strong factor yet, the code still does, so that the person can
  // sign in and enrol one (the web app then sends them to "Sécurité").
  if (!account.totp_enabled &&
      strong_factor_required(d_, parse_role(account.role).value_or(Role::patient))) {
    auto keys = co_await passkey_store::count_of(d_.db, account.id);
    if (!keys) co_return std::move(keys).error();
    if (*keys > 0) co_return strong_factor_missing();
  }
  co_return co_await open_challenge(account, caller.ip);
}

Task<Result<LoginDone>> Service::verify_login(const std::string& challenge, const std::string& code,
                                              const Caller& caller) {
  if (auto r = co_await d_.limits.hit(&auth::Limits::code_per_ip, caller.ip); !r)
    co_return std::move(r).error();
  const auto now = d_.clock.unix_seconds();
  auto tried = co_await store::try_challenge(d_.db, challenge, now, kMaxCodeAttempts);
  if (!tried) co_return std::move(tried).error();
  if (!*tried) co_return Error(ErrorCode::challenge_expired);
  const auto& c = **tried;
  auto account = co_await store::account_by_id(d_.db, c.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account || (*account)->status == "deleted") co_return Error(ErrorCode::challenge_expired);
  if ((*account)->status == "suspended") co_return Error(ErrorCode::account_suspended);
  const std::string digits = code.size() == 6 ? code : "";
  bool good = false;
  if (c.method == "totp") {
    if ((*account)->totp_secret) {
      auto accepted = co_await accept_totp(*(*account)->totp_secret, c.account_id, digits);
      if (!accepted) co_return std::move(accepted).error();
      good = *accepted;
    }
  } else {
    good = c.code_hash && !digits.empty() &&
           crypto::equal(d_.keys.mac("login-code", challenge + ":" + digits), *c.code_hash);
  }
  if (!good) co_return code_incorrect(kMaxCodeAttempts - c.attempts);

  LoginDone done;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto used = co_await store::use_challenge(tx, challenge, now);
    if (!used) co_return std::move(used).error();
    if (!*used) co_return Error(ErrorCode::challenge_expired);  // a parallel request won
    auto opened = co_await open_session(d_, tx, **account, caller);
    if (!opened) co_return std::move(opened).error();
    done = std::move(*opened);
    done.device_cookie = devices_.issue(d_.random, caller.device, (*account)->email);
    co_return ok();
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  log::info("signed in",
            {{"account", (*account)->public_id}, {"ip", caller.ip}, {"method", c.method}});
  co_return done;
}

Task<Result<void>> Service::resend_code(const std::string& challenge, const Caller& caller) {
  if (auto r = co_await d_.limits.hit(&auth::Limits::code_resend, challenge); !r) co_return r;
  (void)caller;
  const auto now = d_.clock.unix_seconds();
  auto open = co_await store::open_challenge(d_.db, challenge, now, kMaxCodeAttempts);
  if (!open) co_return std::move(open).error();
  if (!*open || (*open)->method != "email") co_return Error(ErrorCode::challenge_expired);
  auto account = co_await store::account_by_id(d_.db, (*open)->account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::challenge_expired);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto code = six_digits();
    const auto code_hash = d_.keys.mac("login-code", challenge + ":" + code);
    auto replaced = co_await store::replace_challenge_code(
        tx, challenge, code_hash, now + kCodeLifetime, now, kMaxCodeAttempts);
    if (!replaced) co_return std::move(replaced).error();
    // Spent or expired between the check and now: it stays closed.
    if (!*replaced) co_return Error(ErrorCode::challenge_expired);
    auto profiles = co_await store::profiles_of(tx, (*account)->id);
    if (!profiles) co_return std::move(profiles).error();
    notify::Variables vars{{"name", profiles->empty() ? "" : profiles->front().first_name},
                           {"code", code}};
    const auto locale = (*account)->locale == "en" ? Locale::en : Locale::fr;
    co_return co_await d_.outbox.email(tx, (*account)->email,
                                       notify::render("login_code", locale, vars));
  };
  auto r = co_await d_.db.transact(body);
  if (r) d_.outbox.wake();
  co_return r;
}

}  // namespace cabinet::accounts
