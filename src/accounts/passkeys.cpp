#include "accounts/passkeys.hpp"

#include <chrono>

#include "accounts/passkeys_store.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "crypto/base64url.hpp"

namespace cabinet::accounts {
namespace {

using crypto::base64url_encode;

// Sign-in ceremonies cost a database write each: limited per address like the password login.
constexpr auth::Limit kOptionsPerIp{"passkey-options-ip", 30, std::chrono::minutes(10)};
constexpr auth::Limit kSignInPerIp{"passkey-ip", 30, std::chrono::minutes(10)};
constexpr std::int64_t kChallengeLifetime = 300;
constexpr std::size_t kChallengeBytes = 32;
constexpr std::string_view kRegister = "register";
constexpr std::string_view kLogin = "login";

nlohmann::json passkey_json(const passkey_store::Passkey& p) {
  return {{"id", p.public_id},
          {"name", p.name},
          {"created_at", p.created_at},
          {"last_used_at", p.last_used_at ? nlohmann::json(*p.last_used_at) : nullptr}};
}

Result<std::string> checked_name(const std::string& raw) {
  std::string name = raw;
  while (!name.empty() && name.back() == ' ') name.pop_back();
  while (!name.empty() && name.front() == ' ') name.erase(name.begin());
  const bool control = std::any_of(name.begin(), name.end(), [](char c) {
    return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
  });
  if (name.empty() || control || !is_valid_utf8(name) || utf8_length(name) > Passkeys::kMaxName)
    return Error::invalid("name", "Donnez à cette clé un nom de 1 à 60 caractères.",
                          "Give this passkey a name of 1 to 60 characters.");
  return name;
}

Error unknown_passkey() {
  auto e =
      reasoned(ErrorCode::invalid_request, "passkey_unknown",
               "Cette clé d'accès n'est enregistrée sur aucun compte Cabinet (elle a peut-être "
               "été supprimée). Connectez-vous avec votre mot de passe.",
               "This passkey is not registered with any Cabinet account (it may have been "
               "removed). Sign in with your password.");
  e.field = "credential";
  return e;
}

Error challenge_gone() {
  return Error(ErrorCode::challenge_expired)
      .with_message("La demande a expiré (5 minutes). Recommencez.",
                    "The request expired (5 minutes). Start again.");
}

std::string transports_text(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& t : list) {
    // Only the names WebAuthn defines; anything else is the browser's business.
    if (t != "usb" && t != "nfc" && t != "ble" && t != "internal" && t != "hybrid") continue;
    out += (out.empty() ? "" : ",") + t;
  }
  return out;
}

nlohmann::json transports_json(const std::string& text) {
  auto out = nlohmann::json::array();
  std::size_t start = 0;
  while (start < text.size()) {
    const auto comma = text.find(',', start);
    out.push_back(text.substr(start, comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

}  // namespace

Passkeys::Passkeys(Deps deps)
    : d_(std::move(deps)), rp_(crypto::webauthn::relying_party(d_.public_url)) {}

Task<Result<std::string>> Passkeys::new_challenge(std::string_view purpose,
                                                  std::optional<std::int64_t> account,
                                                  const Caller& caller, std::string& challenge) {
  challenge.assign(kChallengeBytes, '\0');
  d_.random.fill(std::span(reinterpret_cast<std::uint8_t*>(challenge.data()), challenge.size()));
  auto id = random_base32(d_.random, 20);
  const auto now = d_.clock.unix_seconds();
  const auto encoded = base64url_encode(challenge);
  auto r = co_await passkey_store::insert_challenge(d_.db, id, purpose, account, encoded,
                                                    now + kChallengeLifetime, now, caller.ip);
  if (!r) co_return std::move(r).error();
  co_return id;
}

Task<Result<void>> Passkeys::audit(std::int64_t account, std::string_view role, std::string action,
                                   const std::string& object, const Caller& caller,
                                   std::string detail) {
  const audit::Entry entry{account, std::string(role), std::nullopt,     std::move(action),
                           object,  caller.ip,         std::move(detail)};
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  };
  co_return co_await d_.db.transact(body);
}

Task<Result<nlohmann::json>> Passkeys::registration_options(const Principal& who,
                                                            const Caller& caller) {
  auto account = co_await store::account_by_id(d_.db, who.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account) co_return Error(ErrorCode::unauthorized);
  auto existing = co_await passkey_store::of_account(d_.db, who.account_id);
  if (!existing) co_return std::move(existing).error();
  if (existing->size() >= kMaxPerAccount)
    co_return Error(ErrorCode::conflict)
        .with_message("Vous avez déjà 20 clés d'accès : supprimez-en une avant d'en ajouter.",
                      "You already have 20 passkeys: remove one before adding another.");
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  std::string challenge;
  auto id = co_await new_challenge(kRegister, who.account_id, caller, challenge);
  if (!id) co_return std::move(id).error();
  std::string display = (*account)->email;
  if (!profiles->empty())
    display = profiles->front().first_name + " " + profiles->front().last_name;
  auto exclude = nlohmann::json::array();
  for (const auto& p : *existing) {
    exclude.push_back({{"type", "public-key"},
                       {"id", p.credential_id},
                       {"transports", transports_json(p.transports)}});
  }
  nlohmann::json options{
      {"challenge", base64url_encode(challenge)},
      {"rp", {{"id", rp_.id}, {"name", "Cabinet"}}},
      // The user handle is the account's public id: random, no personal data (WebAuthn §14.6.1).
      {"user",
       {{"id", base64url_encode((*account)->public_id)},
        {"name", (*account)->email},
        {"displayName", display}}},
      {"pubKeyCredParams",
       {{{"type", "public-key"}, {"alg", -7}},
        {{"type", "public-key"}, {"alg", -8}},
        {{"type", "public-key"}, {"alg", -257}}}},
      {"timeout", kChallengeLifetime * 1000},
      {"attestation", "none"},
      {"authenticatorSelection",
       {{"residentKey", "required"},
        {"requireResidentKey", true},
        {"userVerification", "required"}}},
      {"excludeCredentials", exclude}};
  co_return nlohmann::json{{"challenge_id", *id}, {"publicKey", options}};
}

Task<Result<nlohmann::json>> Passkeys::add(const Principal& who, PasskeyRegistration form,
                                           const Caller& caller) {
  auto name = checked_name(form.name);
  if (!name) co_return std::move(name).error();
  const auto now = d_.clock.unix_seconds();
  auto taken = co_await passkey_store::take_challenge(d_.db, form.challenge_id, kRegister, now);
  if (!taken) co_return std::move(taken).error();
  if (!*taken || (*taken)->account_id != who.account_id) co_return challenge_gone();
  const auto challenge = crypto::base64url_decode((*taken)->challenge).value_or("");
  auto credential = crypto::webauthn::verify_registration(rp_, challenge, form.response);
  if (!credential) {
    log::warn("passkey registration refused",
              {{"account", who.account_public_id}, {"reason", credential.error().detail}});
    co_return std::move(credential).error();
  }
  auto count = co_await passkey_store::count_of(d_.db, who.account_id);
  if (!count) co_return std::move(count).error();
  if (static_cast<std::size_t>(*count) >= kMaxPerAccount) co_return Error(ErrorCode::conflict);
  passkey_store::NewPasskey p;
  p.public_id = random_base32(d_.random, 10);
  p.account_id = who.account_id;
  p.credential_id = base64url_encode(credential->id);
  p.public_key = credential->public_key;
  p.alg = credential->alg;
  p.sign_count = credential->sign_count;
  p.aaguid = base64url_encode(credential->aaguid);
  p.name = *name;
  p.transports = transports_text(form.transports);
  const audit::Entry entry{who.account_id, std::string(to_string(who.role)),
                           std::nullopt,   "passkey.register",
                           p.public_id,    caller.ip,
                           *name};
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto inserted = co_await passkey_store::insert(tx, p, now);
    if (!inserted) co_return std::move(inserted).error();
    if (!*inserted)
      co_return Error(ErrorCode::conflict)
          .with_message("Cette clé d'accès est déjà enregistrée.",
                        "This passkey is already registered.");
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  log::info("passkey registered", {{"account", who.account_public_id}, {"passkey", p.public_id}});
  co_return nlohmann::json{
      {"id", p.public_id}, {"name", p.name}, {"created_at", now}, {"last_used_at", nullptr}};
}

Task<Result<nlohmann::json>> Passkeys::list(const Principal& who) {
  auto keys = co_await passkey_store::of_account(d_.db, who.account_id);
  if (!keys) co_return std::move(keys).error();
  auto out = nlohmann::json::array();
  for (const auto& p : *keys) out.push_back(passkey_json(p));
  co_return out;
}

Task<Result<nlohmann::json>> Passkeys::rename(const Principal& who, const std::string& id,
                                              const std::string& raw_name) {
  auto name = checked_name(raw_name);
  if (!name) co_return std::move(name).error();
  auto renamed = co_await passkey_store::rename(d_.db, who.account_id, id, *name);
  if (!renamed) co_return std::move(renamed).error();
  if (!*renamed) co_return Error(ErrorCode::not_found);
  auto p = co_await passkey_store::by_public_id(d_.db, who.account_id, id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);
  co_return passkey_json(**p);
}

Task<Result<void>> Passkeys::revoke(const Principal& who, const std::string& id,
                                    const Caller& caller) {
  auto p = co_await passkey_store::by_public_id(d_.db, who.account_id, id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);
  if (strong_factor_required(d_, who.role)) {
    auto account = co_await store::account_by_id(d_.db, who.account_id);
    if (!account) co_return std::move(account).error();
    auto count = co_await passkey_store::count_of(d_.db, who.account_id);
    if (!count) co_return std::move(count).error();
    // The last strong factor stays: without it the account would fall back to the emailed
    // code, which the policy exists to rule out.
    if (*count <= 1 && *account && !(*account)->totp_enabled)
      co_return Error(ErrorCode::conflict)
          .with_message(
              "C'est votre seule clé d'accès et votre rôle en exige une : ajoutez-en une autre "
              "(ou une application d'authentification) avant de supprimer celle-ci.",
              "This is your only passkey and your role requires one: add another (or an "
              "authenticator app) before removing this one.");
  }
  const audit::Entry entry{who.account_id,
                           std::string(to_string(who.role)),
                           std::nullopt,
                           "passkey.revoke",
                           id,
                           caller.ip,
                           (*p)->name};
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto removed = co_await passkey_store::remove(tx, who.account_id, id);
    if (!removed) co_return std::move(removed).error();
    if (!*removed) co_return Error(ErrorCode::not_found);
    co_return co_await d_.audit.append(tx, entry);
  };
  co_return co_await d_.db.transact(body);
}

Task<Result<nlohmann::json>> Passkeys::sign_in_options(const Caller& caller) {
  if (auto r = co_await d_.limits.hit(kOptionsPerIp, caller.ip); !r) co_return std::move(r).error();
  std::string challenge;
  auto id = co_await new_challenge(kLogin, std::nullopt, caller, challenge);
  if (!id) co_return std::move(id).error();
  nlohmann::json options{{"challenge", base64url_encode(challenge)},
                         {"rpId", rp_.id},
                         {"timeout", kChallengeLifetime * 1000},
                         {"userVerification", "required"},
                         {"allowCredentials", nlohmann::json::array()}};
  co_return nlohmann::json{{"challenge_id", *id}, {"publicKey", options}};
}

Task<Result<LoginDone>> Passkeys::sign_in(const PasskeySignIn& form, const Caller& caller) {
  if (auto r = co_await d_.limits.hit(kSignInPerIp, caller.ip); !r) co_return std::move(r).error();
  const auto now = d_.clock.unix_seconds();
  auto taken = co_await passkey_store::take_challenge(d_.db, form.challenge_id, kLogin, now);
  if (!taken) co_return std::move(taken).error();
  if (!*taken) co_return challenge_gone();
  const auto challenge = crypto::base64url_decode((*taken)->challenge).value_or("");
  auto found = co_await passkey_store::by_credential(d_.db, base64url_encode(form.credential_id));
  if (!found) co_return std::move(found).error();
  if (!*found) co_return unknown_passkey();
  const auto& key = **found;
  auto account = co_await store::account_by_id(d_.db, key.account_id);
  if (!account) co_return std::move(account).error();
  if (!*account || (*account)->status == "deleted") co_return unknown_passkey();
  const auto& a = **account;
  // The user handle, when the authenticator gives one, must be the one registered with it.
  if (!form.user_handle.empty() && form.user_handle != a.public_id)
    co_return crypto::webauthn::refused("user handle");
  const crypto::webauthn::StoredCredential stored{key.public_key,
                                                  static_cast<std::uint32_t>(key.sign_count)};
  auto count = crypto::webauthn::verify_assertion(rp_, challenge, stored, form.response);
  if (!count) {
    const auto reason = count.error().detail;
    log::warn("passkey sign-in refused",
              {{"account", a.public_id}, {"passkey", key.public_id}, {"reason", reason}});
    // A counter going back means a copy of the key exists somewhere: worth an audit entry.
    auto r = co_await audit(a.id, a.role, "passkey.sign_in.refused", key.public_id, caller, reason);
    if (!r) co_return std::move(r).error();
    co_return std::move(count).error();
  }
  if (a.status == "suspended") co_return Error(ErrorCode::account_suspended);
  LoginDone done;
  const audit::Entry entry{a.id,          a.role,    std::nullopt, "passkey.sign_in",
                           key.public_id, caller.ip, key.name};
  const auto new_count = static_cast<std::int64_t>(*count);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto used = co_await passkey_store::used(tx, key.id, key.sign_count, new_count, now);
    if (!used) co_return std::move(used).error();
    if (!*used) co_return challenge_gone();  // a parallel sign-in with the same counter won
    auto opened = co_await open_session(d_, tx, a, caller);
    if (!opened) co_return std::move(opened).error();
    done = std::move(*opened);
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  log::info("signed in", {{"account", a.public_id}, {"ip", caller.ip}, {"method", "passkey"}});
  co_return done;
}

}  // namespace cabinet::accounts
