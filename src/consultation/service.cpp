// What a participant sees of a teleconsultation over REST (docs/consultation.md): who may see it,
// its status from the room, the practitioner's, patient's and guest's views, and the day's list.
#include "consultation/service.hpp"

#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "consultation/store.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"

namespace cabinet::consultation {

using booking::practitioner_name;
using booking::zone_named;
namespace {

constexpr std::int64_t kLateNotice = 20L * 60;  // "stay reachable by phone" (seed 000)

}  // namespace

Service::Service(Deps deps)
    : d_(std::move(deps)), options_(d_.options), rooms_(d_.hub, d_.options.max_participants) {
  d_.appointments.on_closed([this](const std::string& id) { closed(id); });
}

Error not_open(const Options& options) {
  return Error(ErrorCode::not_open)
      .with("minutes", std::to_string(options.room_opens.count() / 60));
}

Error room_full(const Options& options) {
  return Error(ErrorCode::room_full).with("participants", std::to_string(options.max_participants));
}

Task<Result<void>> Service::audited(const audit::Entry& entry) {
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  });
}

Task<Result<Access>> Service::access(const Principal& who, const std::string& id) {
  if (who.guest) co_return co_await guest_access(who, id);
  Access out;
  auto v = co_await d_.appointments.visible_to(who, id);
  if (!v) co_return std::move(v).error();
  out.v = std::move(*v);
  out.role = std::string(to_string(who.role));
  // Only a confirmed (or finished) video appointment has a room.
  if (out.v.a.mode != "video" || (out.v.a.status != "confirmed" && out.v.a.status != "done"))
    co_return Error(ErrorCode::not_found);
  co_return out;
}

std::string Service::room_status(const View& v) const {
  if (v.a.status == "done") return "completed";
  if (rooms_.admitted(v.a.public_id)) return "in_call";
  return has_patient(rooms_.in(v.a.public_id)) ? "waiting" : "scheduled";
}

nlohmann::json Service::consultation_json(const View& v, const std::string& role,
                                          Locale locale) const {
  const auto now = d_.clock.unix_seconds();
  const auto base = d_.appointments.to_json(v, locale);
  const auto people = rooms_.in(v.a.public_id);
  const auto status = room_status(v);
  nlohmann::json out{{"id", v.a.public_id},
                     {"status", status},
                     {"start", base["start"]},
                     {"end", base["end"]},
                     {"opens_at", agenda::iso(v.a.start_at - options()->room_opens.count(),
                                              zone_named(v.timezone))},
                     {"role", role},
                     {"practitioner",
                      {{"id", v.practitioner_public_id},
                       {"name", base["practitioner"]["name"]},
                       {"connected", has_practitioner(people)}}},
                     {"patient",
                      {{"first_name", v.profile_first_name},
                       {"last_name", v.profile_last_name},
                       {"birth_date", v.profile_birth_date ? nlohmann::json(*v.profile_birth_date)
                                                           : nlohmann::json(nullptr)}}},
                     {"waiting", status == "waiting"},
                     {"late_notice", status == "waiting" && now >= v.a.start_at + kLateNotice},
                     {"price_cents", v.a.price_cents},
                     {"payment", base["payment"]},
                     {"started_at", v.a.started_at ? nlohmann::json(*v.a.started_at) : nullptr},
                     {"motif", base["motif"]}};
  if (v.a.started_at && v.a.ended_at) {
    out["ended_at"] = *v.a.ended_at;
    out["duration_seconds"] = *v.a.ended_at - *v.a.started_at;
  }
  out["opens_in_seconds"] =
      std::max<std::int64_t>(0, v.a.start_at - options()->room_opens.count() - now);
  return out;
}

Task<Result<nlohmann::json>> Service::consultation(const Principal& who, const std::string& id,
                                                   Locale locale) {
  auto a = co_await access(who, id);
  if (!a) co_return std::move(a).error();
  if (a->guest) co_return guest_view(a->v, *a);
  auto out = consultation_json(a->v, a->role, locale);
  auto phone = co_await phone_fallback_json(a->v.a.id, false);
  if (!phone) co_return std::move(phone).error();
  out["phone_fallback"] = std::move(*phone);
  co_return out;
}

// What a guest sees: when, with whom, and who is in the room; nothing of the patient's record
// (no birth date, motif, price or payment).
nlohmann::json Service::guest_view(const View& v, const Access& a) const {
  const auto now = d_.clock.unix_seconds();
  const auto base = d_.appointments.to_json(v, Locale::fr);
  const auto people = rooms_.in(v.a.public_id);
  const auto opens = v.a.start_at - options()->room_opens.count();
  nlohmann::json out{
      {"id", v.a.public_id},
      {"status", room_status(v)},
      {"start", base["start"]},
      {"end", base["end"]},
      {"opens_at", agenda::iso(opens, zone_named(v.timezone))},
      {"opens_in_seconds", std::max<std::int64_t>(0, opens - now)},
      {"role", "guest"},
      {"guest",
       {{"id", a.guest->id},
        {"name", a.guest->name},
        {"kind", a.guest->kind},
        {"admitted", a.admitted}}},
      {"practitioner",
       {{"id", v.practitioner_public_id},
        {"name", practitioner_name(v)},
        {"connected", has_practitioner(people)}}},
      {"patient", {{"first_name", v.profile_first_name}, {"last_name", v.profile_last_name}}},
      {"participants", Rooms::to_json(people)},
      {"started_at", v.a.started_at ? nlohmann::json(*v.a.started_at) : nullptr}};
  return out;
}

Task<Result<nlohmann::json>> Service::consultations_of_day(const Principal& who,
                                                           const std::string& date, Locale locale) {
  auto owner = co_await practitioners::store::agenda_owner(d_.db, who);
  if (!owner) co_return std::move(owner).error();
  const auto* paris = agenda::zone("Europe/Paris");
  const auto now = d_.clock.unix_seconds();
  auto day =
      date.empty() ? std::optional(agenda::local_date(now, paris)) : agenda::parse_date(date);
  if (!day) co_return http::invalid_field("date", "Date invalide.", "Invalid date.");
  // A margin of a day on each side covers every time zone; each view is kept by its own date.
  const auto midnight = agenda::to_instant_lenient(*day, 0, paris);
  const auto from = midnight - 86400;
  const auto to = midnight + 2L * 86400;
  auto views = co_await d_.appointments.of_practitioner(*owner, from, to);
  if (!views) co_return std::move(views).error();
  auto phones = co_await store::latest_incidents(d_.db, *owner, from, to, "phone_fallback");
  if (!phones) co_return std::move(phones).error();
  nlohmann::json items = nlohmann::json::array();
  const std::string role(to_string(who.role));
  const bool today = *day == agenda::local_date(now, paris);
  for (const auto& v : *views) {
    if (v.a.mode != "video" || (v.a.status != "confirmed" && v.a.status != "done")) continue;
    // Around midnight today's list also holds what is live now: a room already open for a
    // consultation just after midnight (a patient may be waiting in it), or one begun before
    // midnight and not closed yet.
    const bool live = today && v.a.status == "confirmed" &&
                      v.a.start_at - options()->room_opens.count() <= now &&
                      (now < v.a.end_at || v.a.started_at);
    if (agenda::local_date(v.a.start_at, zone_named(v.timezone)) != *day && !live) continue;
    auto item = consultation_json(v, role, locale);
    const auto phone = phones->find(v.a.id);
    item["phone_fallback"] =
        phone == phones->end()
            ? nlohmann::json(nullptr)
            : nlohmann::json{{"at", phone->second.at}, {"cause", phone->second.cause}};
    items.push_back(std::move(item));
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

}  // namespace cabinet::consultation
