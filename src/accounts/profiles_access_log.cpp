// "Qui a consulté mon dossier" (SEC2): the audit entries of the account's profiles, each with
// who, what, when and from where in a sentence (accounts/access_log.cpp).
#include <map>
#include <set>

#include "accounts/access_log.hpp"
#include "accounts/profiles.hpp"
#include "accounts/store.hpp"
#include "practitioners/store.hpp"

namespace cabinet::accounts {
namespace {

// The guest an audit entry's detail names: "guest 12", "guest 12 (interpreter)", "invitation 12
// (guest)" (consultation/guests.cpp, live.cpp).
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
    if (e.action.starts_with("appointment.") || e.action.starts_with("consultation.") ||
        e.action == "health.documents.list" || e.action.starts_with("health.shares.")) {
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
  for (auto& [id, g] : *guest_names)
    g.name = crypto::open_name(d_.keys, g.sealed, g.token_hash, "guest_name").value_or("");

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
