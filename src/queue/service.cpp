// The queue as patients see it (docs/queue.md): the list of queues, the live entry and its
// pushes, leaving. Joining is in join.cpp, the practitioners' side in take.cpp, the sweep in
// sweep.cpp.
#include "queue/service.hpp"

#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "booking/appointments.hpp"
#include "payments/provider.hpp"
#include "practitioners/specialties.hpp"
#include "queue/internal.hpp"
#include "realtime/hub.hpp"

namespace cabinet::queue {

std::string entry_room(const std::string& entry_public_id) { return "queue:" + entry_public_id; }
std::string staff_room(const std::string& specialty) { return "queue-staff:" + specialty; }

const date::time_zone* paris() { return booking::zone_named("Europe/Paris"); }

nlohmann::json range_json(const std::optional<std::array<int, 2>>& r) {
  if (!r) return nullptr;
  return nlohmann::json::array({(*r)[0], (*r)[1]});
}

std::string public_state(const store::Entry& e) {
  if (e.state == "joining" || e.state == "waiting") return "waiting";
  if (e.state == "called") return "called";
  if (e.state == "taken") return e.appointment_status == "done" ? "done" : "in_consultation";
  return e.state;  // left, removed
}

bool Service::has_queue(const std::string& specialty) const {
  const auto o = options();
  const auto& s = o->specialties;
  return std::find(s.begin(), s.end(), specialty) != s.end();
}

int Service::price_of(const std::string& specialty) const {
  if (const auto price = options()->price_cents; price > 0) return price;
  const auto today = agenda::format_date(agenda::local_date(d_.clock.unix_seconds(), paris()));
  return billing::sector_1_ceiling(specialty, "video", today).value_or(2500);
}

Task<Result<Service::Numbers>> Service::numbers(const std::string& specialty) {
  Numbers n;
  auto waiting = co_await store::waiting(d_.db, specialty);
  if (!waiting) co_return std::move(waiting).error();
  n.waiting = std::move(*waiting);
  auto duty = co_await store::on_duty(d_.db, specialty);
  if (!duty) co_return std::move(duty).error();
  n.duty = std::move(*duty);
  const auto now = d_.clock.unix_seconds();
  {
    const std::lock_guard lock(service_mutex_);
    auto it = service_.find(specialty);
    if (it != service_.end() && now - it->second.first < 60) {
      n.service_seconds = it->second.second;
      co_return n;
    }
  }
  auto samples = co_await store::service_times(d_.db, specialty, 50);
  if (!samples) co_return std::move(samples).error();
  n.service_seconds = median_service(std::move(*samples), options()->default_service.count());
  const std::lock_guard lock(service_mutex_);
  service_[specialty] = {now, n.service_seconds};
  co_return n;
}

std::optional<std::array<int, 2>> Service::Numbers::estimate(int position) const {
  return estimate_minutes(position, static_cast<int>(duty.size()), service_seconds);
}

int Service::Numbers::position_of(std::int64_t entry) const {
  for (std::size_t i = 0; i < waiting.size(); ++i)
    if (waiting[i].id == entry) return static_cast<int>(i) + 1;
  return 0;
}

Task<Result<nlohmann::json>> Service::queues(Locale locale) {
  const auto now = d_.clock.unix_seconds();
  auto items = nlohmann::json::array();
  const auto current = options();
  for (const auto& specialty : current->specialties) {
    auto n = co_await numbers(specialty);
    if (!n) co_return std::move(n).error();
    const auto o = opening(current->hours, now, paris());
    const auto* sp = practitioners::find_specialty(specialty);
    const auto waiting = static_cast<int>(n->waiting.size());
    items.push_back({{"specialty", specialty},
                     {"label", sp ? nlohmann::json(sp->name(locale)) : nlohmann::json(specialty)},
                     {"open", o.open},
                     {"opens_at", agenda::iso(o.opens_at, paris())},
                     {"closes_at", agenda::iso(o.closes_at, paris())},
                     {"waiting", waiting},
                     {"on_duty", n->duty.size()},
                     {"estimate_minutes", range_json(n->estimate(waiting + 1))},
                     {"fee_cents", current->fee_cents},
                     {"price_cents", price_of(specialty)}});
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<void>> Service::audited(std::int64_t actor, const std::string& role,
                                    std::optional<std::int64_t> profile, const std::string& action,
                                    const std::string& object, const std::string& detail) {
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    audit::Entry entry;
    entry.actor_account_id = actor;
    entry.actor_role = role;
    entry.profile_id = profile;
    entry.action = action;
    entry.object = object;
    entry.detail = detail;
    co_return co_await d_.audit.append(tx, entry);
  });
}

Task<Result<store::Entry>> Service::own(const Principal& who, const std::string& id) {
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto e = co_await store::find(d_.db, id);
  if (!e) co_return std::move(e).error();
  // Someone else's entry does not exist, for this caller.
  if (!*e || (*e)->account_id != who.account_id) co_return Error(ErrorCode::not_found);
  co_return std::move(**e);
}

Task<Result<nlohmann::json>> Service::entry_json(const store::Entry& e, Locale locale) {
  auto n = co_await numbers(e.specialty);
  if (!n) co_return std::move(n).error();
  const auto* sp = practitioners::find_specialty(e.specialty);
  const auto position = e.state == "waiting" ? n->position_of(e.id) : 0;
  const Place here{e.department, e.lat, e.lng};
  bool any_near = false;
  for (const auto& d : n->duty)
    if (near(here, Place{d.department, d.lat, d.lng}, options()->near_km)) any_near = true;
  auto opt_iso = [](const std::optional<std::int64_t>& t) -> nlohmann::json {
    if (!t) return nullptr;
    return agenda::iso(*t, paris());
  };
  std::optional<std::int64_t> answer_by;
  if (e.state == "called" && e.called_at)
    answer_by = *e.called_at + options()->answer_window.count();
  nlohmann::json card = nullptr;
  if (e.card_brand) card = {{"brand", *e.card_brand}, {"last4", e.card_last4.value_or("")}};
  co_return nlohmann::json{
      {"id", e.public_id},
      {"specialty", e.specialty},
      {"label", sp ? nlohmann::json(sp->name(locale)) : nlohmann::json(e.specialty)},
      {"profile",
       {{"id", e.profile_public_id}, {"first_name", e.first_name}, {"last_name", e.last_name}}},
      {"state", public_state(e)},
      {"position", position > 0 ? nlohmann::json(position) : nlohmann::json(nullptr)},
      {"estimate_minutes", position > 0 ? range_json(n->estimate(position)) : nullptr},
      {"on_duty", n->duty.size()},
      {"near", n->duty.empty() ? "none" : (any_near ? "near" : "distant")},
      {"consultation_id", e.state == "called" || e.state == "taken"
                              ? nlohmann::json(e.appointment_public_id.value_or(""))
                              : nlohmann::json(nullptr)},
      {"skipped", e.skips > 0},
      {"price_cents", e.price_cents},
      {"fee_cents", e.fee_cents},
      {"hold_cents", e.price_cents + e.fee_cents},
      {"card", card},
      // held, voided, transferred (to the appointment), failed: "empreinte annulée" says the truth.
      {"hold_state", e.hold_state},
      {"joined_at", agenda::iso(e.joined_at, paris())},
      {"called_at", opt_iso(e.called_at)},
      {"answer_by", opt_iso(answer_by)},
      {"end_reason", e.end_reason ? nlohmann::json(*e.end_reason) : nlohmann::json(nullptr)}};
}

Task<Result<nlohmann::json>> Service::entries(const Principal& who, Locale locale) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  auto live = co_await store::live_of(d_.db, who.account_id);
  if (!live) co_return std::move(live).error();
  auto items = nlohmann::json::array();
  for (const auto& e : *live) {
    auto j = co_await entry_json(e, locale);
    if (!j) co_return std::move(j).error();
    items.push_back(std::move(*j));
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<nlohmann::json>> Service::entry(const Principal& who, const std::string& id,
                                            Locale locale) {
  auto e = co_await own(who, id);
  if (!e) co_return std::move(e).error();
  co_return co_await entry_json(*e, locale);
}

Task<Result<void>> Service::leave(const Principal& who, const std::string& id) {
  auto e = co_await own(who, id);
  if (!e) co_return std::move(e).error();
  if (e->state == "left" || e->state == "removed") co_return ok();  // already out
  if (e->state == "taken")
    co_return Error(ErrorCode::conflict)
        .with_message("La consultation a commencé : quittez-la depuis la salle.",
                      "The consultation has begun: leave it from the room.");
  auto finished = co_await finish(*e, "left", "left");
  if (!finished) co_return std::move(finished).error();
  (void)co_await audited(who.account_id, "patient", e->profile_id, "queue.leave", e->public_id, "");
  (void)co_await broadcast(e->specialty);
  co_return ok();
}

Task<Result<void>> Service::void_hold(const store::Entry& e) {
  if (e.hold_state != "held" || !e.hold_id) co_return ok();
  auto voided = co_await d_.provider.void_hold(*e.hold_id);
  if (!voided) co_return std::move(voided).error();
  co_return co_await store::set_hold_state(d_.db, e.id, "voided", d_.clock.unix_seconds());
}

Task<Result<bool>> Service::finish(const store::Entry& e, const std::string& state,
                                   const std::string& reason) {
  const auto now = d_.clock.unix_seconds();
  auto ended = co_await store::end(d_.db, e.id, state, reason, now);
  if (!ended) co_return std::move(ended).error();
  if (!*ended) co_return false;
  // Called but not in the room yet: the appointment made for it goes, the agenda is free.
  if (e.state == "called" && e.appointment_id) {
    if (auto r = co_await cancel_appointment(*e.appointment_id); !r) co_return std::move(r).error();
  }
  // Never charged when not taken (NOW2, PAY3).
  if (auto r = co_await void_hold(e); !r) co_return std::move(r).error();
  notify_entry(e, nlohmann::json{{"type", "queue"},
                                 {"entry", e.public_id},
                                 {"state", state},
                                 {"position", nullptr},
                                 {"estimate_minutes", nullptr},
                                 {"end_reason", reason}});
  co_return true;
}

void Service::notify_entry(const store::Entry& e, const nlohmann::json& message) {
  d_.hub.broadcast(entry_room(e.public_id), message.dump());
}

Task<Result<void>> Service::broadcast(const std::string& specialty, bool positions) {
  d_.hub.broadcast(staff_room(specialty), nlohmann::json{{"type", "queue_staff"}}.dump());
  if (!positions) co_return ok();
  std::uint64_t mine = 0;
  {
    const std::lock_guard lock(pushed_mutex_);
    mine = ++pushed_[specialty].started;
  }
  auto n = co_await numbers(specialty);
  if (!n) co_return std::move(n).error();
  const auto on_duty = n->duty.size();
  const std::lock_guard lock(pushed_mutex_);
  auto& pushed = pushed_[specialty];
  // A newer list went out while this one was read: this one is stale.
  if (mine < pushed.sent) co_return ok();
  pushed.sent = mine;
  std::map<std::string, std::string> last;
  for (std::size_t i = 0; i < n->waiting.size(); ++i) {
    const auto& e = n->waiting[i];
    const auto room = entry_room(e.public_id);
    // Only the entries someone watches here are worth the message.
    if (d_.hub.room_size(room) == 0) continue;
    const auto position = static_cast<int>(i) + 1;
    auto message = nlohmann::json{
        {"type", "queue"},
        {"entry", e.public_id},
        {"state", "waiting"},
        {"position", position},
        {"estimate_minutes", range_json(n->estimate(position))},
        {"on_duty", on_duty},
        {"skipped",
         e.skips > 0}}.dump();
    const auto before = pushed.last.find(e.public_id);
    if (before == pushed.last.end() || before->second != message) d_.hub.broadcast(room, message);
    last.emplace(e.public_id, std::move(message));
  }
  pushed.last = std::move(last);
  co_return ok();
}

Task<Result<void>> Service::watch(realtime::Connection& c, const std::string& id) {
  const auto& who = c.principal();
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  auto e = co_await own(who, id);
  if (!e) co_return std::move(e).error();
  d_.hub.join(entry_room(e->public_id), c.id());
  const std::vector<std::int64_t> seen(1, e->id);
  (void)co_await store::touch(d_.db, seen, d_.clock.unix_seconds());
  auto j = co_await entry_json(*e, c.locale());
  if (!j) co_return std::move(j).error();
  nlohmann::json message{{"type", "queue"},
                         {"entry", e->public_id},
                         {"state", (*j)["state"]},
                         {"position", (*j)["position"]},
                         {"estimate_minutes", (*j)["estimate_minutes"]},
                         {"on_duty", (*j)["on_duty"]},
                         {"skipped", (*j)["skipped"]}};
  if (e->end_reason) message["end_reason"] = *e->end_reason;
  c.send(message.dump());
  if (e->state == "called" && e->appointment_public_id)
    c.send(nlohmann::json{
        {"type", "called"}, {"entry", e->public_id}, {"consultation_id", *e->appointment_public_id}}
               .dump());
  co_return ok();
}

}  // namespace cabinet::queue
