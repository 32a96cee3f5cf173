#include "accounts/administrative.hpp"
#include "accounts/passkeys_store.hpp"
#include "accounts/service.hpp"
#include "core/log.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

namespace cabinet::accounts {

nlohmann::json profile_json(const store::Profile& p) {
  return {{"id", p.public_id},
          {"is_holder", p.is_holder},
          {"first_name", p.first_name},
          {"last_name", p.last_name},
          {"birth_date", p.birth_date ? nlohmann::json(*p.birth_date) : nullptr},
          {"sex", p.sex ? nlohmann::json(*p.sex) : nullptr},
          {"relationship", p.relationship}};
}

Task<Result<nlohmann::json>> Service::me(const Principal& who, Locale /*locale*/) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::unauthorized);
  const auto& a = **account;
  nlohmann::json acc{{"id", a.public_id},
                     {"email", a.email},
                     {"email_confirmed", a.email_confirmed_at.has_value()},
                     {"phone", a.phone},
                     {"role", a.role},
                     {"status", a.status},
                     {"locale", a.locale},
                     {"totp_enabled", a.totp_enabled},
                     {"created_at", a.created_at}};
  // Whether security.strong_factor_roles covers this account, and whether it has what it
  // needs: the web app asks for a passkey until it does (docs/security.md, "Passkeys").
  auto keys = co_await passkey_store::count_of(d_.db, who.account_id);
  if (!keys) co_return std::move(keys).error();
  acc["passkeys"] = *keys;
  acc["strong_factor_required"] = strong_factor_required(d_, who.role);
  if (who.role == Role::practitioner) {
    auto p = co_await practitioners::store::by_account(d_.db, who.account_id);
    if (!p) co_return std::move(p).error();
    if (*p) {
      acc["practitioner"] = {
          {"rpps", (*p)->rpps},
          {"specialty", (*p)->specialty},
          {"status", (*p)->status},
          {"rejection_reason",
           (*p)->rejection_reason ? nlohmann::json(*(*p)->rejection_reason) : nullptr}};
    }
  }
  if (who.role == Role::assistant) {
    auto link = co_await practitioners::store::assistant_link(d_.db, who.account_id);
    if (!link) co_return std::move(link).error();
    if (*link) {
      auto p = co_await practitioners::store::by_account(d_.db, (*link)->practitioner_id);
      if (!p) co_return std::move(p).error();
      if (*p)
        acc["assistant_of"] = {{"id", (*p)->account_public_id},
                               {"name", "Dr " + (*p)->first_name + " " + (*p)->last_name}};
    }
  }
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  nlohmann::json list = nlohmann::json::array();
  std::string current;
  for (const auto& p : *profiles) {
    list.push_back(profile_json(p));
    if (who.profile_id && *who.profile_id == p.id) current = p.public_id;
  }
  if (current.empty() && !profiles->empty()) current = profiles->front().public_id;
  co_return nlohmann::json{{"account", acc}, {"profiles", list}, {"current_profile", current}};
}

Task<Result<void>> Service::logout(const Principal& who) {
  co_return co_await d_.sessions.revoke_current(who.session_id);
}

Task<Result<nlohmann::json>> Service::sessions(const Principal& who) {
  auto list = co_await d_.sessions.list(who.account_id, who.session_id);
  if (!list) co_return std::move(list).error();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : *list) {
    out.push_back({{"id", s.id},
                   {"created_at", s.created_at},
                   {"last_seen_at", s.last_seen_at},
                   {"ip", s.ip},
                   {"user_agent", s.user_agent},
                   {"current", s.current}});
  }
  co_return out;
}

Task<Result<void>> Service::revoke_session(const Principal& who, const std::string& id) {
  co_return co_await d_.sessions.revoke(who.account_id, id);
}

Task<Result<void>> Service::update_me(const Principal& who, const std::optional<std::string>& phone,
                                      const std::optional<std::string>& locale) {
  std::optional<std::string> normalised;
  if (phone) {
    normalised = validate::mobile_phone(*phone);
    if (!normalised) {
      co_return http::invalid_field("phone",
                                    "Numéro de mobile invalide (par exemple 06 12 34 56 78).",
                                    "Invalid mobile number (for example +33 6 12 34 56 78).");
    }
  }
  if (locale && *locale != "fr" && *locale != "en") {
    co_return http::invalid_field("locale", "Langue inconnue (fr ou en).",
                                  "Unknown language (fr or en).");
  }
  co_return co_await store::update_contact(d_.db, who.account_id, normalised, locale,
                                           d_.clock.unix_seconds());
}

Task<Result<void>> Service::delete_account(const Principal& who, const std::string& password,
                                           const Caller& caller) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::not_found);
  if (auto r = co_await check_current_password(who, **account, password, "password"); !r)
    co_return r;
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    // The deletion is audited; earlier entries stay, as the law requires (SEC2, ACC7).
    for (const auto& p : *profiles) {
      const audit::Entry entry{who.account_id,
                               std::string(to_string(who.role)),
                               p.id,
                               "profile.delete",
                               p.public_id,
                               caller.ip,
                               "account deleted"};
      if (auto r = co_await d_.audit.append(tx, entry); !r) {
        co_return r;
      }
    }
    notify::Variables vars{{"name", profiles->empty() ? "" : profiles->front().first_name}};
    const auto locale = (*account)->locale == "en" ? Locale::en : Locale::fr;
    if (auto r = co_await d_.outbox.email(tx, (*account)->email,
                                          notify::render("account_deleted", locale, vars));
        !r) {
      co_return r;
    }
    if (auto r = co_await d_.sessions.revoke_all(tx, who.account_id, 0); !r) co_return r;
    if (auto r = co_await passkey_store::remove_all(tx, who.account_id); !r) co_return r;
    for (const auto& hook : erase_hooks_) {
      if (auto r = co_await hook(tx, who.account_id); !r) co_return r;
    }
    co_return co_await store::erase_account(tx, who.account_id, now);
  };
  auto r = co_await d_.db.transact(body);
  if (!r) co_return r;
  d_.outbox.wake();
  log::info("account deleted", {{"account", who.account_public_id}, {"ip", caller.ip}});
  co_return ok();
}

}  // namespace cabinet::accounts
