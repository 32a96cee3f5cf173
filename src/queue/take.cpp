// The practitioners' side of the queue (docs/queue.md): duty, the queue as they see it (age,
// reason, waiting time, near or not: nothing else before taking), taking the next patient into
// a consultation room, and the patient answering the call.
#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "booking/jobs_store.hpp"
#include "booking/ledger_store.hpp"
#include "booking/store.hpp"
#include "crypto/keyring.hpp"
#include "directory/store.hpp"
#include "http/input.hpp"
#include "practitioners/specialties.hpp"
#include "queue/internal.hpp"
#include "realtime/hub.hpp"

namespace cabinet::queue {
namespace {

constexpr int kMotifMinutes = 15;

}  // namespace

Task<Result<nlohmann::json>> Service::staff_json(std::int64_t practitioner, Locale locale) {
  auto pr = co_await store::practitioner(d_.db, practitioner);
  if (!pr) co_return std::move(pr).error();
  if (!*pr) co_return Error(ErrorCode::forbidden);
  const auto& me = **pr;
  const auto* sp = practitioners::find_specialty(me.specialty);
  std::string why_not;
  if (me.status != "verified")
    why_not = locale == Locale::en ? "Your account has not been verified yet."
                                   : "Votre compte n'a pas encore été vérifié.";
  else if (!has_queue(me.specialty))
    why_not = locale == Locale::en ? "No immediate queue for your specialty."
                                   : "Pas de file de consultation immédiate pour votre spécialité.";
  else if (!me.video)
    why_not = locale == Locale::en ? "Turn on teleconsultation in your profile first."
                                   : "Activez d'abord la téléconsultation dans votre profil.";
  else if (!me.department || !me.lat)
    why_not = locale == Locale::en
                  ? "Add your practice address to your profile first."
                  : "Indiquez d'abord l'adresse de votre cabinet dans votre profil.";
  auto duty = co_await store::duty_of(d_.db, practitioner);
  if (!duty) co_return std::move(duty).error();
  auto motif = co_await store::immediate_motif(d_.db, practitioner);
  if (!motif) co_return std::move(motif).error();
  nlohmann::json out{
      {"on_duty", duty->has_value()},
      {"eligible", why_not.empty()},
      {"specialty", me.specialty},
      {"label", sp ? nlohmann::json(sp->name(locale)) : nlohmann::json(me.specialty)},
      {"open", opening(options()->hours, d_.clock.unix_seconds(), paris()).open},
      {"motif", nullptr},
      {"waiting", 0},
      {"on_duty_count", 0},
      {"items", nlohmann::json::array()},
      {"current", nlohmann::json::array()}};
  if (!why_not.empty()) out["ineligible_reason"] = why_not;
  if (*motif)
    out["motif"] = {{"id", (*motif)->public_id},
                    {"label", (*motif)->label},
                    {"price_cents", (*motif)->price_cents}};
  if (!has_queue(me.specialty)) co_return out;
  auto n = co_await numbers(me.specialty);
  if (!n) co_return std::move(n).error();
  out["waiting"] = n->waiting.size();
  out["on_duty_count"] = n->duty.size();
  const auto now = d_.clock.unix_seconds();
  const Place doctor{me.department.value_or(""), me.lat.value_or(0), me.lng.value_or(0)};
  std::vector<Place> duty_places;
  for (const auto& d : n->duty) duty_places.push_back(Place{d.department, d.lat, d.lng});
  auto items = nlohmann::json::array();
  for (const auto& e : n->waiting) {
    auto reason = d_.keys.open(e.sealed_reason, reason_context(e.public_id));
    if (!reason) co_return std::move(reason).error();
    // The reason is what the patient said of their health: its first reading by each
    // practitioner is audited (re-reads on every change of the queue are not repeated).
    bool first = false;
    {
      const std::lock_guard lock(seen_mutex_);
      first = seen_.insert({practitioner, e.id}).second;
    }
    if (first) {
      auto logged = co_await audited(practitioner, "practitioner", e.profile_id,
                                     "queue.reason.read", e.public_id, "");
      if (!logged) co_return std::move(logged).error();
    }
    const Place here{e.department, e.lat, e.lng};
    const bool is_near = near(here, doctor, options()->near_km);
    // Left for a practitioner near them a while (their consultation stays reimbursable).
    const std::vector<Waiting> one{Waiting{e.id, e.joined_at, here}};
    const bool takeable = next_for(one, doctor, duty_places, now, options()->near_priority.count(),
                                   options()->near_km)
                              .has_value();
    items.push_back({{"id", e.public_id},
                     {"age_years", e.age_years},
                     {"reason", *reason},
                     {"waited_minutes", std::max<std::int64_t>(0, (now - e.joined_at) / 60)},
                     {"joined_at", agenda::iso(e.joined_at, paris())},
                     {"near", is_near},
                     {"reserved", !takeable},
                     {"skipped", e.skips > 0}});
  }
  out["items"] = std::move(items);
  auto current = co_await store::current_of(d_.db, practitioner);
  if (!current) co_return std::move(current).error();
  auto list = nlohmann::json::array();
  for (const auto& e : *current)
    list.push_back({{"entry", e.public_id},
                    {"consultation_id", e.appointment_public_id.value_or("")},
                    {"state", public_state(e)}});
  out["current"] = std::move(list);
  co_return out;
}

Task<Result<void>> Service::watch_staff(realtime::Connection& c) {
  const auto& who = c.principal();
  if (who.role != Role::practitioner) co_return Error(ErrorCode::forbidden);
  auto pr = co_await store::practitioner(d_.db, who.account_id);
  if (!pr) co_return std::move(pr).error();
  if (!*pr || !has_queue((*pr)->specialty)) co_return Error(ErrorCode::not_found);
  d_.hub.join(staff_room((*pr)->specialty), c.id());
  c.send(nlohmann::json{{"type", "queue_staff"}}.dump());
  co_return ok();
}

Task<Result<nlohmann::json>> Service::staff(const Principal& who, Locale locale) {
  if (who.role != Role::practitioner) co_return Error(ErrorCode::forbidden);
  co_return co_await staff_json(who.account_id, locale);
}

Task<Result<nlohmann::json>> Service::set_duty(const Principal& who, const nlohmann::json& body,
                                               Locale locale) {
  if (who.role != Role::practitioner) co_return Error(ErrorCode::forbidden);
  const http::Input in(body);
  auto on = in.optional_bool("on");
  if (!on) co_return std::move(on).error();
  if (!*on) co_return http::missing_field("on");
  auto view = co_await staff_json(who.account_id, locale);
  if (!view) co_return std::move(view).error();
  const auto now = d_.clock.unix_seconds();
  const std::string specialty = (*view)["specialty"];
  if (**on) {
    if (!(*view)["eligible"].get<bool>())
      co_return Error(ErrorCode::forbidden)
          .with_message((*view)["ineligible_reason"].get<std::string>(),
                        (*view)["ineligible_reason"].get<std::string>());
    // The queue's motif: priced at the queue's price, archived so that it is never booked.
    const auto price = price_of(specialty);
    auto motif = co_await store::immediate_motif(d_.db, who.account_id);
    if (!motif) co_return std::move(motif).error();
    auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
      if (!*motif) {
        store::Motif m;
        m.public_id = "m" + random_base32(d_.random, 12);
        m.label = "Consultation immédiate";
        m.duration_min = kMotifMinutes;
        m.price_cents = price;
        auto id = co_await store::add_immediate_motif(tx, who.account_id, m, now);
        if (!id) co_return std::move(id).error();
      } else if ((*motif)->price_cents != price) {
        if (auto r = co_await store::set_motif_price(tx, (*motif)->id, price); !r) co_return r;
      }
      if (auto r = co_await store::set_duty(tx, who.account_id, specialty, now); !r) co_return r;
      audit::Entry entry;
      entry.actor_account_id = who.account_id;
      entry.actor_role = "practitioner";
      entry.action = "queue.duty.on";
      entry.object = specialty;
      co_return co_await d_.audit.append(tx, entry);
    });
    if (!committed) co_return std::move(committed).error();
  } else {
    auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
      if (auto r = co_await store::clear_duty(tx, who.account_id); !r) co_return r;
      audit::Entry entry;
      entry.actor_account_id = who.account_id;
      entry.actor_role = "practitioner";
      entry.action = "queue.duty.off";
      entry.object = specialty;
      co_return co_await d_.audit.append(tx, entry);
    });
    if (!committed) co_return std::move(committed).error();
  }
  (void)co_await broadcast(specialty);
  co_return co_await staff_json(who.account_id, locale);
}

Task<Result<nlohmann::json>> Service::take(const Principal& who) {
  if (who.role != Role::practitioner) co_return Error(ErrorCode::forbidden);
  auto duty = co_await store::duty_of(d_.db, who.account_id);
  if (!duty) co_return std::move(duty).error();
  if (!*duty) co_return Error(ErrorCode::not_on_duty);
  const auto specialty = (*duty)->specialty;
  auto motif = co_await store::immediate_motif(d_.db, who.account_id);
  if (!motif) co_return std::move(motif).error();
  if (!*motif) co_return Error(ErrorCode::not_on_duty);
  const Place doctor{(*duty)->department, (*duty)->lat, (*duty)->lng};
  // Two practitioners taking at the same instant: the entry goes to one of them (a conditional
  // update); the other tries the next patient.
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto n = co_await numbers(specialty);
    if (!n) co_return std::move(n).error();
    const auto now = d_.clock.unix_seconds();
    std::vector<Waiting> waiting;
    waiting.reserve(n->waiting.size());
    for (const auto& e : n->waiting)
      waiting.push_back(Waiting{e.id, e.joined_at, Place{e.department, e.lat, e.lng}});
    std::vector<Place> duty_places;
    for (const auto& d : n->duty) duty_places.push_back(Place{d.department, d.lat, d.lng});
    const auto pick = next_for(waiting, doctor, duty_places, now, options()->near_priority.count(),
                               options()->near_km);
    if (!pick && !waiting.empty())
      co_return Error(ErrorCode::queue_empty)
          .with_message(
              "Les patients en attente sont proches d'un autre praticien disponible : "
              "ils lui sont réservés quelques minutes, pour que leur consultation "
              "reste remboursable.",
              "The waiting patients are near another practitioner on duty: they are "
              "kept for them a few minutes, so that their consultation stays "
              "reimbursable.");
    if (!pick) co_return Error(ErrorCode::queue_empty);
    const auto e = n->waiting[*pick];

    booking::Appointment a;
    a.public_id = "a" + random_base32(d_.random, 16);
    a.practitioner_id = who.account_id;
    a.patient_account_id = e.account_id;
    a.profile_id = e.profile_id;
    a.motif_id = (*motif)->id;
    a.mode = "video";
    // From the next 5-minute mark: the agenda runs on that grid, and a booked appointment due
    // in that time keeps its place (agenda_busy).
    constexpr auto kGranule = booking::store::kGranule;
    a.start_at = (now + kGranule - 1) / kGranule * kGranule;
    const auto minutes = ((*motif)->duration_min + 4) / 5 * 5;
    a.end_at = a.start_at + std::int64_t{minutes} * 60;
    a.status = "confirmed";
    a.price_cents = e.price_cents;
    a.fee_cents = e.fee_cents;
    a.origin = "queue";
    a.payment_state = "held";
    a.cancel_nonce = random_base32(d_.random, 8);
    a.booked_by = who.account_id;
    bool raced = false;
    auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
      auto id = co_await booking::store::hold(tx, a, now);
      if (!id) co_return std::move(id).error();
      a.id = *id;
      auto called = co_await store::call(tx, e.id, who.account_id, a.id, now);
      if (!called) co_return std::move(called).error();
      if (!*called) {
        raced = true;
        co_return Error(ErrorCode::conflict, "entry taken by another practitioner");
      }
      booking::store::PaymentUpdate card;
      card.payment_state = "held";
      card.card_brand = e.card_brand;
      card.card_last4 = e.card_last4;
      auto paid = co_await booking::store::update_payment(tx, a.id, "confirmed", card, now);
      if (!paid) co_return std::move(paid).error();
      const auto due = a.end_at + options()->no_show_grace.count();
      if (auto r = co_await booking::store::add_job(tx, a.id, "no_show", due, now); !r) co_return r;
      if (auto r = co_await directory::store::record_change(tx, who.account_id, now); !r)
        co_return r;
      audit::Entry entry;
      entry.actor_account_id = who.account_id;
      entry.actor_role = "practitioner";
      entry.profile_id = e.profile_id;
      entry.action = "queue.take";
      entry.object = e.public_id;
      entry.detail = a.public_id;
      co_return co_await d_.audit.append(tx, entry);
    });
    if (!committed) {
      if (raced) continue;
      if (committed.error().code == ErrorCode::slot_taken) co_return Error(ErrorCode::agenda_busy);
      co_return std::move(committed).error();
    }
    // "C'est à vous": the patient's page goes to the room.
    notify_entry(e,
                 nlohmann::json{
                     {"type", "called"}, {"entry", e.public_id}, {"consultation_id", a.public_id}});
    (void)co_await broadcast(specialty);
    co_return nlohmann::json{{"entry", e.public_id}, {"consultation_id", a.public_id}};
  }
  co_return Error(ErrorCode::queue_empty);
}

Task<Result<void>> Service::cancel_appointment(std::int64_t appointment) {
  const auto now = d_.clock.unix_seconds();
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    const std::optional<std::string> by = "system";
    auto released = co_await booking::store::release(tx, appointment, "cancelled", by, now);
    if (!released) co_return std::move(released).error();
    if (!*released) co_return ok();
    if (auto r = co_await booking::store::skip_jobs(tx, appointment, now); !r) co_return r;
    auto v = co_await booking::store::find_id(tx, appointment);
    if (!v) co_return std::move(v).error();
    if (!*v) co_return ok();
    co_return co_await directory::store::record_change(tx, (*v)->a.practitioner_id, now);
  });
}

Task<void> Service::patient_joined(std::int64_t appointment) {
  auto e = co_await store::of_appointment(d_.db, appointment);
  if (!e || !*e || (*e)->state != "called") co_return;
  const auto& entry = **e;
  const auto now = d_.clock.unix_seconds();
  // The place is taken; the hold goes to the appointment, which the close captures (with the
  // fee) like any other (booking's ledger).
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto taken = co_await store::taken(tx, entry.id, now);
    if (!taken) co_return std::move(taken).error();
    if (!*taken || !entry.hold_id) co_return ok();
    auto row = co_await booking::store::begin_authorization(
        tx, appointment, d_.provider_name, entry.hold_key, "queue",
        entry.price_cents + entry.fee_cents, now);
    if (!row) co_return std::move(row).error();
    co_return co_await booking::store::set_ledger(tx, row->id, "held", entry.hold_id, now);
  });
  if (!committed) co_return;
  // No waiting place moved: only the practitioners' "current" lists changed.
  (void)co_await broadcast(entry.specialty, false);
}

}  // namespace cabinet::queue
