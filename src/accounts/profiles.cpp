#include "accounts/profiles.hpp"

#include <map>
#include <set>

#include "accounts/access_log.hpp"
#include "accounts/access_store.hpp"
#include "accounts/administrative.hpp"
#include "accounts/nir.hpp"
#include "agenda/local_time.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

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
  if (f.first_name) {
    auto v = validate::person_name(*f.first_name);
    if (!v) return http::invalid_field("first_name", "Prénom invalide.", "Invalid first name.");
    f.first_name = *v;
  }
  if (f.last_name) {
    auto v = validate::person_name(*f.last_name);
    if (!v) return http::invalid_field("last_name", "Nom invalide.", "Invalid last name.");
    f.last_name = *v;
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

std::chrono::year_month_day today_of(const Clock& clock) {
  return std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(clock.now()));
}

// The field of a profile change that conflicts with its saved NIR: the one the person touched.
std::string changed_field(const RelativeForm& f) {
  if (f.birth_date) return "birth_date";
  if (f.sex) return "sex";
  return "relationship";
}

// The guest an audit entry's detail names: "guest 12", "guest 12 (interpreter)", "invitation 12
// (guest)" (booking/guests.cpp, room_messages.cpp).
std::optional<std::int64_t> guest_in(std::string_view detail) {
  for (std::string_view prefix : {"guest ", "invitation "}) {
    if (!detail.starts_with(prefix)) continue;
    std::int64_t id = 0;
    bool digits = false;
    for (char c : detail.substr(prefix.size())) {
      if (c < '0' || c > '9') break;
      id = id * 10 + (c - '0');
      digits = true;
    }
    if (digits) return id;
  }
  return std::nullopt;
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

Task<Result<std::optional<std::string>>> Profiles::holder_nir(const Principal& who) {
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  for (const auto& p : *profiles) {
    if (!p.is_holder) continue;
    auto doc = open_administrative(d_.keys, p.administrative, p.public_id);
    if (!doc) co_return std::move(doc).error();
    if ((*doc)["nir"].is_string() && (*doc)["nir_owner"] == "self")
      co_return std::optional((*doc)["nir"].get<std::string>());
  }
  co_return std::optional<std::string>{};
}

Task<Result<void>> Profiles::check_nir(const Principal& who, const store::Profile& p,
                                       nlohmann::json& doc) {
  if (!doc["nir"].is_string()) co_return ok();
  const auto nir = doc["nir"].get<std::string>();
  const auto today = today_of(d_.clock);
  const auto mismatch = nir_mismatch(nir, NirPerson{p.sex, p.birth_date}, today);
  if (!mismatch) {
    doc["nir_owner"] = "self";
    co_return ok();
  }
  const bool child = !p.is_holder && may_carry_holder_nir(p.relationship, p.birth_date, today);
  if (child) {
    auto holder = co_await holder_nir(who);
    if (!holder) co_return std::move(holder).error();
    if (*holder == nir) {
      doc["nir_owner"] = "account_holder";  // an ayant droit, covered under the parent's number
      co_return ok();
    }
    co_return http::invalid_field(
        "nir",
        mismatch->message_fr +
            " Un enfant sans numéro propre peut porter le vôtre, tel qu'il figure sur votre "
            "profil.",
        mismatch->message_en +
            " A child without a number of their own may carry yours, as it is on your profile.");
  }
  co_return http::invalid_field("nir", mismatch->message_fr, mismatch->message_en);
}

Task<Result<void>> Profiles::check_change(const store::Profile& p, const RelativeForm& f) {
  if ((!f.birth_date && !f.sex && !f.relationship) || !p.administrative) co_return ok();
  auto doc = open_administrative(d_.keys, p.administrative, p.public_id);
  if (!doc) co_return std::move(doc).error();
  if (!(*doc)["nir"].is_string()) co_return ok();
  const NirPerson after{f.sex ? f.sex : p.sex, f.birth_date ? f.birth_date : p.birth_date};
  const auto relationship = f.relationship.value_or(p.relationship);
  const auto today = today_of(d_.clock);
  if ((*doc)["nir_owner"] == "account_holder") {
    if (may_carry_holder_nir(relationship, after.birth_date, today)) co_return ok();
    co_return http::invalid_field(
        changed_field(f),
        "Ce profil porte votre numéro de sécurité sociale, possible seulement pour un enfant "
        "mineur : indiquez d'abord son propre numéro.",
        "This profile carries your social security number, which only a minor child may: "
        "enter their own number first.");
  }
  const auto mismatch =
      nir_mismatch((*doc)["nir"].get<std::string>(), after, today, NirCheck::profile_change);
  if (!mismatch) co_return ok();
  co_return http::invalid_field(changed_field(f), mismatch->message_fr, mismatch->message_en);
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

Task<Result<nlohmann::json>> Profiles::access_log(const Principal& who, Locale locale,
                                                  std::int64_t limit) {
  auto profiles = co_await store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, const store::Profile*> by_id;
  for (const auto& p : *profiles) {
    ids.push_back(p.id);
    by_id[p.id] = &p;
  }
  auto entries = co_await audit::entries_for_profiles(d_.db, ids, limit);
  if (!entries) co_return std::move(entries).error();

  // What the sentences need beyond the entries: consultation days and guests' names.
  std::set<std::string> appointment_set;
  std::set<std::int64_t> guest_set;
  for (const auto& e : *entries) {
    if (e.action.starts_with("appointment.") || e.action.starts_with("consultation.")) {
      appointment_set.insert(e.object);
    }
    if (auto g = guest_in(e.detail)) guest_set.insert(*g);
  }
  const std::vector<std::string> appointments(appointment_set.begin(), appointment_set.end());
  const std::vector<std::int64_t> guests(guest_set.begin(), guest_set.end());
  auto starts = co_await store::appointment_starts(d_.db, appointments);
  if (!starts) co_return std::move(starts).error();
  auto guest_names = co_await store::guests_by_id(d_.db, guests);
  if (!guest_names) co_return std::move(guest_names).error();

  const auto* paris = agenda::zone("Europe/Paris");
  const int this_year = agenda::local_date(d_.clock.unix_seconds(), paris).year;
  std::map<std::int64_t, std::string> names;      // actor account -> display name
  std::map<std::int64_t, std::string> employers;  // assistant account -> "Dr …"
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : *entries) {
    AccessFacts f;
    f.action = e.action;
    f.detail = e.detail;
    f.this_year = this_year;
    const auto* profile = e.profile_id ? by_id[*e.profile_id] : nullptr;
    f.own_profile = profile == nullptr || profile->is_holder;
    f.profile_name = profile ? profile->first_name : "";
    std::string actor_name;
    if (e.actor_account_id && *e.actor_account_id == who.account_id) {
      f.actor = ActorKind::self;
      actor_name = locale == Locale::en ? "You" : "Vous";
    } else if (e.actor_account_id) {
      auto it = names.find(*e.actor_account_id);
      if (it == names.end()) {
        auto name = co_await store::holder_name(d_.db, *e.actor_account_id);
        if (!name) co_return std::move(name).error();
        const auto prefix = e.actor_role == "practitioner" ? std::string("Dr ") : std::string();
        it = names.emplace(*e.actor_account_id, prefix + name->value_or("")).first;
      }
      actor_name = it->second;
      f.actor = e.actor_role == "practitioner" ? ActorKind::practitioner
                : e.actor_role == "assistant"  ? ActorKind::assistant
                : e.actor_role == "operator"   ? ActorKind::operator_
                                               : ActorKind::patient;
      if (f.actor == ActorKind::practitioner) f.actor_name = actor_name;
      if (f.actor == ActorKind::assistant) {
        auto employer = employers.find(*e.actor_account_id);
        if (employer == employers.end()) {
          auto of = co_await practitioner_of(*e.actor_account_id);
          if (!of) co_return std::move(of).error();
          employer = employers.emplace(*e.actor_account_id, *of).first;
        }
        f.assistant_of = employer->second;
      }
    } else if (e.actor_role == "guest") {
      f.actor = ActorKind::guest;
    }
    if (auto g = guest_in(e.detail)) {
      const auto found = guest_names->find(*g);
      if (found != guest_names->end()) {
        if (f.actor == ActorKind::guest) {
          f.actor_name = found->second.name;
          f.guest_kind = found->second.kind;
          actor_name = found->second.name;
        } else {
          f.admitted_guest = found->second.name;
        }
      }
    }
    nlohmann::json consultation = nullptr;
    if (const auto start = starts->find(e.object); start != starts->end()) {
      const auto day = agenda::local_date(start->second, paris);
      f.consultation = day;
      consultation = {{"id", e.object}, {"start_at", start->second}};
    }
    nlohmann::json actor{
        {"name", actor_name}, {"role", e.actor_role}, {"kind", std::string(to_string(f.actor))}};
    if (!f.guest_kind.empty()) actor["guest_kind"] = f.guest_kind;
    if (!f.assistant_of.empty()) actor["assistant_of"] = f.assistant_of;
    // Someone else is shown by their network, not their exact address; the patient by theirs.
    nlohmann::json from = nullptr;
    if (!e.ip.empty()) {
      from = f.actor == ActorKind::self ? nlohmann::json{{"ip", e.ip}}
                                        : nlohmann::json{{"network", network_of(e.ip)}};
    }
    out.push_back({{"at", e.at},
                   {"day", agenda::format_date(agenda::local_date(e.at, paris))},
                   {"actor", actor},
                   {"action", e.action},
                   {"object", e.object},
                   {"known_action", known_action(e.action)},
                   {"sentence", access_sentence(f, locale)},
                   {"consultation", consultation},
                   {"from", from},
                   {"profile", profile ? nlohmann::json{{"id", profile->public_id},
                                                        {"name", profile->first_name + " " +
                                                                     profile->last_name}}
                                       : nlohmann::json(nullptr)}});
  }
  co_return out;
}

Task<Result<std::string>> Profiles::practitioner_of(std::int64_t assistant) {
  auto link = co_await practitioners::store::assistant_link(d_.db, assistant);
  if (!link) co_return std::move(link).error();
  if (!*link) co_return std::string();
  auto p = co_await practitioners::store::by_account(d_.db, (*link)->practitioner_id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return std::string();
  co_return "Dr " + (*p)->first_name + " " + (*p)->last_name;
}

}  // namespace cabinet::accounts
