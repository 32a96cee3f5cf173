#include <chrono>

#include "accounts/names.hpp"
#include "accounts/service.hpp"
#include "core/log.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"
#include "practitioners/specialties.hpp"
#include "practitioners/store.hpp"

namespace cabinet::accounts {
namespace {

constexpr std::int64_t kConfirmLifetime = 48 * 3600;

std::chrono::year_month_day today(const Clock& clock) {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now()));
}

// Validates and normalises the identity fields shared by every kind of account.
Result<void> validate_identity(SignupForm& form, Role role, const Clock& clock) {
  if (role != Role::assistant) {
    auto email = validate::email(form.email);
    if (!email) {
      return http::invalid_field("email", "Adresse e-mail invalide.", "Invalid email address.");
    }
    form.email = *email;
  }
  auto phone = validate::mobile_phone(form.phone);
  if (!phone) {
    return http::invalid_field("phone", "Numéro de mobile invalide (par exemple 06 12 34 56 78).",
                               "Invalid mobile number (for example +33 6 12 34 56 78).");
  }
  form.phone = *phone;
  auto first = checked_name("first_name", form.first_name);
  if (!first) return std::move(first).error();
  form.first_name = *first;
  auto last = checked_name("last_name", form.last_name);
  if (!last) return std::move(last).error();
  form.last_name = *last;
  if (role == Role::patient) {
    if (!form.birth_date) return http::missing_field("birth_date");
    auto born = validate::date(*form.birth_date);
    if (!born) {
      return http::invalid_field("birth_date", "Date de naissance invalide (AAAA-MM-JJ).",
                                 "Invalid birth date (YYYY-MM-DD).");
    }
    const int age = validate::age_on(*born, today(clock));
    if (age < 0 || age > 130) {
      return http::invalid_field("birth_date", "Date de naissance invalide.",
                                 "Invalid birth date.");
    }
    if (age < 15) {
      return http::invalid_field(
          "birth_date",
          "Il faut avoir au moins 15 ans pour créer un compte. Un parent peut ajouter un enfant à "
          "ses proches.",
          "You must be at least 15 to create an account. A parent can add a child as a relative.");
    }
  }
  if (role == Role::practitioner) {
    auto rpps = validate::rpps(form.rpps);
    if (!rpps) {
      return http::invalid_field("rpps",
                                 "Numéro RPPS invalide : 11 chiffres, clé de contrôle comprise.",
                                 "Invalid RPPS number: 11 digits, check digit included.");
    }
    form.rpps = *rpps;
    if (practitioners::find_specialty(form.specialty) == nullptr) {
      return http::invalid_field("specialty", "Spécialité inconnue.", "Unknown specialty.");
    }
  }
  return ok();
}

}  // namespace

std::string Service::link(std::string_view path, const std::string& token) const {
  return d_.public_url + std::string(path) + "?token=" + token;
}

Task<Result<void>> Service::check_password(const std::string& password, const std::string& email,
                                           const std::string& first, const std::string& last) {
  const auto min_length = d_.policy->get()->password_min_length;
  co_return co_await d_.blocking.call(
      [&] { return check_password_policy(password, email, first, last, min_length); });
}

Task<Result<void>> Service::send_confirmation(storage::Transaction& tx, std::int64_t account,
                                              const std::string& email, const std::string& name,
                                              Locale locale) {
  const auto token = crypto::random_token(d_.random);
  const auto now = d_.clock.unix_seconds();
  if (auto r = co_await store::insert_token(tx, crypto::sha256_hex(token), "confirm_email", account,
                                            std::nullopt, now + kConfirmLifetime, now);
      !r) {
    co_return r;
  }
  notify::Variables vars{{"name", name}, {"link", link("/confirmer-email", token)}};
  co_return co_await d_.outbox.email(tx, email, notify::render("confirm_email", locale, vars));
}

Task<Result<Service::Created>> Service::create_account(SignupForm& form, Role role,
                                                       const Caller& caller) {
  if (auto r = co_await d_.limits.hit(&auth::Limits::signup_per_ip, caller.ip); !r)
    co_return std::move(r).error();
  std::optional<practitioners::store::Assistant> invitation;
  std::string invitation_hash;
  if (role == Role::assistant) {
    invitation_hash = crypto::sha256_hex(form.invitation);
    auto t = co_await store::token(d_.db, invitation_hash);
    if (!t) co_return std::move(t).error();
    const auto now = d_.clock.unix_seconds();
    if (!*t || (*t)->purpose != "invitation" || (*t)->used_at || (*t)->expires_at <= now ||
        !(*t)->assistant_id) {
      co_return Error(ErrorCode::link_invalid);
    }
    auto a = co_await practitioners::store::assistant_by_id(d_.db, *(*t)->assistant_id);
    if (!a) co_return std::move(a).error();
    if (!*a) co_return Error(ErrorCode::link_invalid);
    invitation = **a;
    form.email = invitation->email;
  }
  if (auto r = validate_identity(form, role, d_.clock); !r) co_return std::move(r).error();
  if (auto r = co_await check_password(form.password, form.email, form.first_name, form.last_name);
      !r) {
    co_return std::move(r).error();
  }
  // Hashed before looking the email up, so that a taken address answers as slowly as a new one.
  const auto hash =
      co_await d_.blocking.call([&] { return hash_password(form.password, d_.hashing); });

  Created created;
  auto existing = co_await store::account_by_email(d_.db, form.email);
  if (!existing) co_return std::move(existing).error();
  if (*existing) {
    created.existed = true;
    if (role == Role::assistant) {
      co_return Error::invalid("email", "Cette adresse a déjà un compte Cabinet.",
                               "This address already has a Cabinet account.");
    }
    // The owner of the address learns that someone tried; the caller learns nothing. (Outside
    // the transaction: the limiter writes through the database, and SQLite has one writer.)
    if (auto limited = co_await d_.limits.hit(&auth::Limits::signup_exists_notice, form.email);
        !limited)
      co_return created;
    const auto locale = (*existing)->locale == "en" ? Locale::en : Locale::fr;
    auto notice = [&](storage::Transaction& tx) -> Task<Result<void>> {
      notify::Variables vars{{"link", d_.public_url + "/mot-de-passe-oublie"}};
      co_return co_await d_.outbox.email(tx, form.email,
                                         notify::render("signup_exists", locale, vars));
    };
    if (auto r = co_await d_.db.transact(notice); !r) co_return std::move(r).error();
    d_.outbox.wake();
    co_return created;
  }
  std::optional<std::int64_t> partner;
  if (d_.partner_of_host) partner = d_.partner_of_host(caller.host);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    store::NewAccount account{
        random_base32(d_.random, 16),
        form.email,
        form.phone,
        hash,
        std::string(to_string(role)),
        role == Role::practitioner ? "pending" : "active",
        std::string(to_string(caller.locale)),
        role == Role::assistant ? std::optional<std::int64_t>(now) : std::nullopt};
    auto id = co_await store::insert_account(tx, account, now);
    if (!id) co_return std::move(id).error();
    created.account_id = *id;
    store::NewProfile holder{random_base32(d_.random, 16),
                             *id,
                             true,
                             form.first_name,
                             form.last_name,
                             form.birth_date,
                             std::nullopt,
                             "self"};
    if (auto p = co_await store::insert_profile(tx, holder, now); !p)
      co_return std::move(p).error();
    // A patient who signs up on a partner's host is that partner's (docs/operator.md).
    if (role == Role::patient && partner) {
      if (auto r = co_await store::set_partner(tx, *id, *partner); !r) co_return r;
    }
    if (role == Role::practitioner) {
      auto r = co_await practitioners::store::insert_practitioner(tx, *id, form.rpps,
                                                                  form.specialty, now);
      if (!r) {
        if (r.error().code == ErrorCode::conflict) {
          co_return Error::invalid("rpps", "Ce numéro RPPS est déjà inscrit sur Cabinet.",
                                   "This RPPS number is already registered on Cabinet.");
        }
        co_return r;
      }
    }
    if (role == Role::assistant) {
      auto used = co_await store::use_token(tx, invitation_hash, now);
      if (!used) co_return std::move(used).error();
      auto accepted = co_await practitioners::store::accept_assistant(tx, invitation->id, *id, now);
      if (!accepted) co_return std::move(accepted).error();
      if (!*used || !*accepted) co_return Error(ErrorCode::link_invalid);
      co_return ok();  // the invitation link proved the address: no confirmation needed
    }
    co_return co_await send_confirmation(tx, *id, form.email, form.first_name, caller.locale);
  };
  auto r = co_await d_.db.transact(body);
  if (!r) {
    // Two sign-ups racing for one address: the loser is answered like any taken address.
    if (r.error().code == ErrorCode::conflict && role != Role::assistant) co_return created;
    co_return std::move(r).error();
  }
  d_.outbox.wake();
  if (!created.existed) {
    log::info("account created", {{"role", to_string(role)}, {"ip", caller.ip}});
  }
  co_return created;
}

Task<Result<void>> Service::signup_patient(SignupForm form, const Caller& caller) {
  auto r = co_await create_account(form, Role::patient, caller);
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> Service::signup_practitioner(SignupForm form, const Caller& caller) {
  auto r = co_await create_account(form, Role::practitioner, caller);
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> Service::signup_assistant(SignupForm form, const Caller& caller) {
  auto r = co_await create_account(form, Role::assistant, caller);
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<std::string>> Service::create_operator(SignupForm form) {
  auto email = validate::email(form.email);
  if (!email)
    co_return http::invalid_field("email", "Adresse e-mail invalide.", "Invalid email address.");
  form.email = *email;
  if (auto r = co_await check_password(form.password, form.email, form.first_name, form.last_name);
      !r) {
    co_return std::move(r).error();
  }
  const auto hash =
      co_await d_.blocking.call([&] { return hash_password(form.password, d_.hashing); });
  const auto public_id = random_base32(d_.random, 16);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    store::NewAccount account{public_id, form.email, "", hash, "operator", "active", "fr", now};
    auto id = co_await store::insert_account(tx, account, now);
    if (!id) {
      if (id.error().code == ErrorCode::conflict) {
        co_return Error::invalid("email", "Cette adresse a déjà un compte.",
                                 "This address already has an account.");
      }
      co_return std::move(id).error();
    }
    store::NewProfile holder{random_base32(d_.random, 16),
                             *id,
                             true,
                             form.first_name,
                             form.last_name,
                             std::nullopt,
                             std::nullopt,
                             "self"};
    auto p = co_await store::insert_profile(tx, holder, now);
    if (!p) co_return std::move(p).error();
    co_return ok();
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  co_return public_id;
}

Task<Result<void>> Service::confirm_email(const std::string& token) {
  const auto hash = crypto::sha256_hex(token);
  auto t = co_await store::token(d_.db, hash);
  if (!t) co_return std::move(t).error();
  if (!*t || (*t)->purpose != "confirm_email" || !(*t)->account_id)
    co_return Error(ErrorCode::link_invalid);
  const auto account_id = *(*t)->account_id;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    auto used = co_await store::use_token(tx, hash, now);
    if (!used) co_return std::move(used).error();
    if (!*used) {
      // A second click on a link that already worked is not an error for the user.
      auto account = co_await store::account_by_id(tx, account_id);
      if (!account) co_return std::move(account).error();
      if (*account && (*account)->email_confirmed_at) co_return ok();
      co_return Error(ErrorCode::link_invalid);
    }
    co_return co_await store::confirm_email(tx, account_id, now);
  };
  co_return co_await d_.db.transact(body);
}

Task<Result<void>> Service::resend_confirmation(const std::string& email_input,
                                                const Caller& caller) {
  if (auto r = co_await d_.limits.hit(&auth::Limits::confirm_per_ip, caller.ip); !r) co_return r;
  auto email = validate::email(email_input);
  if (!email) co_return ok();  // the same answer for anything
  if (auto r = co_await d_.limits.hit(&auth::Limits::confirm_per_email, *email); !r) co_return r;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto account = co_await store::account_by_email(tx, *email);
    if (!account) co_return std::move(account).error();
    if (!*account || (*account)->email_confirmed_at || (*account)->status == "deleted")
      co_return ok();
    auto profiles = co_await store::profiles_of(tx, (*account)->id);
    if (!profiles) co_return std::move(profiles).error();
    const auto locale = (*account)->locale == "en" ? Locale::en : Locale::fr;
    // Named first: GCC 12 mishandles a temporary made by ?: inside a co_await expression.
    const std::string name = profiles->empty() ? "" : profiles->front().first_name;
    co_return co_await send_confirmation(tx, (*account)->id, *email, name, locale);
  };
  auto r = co_await d_.db.transact(body);
  if (r) d_.outbox.wake();
  co_return r;
}

}  // namespace cabinet::accounts
