#include "accounts/profiles.hpp"

#include "accounts/administrative.hpp"
#include "accounts/names.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"

namespace cabinet::accounts {
namespace {

constexpr std::string_view kRelationships[] = {"child", "parent", "spouse", "sibling", "other"};
constexpr std::size_t kMaxRelatives = 20;

Result<void> validate_change(RelativeForm& f, bool creating, bool holder, const Clock& clock) {
  if (creating) {
    if (!f.first_name) return http::missing_field("first_name");
    if (!f.last_name) return http::missing_field("last_name");
    if (!f.birth_date) return http::missing_field("birth_date");
    if (!f.relationship) return http::missing_field("relationship");
  }
  for (const auto& [field, value] :
       {std::pair{"first_name", &f.first_name}, std::pair{"last_name", &f.last_name}}) {
    if (!*value) continue;
    auto v = checked_name(field, **value);
    if (!v) return std::move(v).error();
    *value = *v;
  }
  if (f.birth_date) {
    auto born = validate::date(*f.birth_date);
    const auto today =
        std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now()));
    if (!born || validate::age_on(*born, today) < 0 || validate::age_on(*born, today) > 130) {
      return http::invalid_field("birth_date", "Date de naissance invalide (AAAA-MM-JJ).",
                                 "Invalid birth date (YYYY-MM-DD).");
    }
  }
  if (f.sex && *f.sex != "female" && *f.sex != "male" && *f.sex != "other") {
    return http::invalid_field("sex", "Valeur invalide (female, male ou other).",
                               "Invalid value (female, male or other).");
  }
  if (f.relationship) {
    if (holder)
      return http::invalid_field("relationship", "Votre propre profil reste « vous ».",
                                 "Your own profile stays \"self\".");
    bool known = false;
    for (auto r : kRelationships) known = known || *f.relationship == r;
    if (!known) {
      return http::invalid_field("relationship", "Lien de parenté inconnu.",
                                 "Unknown relationship.");
    }
  }
  return ok();
}

}  // namespace

Task<Result<store::Profile>> Profiles::own(const Principal& who, const std::string& id) {
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  for (auto& p : *profiles) {
    if (p.public_id == id) co_return std::move(p);
  }
  co_return Error(ErrorCode::not_found);
}

Task<Result<void>> Profiles::audited(const Principal& who, const store::Profile& p,
                                     std::string action, const Caller& caller) {
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const audit::Entry entry{who.account_id,
                             std::string(to_string(who.role)),
                             p.id,
                             std::move(action),
                             p.public_id,
                             caller.ip,
                             ""};
    co_return co_await d_.audit.append(tx, entry);
  };
  co_return co_await d_.db.transact(body);
}

Task<Result<nlohmann::json>> Profiles::add(const Principal& who, const RelativeForm& input,
                                           const Caller& caller) {
  RelativeForm form = input;
  if (auto r = validate_change(form, true, false, d_.clock); !r) co_return std::move(r).error();
  auto existing = co_await store::profiles_of(d_.db, who.account_id);
  if (!existing) co_return std::move(existing).error();
  if (existing->size() > kMaxRelatives) {
    co_return Error::invalid("", "Vous avez atteint le nombre maximal de proches.",
                             "You have reached the maximum number of relatives.");
  }
  store::Profile created;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const auto now = d_.clock.unix_seconds();
    store::NewProfile p{random_base32(d_.random, 16),
                        who.account_id,
                        false,
                        *form.first_name,
                        *form.last_name,
                        form.birth_date,
                        form.sex,
                        *form.relationship};
    auto id = co_await store::insert_profile(tx, p, now);
    if (!id) co_return std::move(id).error();
    created = {*id,         p.public_id,  who.account_id, false,          p.first_name,
               p.last_name, p.birth_date, p.sex,          p.relationship, std::nullopt};
    const audit::Entry entry{who.account_id,
                             std::string(to_string(who.role)),
                             *id,
                             "profile.create",
                             p.public_id,
                             caller.ip,
                             ""};
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  co_return profile_json(created);
}

Task<Result<nlohmann::json>> Profiles::update(const Principal& who, const std::string& id,
                                              const RelativeForm& input, const Caller& caller) {
  auto p = co_await own(who, id);
  if (!p) co_return std::move(p).error();
  RelativeForm form = input;
  if (auto r = validate_change(form, false, p->is_holder, d_.clock); !r)
    co_return std::move(r).error();
  if (auto r = co_await check_change(*p, form); !r) co_return std::move(r).error();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    store::ProfileChange change{form.first_name, form.last_name, form.birth_date, form.sex,
                                form.relationship};
    if (auto r = co_await store::update_profile(tx, p->id, change, d_.clock.unix_seconds()); !r)
      co_return r;
    const audit::Entry entry{who.account_id,
                             std::string(to_string(who.role)),
                             p->id,
                             "profile.update",
                             p->public_id,
                             caller.ip,
                             ""};
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  auto fresh = co_await own(who, id);
  if (!fresh) co_return std::move(fresh).error();
  co_return profile_json(*fresh);
}

Task<Result<void>> Profiles::remove(const Principal& who, const std::string& id,
                                    const Caller& caller) {
  auto p = co_await own(who, id);
  if (!p) co_return std::move(p).error();
  if (p->is_holder) {
    co_return Error::invalid("",
                             "Votre propre profil ne se supprime pas ici : supprimez votre compte.",
                             "Your own profile is not removed here: delete your account instead.");
  }
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    const audit::Entry entry{who.account_id,
                             std::string(to_string(who.role)),
                             p->id,
                             "profile.delete",
                             p->public_id,
                             caller.ip,
                             ""};
    if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    auto removed = co_await store::delete_relative(tx, who.account_id, p->id);
    if (!removed) co_return std::move(removed).error();
    if (!*removed) co_return Error(ErrorCode::not_found);
    co_return ok();
  };
  co_return co_await d_.db.transact(body);
}

Task<Result<void>> Profiles::set_current(const Principal& who, const std::string& id) {
  auto p = co_await own(who, id);
  if (!p) co_return std::move(p).error();
  co_return co_await d_.sessions.set_profile(who.session_id, p->id);
}

Task<Result<nlohmann::json>> Profiles::administrative(const Principal& who, const std::string& id,
                                                      const Caller& caller) {
  auto p = co_await own(who, id);
  if (!p) co_return std::move(p).error();
  auto doc = open_administrative(d_.keys, p->administrative, p->public_id);
  if (!doc) co_return std::move(doc).error();
  if (auto r = co_await audited(who, *p, "profile.administrative.read", caller); !r)
    co_return std::move(r).error();
  co_return *doc;
}

Task<Result<nlohmann::json>> Profiles::set_administrative(const Principal& who,
                                                          const std::string& id,
                                                          const nlohmann::json& input,
                                                          const Caller& caller) {
  auto p = co_await own(who, id);
  if (!p) co_return std::move(p).error();
  auto doc = validate_administrative(input);
  if (!doc) co_return std::move(doc).error();
  if (auto r = co_await check_nir(who, *p, *doc); !r) co_return std::move(r).error();
  const auto sealed = seal_administrative(d_.keys, *doc, p->public_id);
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::set_administrative(tx, p->id, sealed, d_.clock.unix_seconds()); !r)
      co_return r;
    const audit::Entry entry{who.account_id,
                             std::string(to_string(who.role)),
                             p->id,
                             "profile.administrative.write",
                             p->public_id,
                             caller.ip,
                             ""};
    co_return co_await d_.audit.append(tx, entry);
  };
  if (auto r = co_await d_.db.transact(body); !r) co_return std::move(r).error();
  co_return *doc;
}

}  // namespace cabinet::accounts
