// The health space's access rules (docs/health-space.md "Principles"): whose profile, which
// practitioner and until when. The features' routes are in files.cpp, listing.cpp, shares.cpp,
// practitioner.cpp and medical.cpp.
#include "health/service.hpp"

#include "agenda/local_time.hpp"
#include "audit/log.hpp"

namespace cabinet::health {
namespace {

// A result or a letter often comes after the call: its practitioner keeps access this long.
constexpr std::int64_t kFollowUp = 30LL * 24 * 3600;

}  // namespace

Service::Service(Deps deps) : d_(std::move(deps)), options_(d_.options) {}

audit::Entry health_entry(const Principal& who, std::int64_t profile, std::string action,
                          std::string object, std::string detail) {
  audit::Entry e;
  e.actor_account_id = who.account_id;
  e.actor_role = std::string(to_string(who.role));
  e.profile_id = profile;
  e.action = std::move(action);
  e.object = std::move(object);
  e.detail = std::move(detail);
  return e;
}

Task<Result<void>> Service::audited(const audit::Entry& entry) {
  co_return co_await d_.db.transact([this, &entry](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  });
}

std::string Service::today() const {
  return agenda::format_date(
      agenda::local_date(d_.clock.unix_seconds(), booking::zone_named("Europe/Paris")));
}

Task<Result<accounts::store::Profile>> Service::own_profile(
    const Principal& who, const std::optional<std::string>& profile) {
  if (who.role != Role::patient || who.account_id == 0) co_return Error(ErrorCode::not_found);
  auto profiles = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  for (auto& p : *profiles) {
    if (profile ? p.public_id == *profile : p.is_holder) co_return std::move(p);
  }
  // Another account's profile does not exist, for this caller.
  co_return Error(ErrorCode::not_found);
}

Task<Result<booking::View>> Service::practitioner_access(const Principal& who,
                                                         const std::string& id) {
  // Assistants keep the agenda, never the clinical side; another practitioner does not know
  // this consultation exists.
  if (who.role != Role::practitioner) co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.visible_to(who, id);
  if (!v) co_return Error(ErrorCode::not_found);
  if (v->a.practitioner_id != who.account_id) co_return Error(ErrorCode::not_found);
  const auto now = d_.clock.unix_seconds();
  const bool open = v->a.status == "confirmed";
  const bool recent =
      v->a.status == "done" && now <= v->a.ended_at.value_or(v->a.end_at) + kFollowUp;
  if (!open && !recent) co_return Error(ErrorCode::not_found);
  co_return std::move(*v);
}

}  // namespace cabinet::health
