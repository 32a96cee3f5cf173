#include <chrono>

#include "accounts/service.hpp"
#include "core/log.hpp"
#include "core/validators.hpp"

namespace cabinet::accounts {
namespace {

constexpr std::int64_t kResetLifetime = 30 * 60;
constexpr std::string_view kResetPurpose = "reset_password";

Locale locale_of(const store::Account& a) { return a.locale == "en" ? Locale::en : Locale::fr; }

}  // namespace

// The answer is the same whether or not the address has an account (ACC4): the limits are
// counted for every address, and the work differs only inside the database.
Task<Result<void>> Service::forgot_password(const std::string& email_input, const Caller& caller) {
  if (auto r = co_await d_.limits.hit(&auth::Limits::forgot_per_ip, caller.ip); !r) co_return r;
  auto email = validate::email(email_input);
  if (!email) co_return ok();
  if (auto r = co_await d_.limits.hit(&auth::Limits::forgot_per_email, *email); !r) co_return r;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto account = co_await store::account_by_email(tx, *email);
    if (!account) co_return std::move(account).error();
    if (!*account || (*account)->status == "deleted") co_return ok();
    const auto token = crypto::random_token(d_.random);
    const auto now = d_.clock.unix_seconds();
    // Only the newest link works: an older one left in a mailbox opens nothing (F4).
    if (auto r = co_await store::spend_tokens(tx, (*account)->id, kResetPurpose, now); !r)
      co_return r;
    if (auto r =
            co_await store::insert_token(tx, crypto::sha256_hex(token), kResetPurpose,
                                         (*account)->id, std::nullopt, now + kResetLifetime, now);
        !r) {
      co_return r;
    }
    auto profiles = co_await store::profiles_of(tx, (*account)->id);
    if (!profiles) co_return std::move(profiles).error();
    notify::Variables vars{{"name", profiles->empty() ? "" : profiles->front().first_name},
                           {"link", link("/reinitialiser-mot-de-passe", token)}};
    co_return co_await d_.outbox.email(
        tx, *email, notify::render("password_reset", locale_of(**account), vars));
  };
  auto r = co_await d_.db.transact(body);
  if (r) d_.outbox.wake();
  co_return r;
}

Task<Result<void>> Service::reset_password(const std::string& token, const std::string& password,
                                           const Caller& caller) {
  const auto hash = crypto::sha256_hex(token);
  const auto now = d_.clock.unix_seconds();
  auto t = co_await store::token(d_.db, hash);
  if (!t) co_return std::move(t).error();
  if (!*t || (*t)->purpose != kResetPurpose || (*t)->used_at || (*t)->expires_at <= now ||
      !(*t)->account_id) {
    co_return Error(ErrorCode::link_invalid);
  }
  auto account = co_await store::account_by_id(d_.db, *(*t)->account_id);
  if (!account) co_return std::move(account).error();
  if (!*account || (*account)->status == "deleted") co_return Error(ErrorCode::link_invalid);
  auto profiles = co_await store::profiles_of(d_.db, (*account)->id);
  if (!profiles) co_return std::move(profiles).error();
  const auto& holder = profiles->front();
  // The policy is checked before the link is spent: a refused password leaves it usable.
  if (auto r =
          co_await check_password(password, (*account)->email, holder.first_name, holder.last_name);
      !r) {
    co_return r;
  }
  const auto new_hash =
      co_await d_.blocking.call([&] { return hash_password(password, d_.hashing); });
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto used = co_await store::use_token(tx, hash, d_.clock.unix_seconds());
    if (!used) co_return std::move(used).error();
    if (!*used) co_return Error(ErrorCode::link_invalid);
    const auto at = d_.clock.unix_seconds();
    // The other reset links of the account die with this one (F4).
    if (auto r = co_await store::spend_tokens(tx, (*account)->id, kResetPurpose, at); !r)
      co_return r;
    if (auto r = co_await store::set_password(tx, (*account)->id, new_hash, at); !r) co_return r;
    // The link proved the address, and a reset ends every session (ACC4).
    if (auto r = co_await store::confirm_email(tx, (*account)->id, at); !r) co_return r;
    if (auto r = co_await d_.sessions.revoke_all(tx, (*account)->id, 0); !r) co_return r;
    notify::Variables vars{{"name", holder.first_name},
                           {"link", d_.public_url + "/mot-de-passe-oublie"}};
    co_return co_await d_.outbox.email(
        tx, (*account)->email, notify::render("password_changed", locale_of(**account), vars));
  };
  auto r = co_await d_.db.transact(body);
  if (!r) co_return r;
  d_.outbox.wake();
  // The owner proved the address: strangers' failures no longer hold its logins back.
  (void)co_await d_.limits.clear_streak(address_streak((*account)->email));
  log::info("password reset", {{"account", (*account)->public_id}, {"ip", caller.ip}});
  co_return ok();
}

Task<Result<void>> Service::check_current_password(const Principal& who,
                                                   const store::Account& account,
                                                   const std::string& password,
                                                   std::string_view field) {
  // Per account, so that every session of a stolen or unattended browser shares one count.
  const auto streak = "password:" + account.public_id;
  if (auto r = co_await d_.limits.check_streak(streak); !r) co_return r;
  const bool good =
      co_await d_.blocking.call([&] { return verify_password(account.password_hash, password); });
  if (good) co_return co_await d_.limits.clear_streak(streak);
  if (auto r = co_await d_.limits.fail_streak(streak); !r) co_return r;
  log::warn(
      "current password incorrect",
      {{"account", account.public_id}, {"session", who.session_id}, {"field", std::string(field)}});
  co_return Error::invalid(std::string(field), "Mot de passe actuel incorrect.",
                           "Incorrect current password.");
}

Task<Result<void>> Service::change_password(const Principal& who, const std::string& current,
                                            const std::string& next) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::not_found);
  if (auto r = co_await check_current_password(who, **account, current, "current_password"); !r)
    co_return r;
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  const auto& holder = profiles->front();
  if (auto r =
          co_await check_password(next, (*account)->email, holder.first_name, holder.last_name);
      !r) {
    auto e = std::move(r).error();
    e.field = "new_password";
    co_return e;
  }
  const auto hash = co_await d_.blocking.call([&] { return hash_password(next, d_.hashing); });
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    // A reset link sent before the change would undo it: none survives (F4).
    if (auto r = co_await store::spend_tokens(tx, who.account_id, kResetPurpose, now); !r)
      co_return r;
    if (auto r = co_await store::set_password(tx, who.account_id, hash, now); !r) co_return r;
    if (auto r = co_await d_.sessions.revoke_all(tx, who.account_id, who.session_id); !r)
      co_return r;
    notify::Variables vars{{"name", holder.first_name},
                           {"link", d_.public_url + "/mot-de-passe-oublie"}};
    co_return co_await d_.outbox.email(
        tx, (*account)->email, notify::render("password_changed", locale_of(**account), vars));
  };
  auto r = co_await d_.db.transact(body);
  if (r) d_.outbox.wake();
  co_return r;
}

}  // namespace cabinet::accounts
