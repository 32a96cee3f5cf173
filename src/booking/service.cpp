// The patient's side of booking (docs/booking.md): the slot checked, held and paid for, the
// list, the cancellation. Payment is in confirm.cpp, the practitioner's side in practitioner.cpp,
// jobs in jobs.cpp, JSON and the calendar file in json.cpp, the reimbursement estimate in
// estimate.cpp, what other features read (booking::Appointments) in appointments.cpp.
#include "booking/service.hpp"

#include <algorithm>

#include "accounts/administrative.hpp"
#include "accounts/store.hpp"
#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "booking/internal.hpp"
#include "booking/ledger_store.hpp"
#include "crypto/keyring.hpp"
#include "directory/index.hpp"
#include "directory/store.hpp"
#include "http/input.hpp"
#include "notify/outbox.hpp"
#include "partners/cover.hpp"
#include "partners/store.hpp"
#include "payments/provider.hpp"
#include "practitioners/store.hpp"

namespace cabinet::booking {

namespace {

Error not_a_slot() {
  return http::invalid_field("start", "Ce créneau n'est pas proposé par le praticien.",
                             "The practitioner does not offer this slot.");
}

// The next free slots of a motif from the local date of `from`, for a 409 slot_taken.
nlohmann::json next_slots_json(const directory::Entry& e, agenda::Mode mode, int duration,
                               std::int64_t from, std::int64_t now) {
  agenda::Query q;
  q.from = agenda::local_date(std::max(from, now), e.rules.zone);
  q.days = 14;
  q.mode = mode;
  q.duration_min = duration;
  q.now = now;
  q.limit = 5;
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : agenda::compute_slots(e.rules, q)) {
    out.push_back({{"start", agenda::iso(s.start, e.rules.zone)},
                   {"end", agenda::iso(s.end, e.rules.zone)},
                   {"mode", agenda::to_string(s.mode)}});
  }
  return out;
}

}  // namespace

Task<Result<Service::Booked>> Service::validate_slot(const std::string& practitioner,
                                                     const std::string& motif,
                                                     const std::string& start,
                                                     const std::string& mode) {
  Booked b;
  b.entry = d_.index.find(practitioner);
  if (!b.entry)
    co_return http::invalid_field("practitioner_id", "Praticien introuvable.",
                                  "Practitioner not found.");
  b.motif = b.entry->motif(motif);
  if (b.motif == nullptr)
    co_return http::invalid_field("motif_id", "Motif introuvable pour ce praticien.",
                                  "Unknown motif for this practitioner.");
  const auto m = agenda::parse_mode(mode);
  if (!m) co_return http::invalid_field("mode", "Mode invalide.", "Invalid mode.");
  b.mode = *m;
  if (b.motif->mode != "both" && b.motif->mode != mode)
    co_return http::invalid_field("mode", "Ce motif n'est pas proposé dans ce mode.",
                                  "This motif is not offered in this mode.");
  const auto instant = parse_instant(start);
  if (!instant)
    co_return http::invalid_field("start", "Date et heure invalides.", "Invalid date and time.");
  b.start = *instant;
  b.end = b.start + std::int64_t{b.motif->duration_min} * 60;
  // Offered by the agenda as it stands, bookings aside: a slot taken in the meantime is for the
  // database to refuse (409), not a malformed request.
  agenda::Query q;
  q.from = agenda::local_date(b.start, b.entry->open_rules.zone);
  q.days = 1;
  q.mode = b.mode;
  q.duration_min = b.motif->duration_min;
  q.now = d_.clock.unix_seconds();
  const auto slots = agenda::compute_slots(b.entry->open_rules, q);
  const bool offered = std::any_of(slots.begin(), slots.end(),
                                   [&](const agenda::Slot& s) { return s.start == b.start; });
  if (!offered) co_return not_a_slot();
  co_return b;
}

store::Appointment Service::new_appointment(const Booked& slot, std::int64_t patient,
                                            std::int64_t profile) {
  store::Appointment a;
  a.public_id = "a" + random_base32(d_.random, 16);
  a.practitioner_id = slot.entry->profile.account_id;
  a.patient_account_id = patient;
  a.profile_id = profile;
  a.motif_id = slot.motif->id;
  a.mode = std::string(agenda::to_string(slot.mode));
  a.start_at = slot.start;
  a.end_at = slot.end;
  a.price_cents = slot.motif->price_cents;
  a.cancel_nonce = random_base32(d_.random, 8);
  return a;
}

Task<Result<accounts::store::Profile>> Service::profile_of(std::int64_t account,
                                                           const std::string& public_id) {
  auto profiles = co_await accounts::store::profiles_of(d_.db, account);
  if (!profiles) co_return std::move(profiles).error();
  for (auto& p : *profiles) {
    if (p.public_id == public_id) co_return std::move(p);
  }
  // Someone else's profile does not exist, for this caller.
  co_return http::invalid_field("profile_id", "Profil introuvable.", "Profile not found.");
}

Task<Result<Answer>> Service::create(const Principal& who, const nlohmann::json& body,
                                     const std::string& idempotency_key, Locale locale,
                                     const std::string& host) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  if (!valid_idempotency_key(idempotency_key))
    co_return http::invalid_field("Idempotency-Key",
                                  "En-tête Idempotency-Key manquant ou invalide (1 à 100 "
                                  "caractères imprimables).",
                                  "Missing or invalid Idempotency-Key header (1 to 100 printable "
                                  "characters).");
  const http::Input in(body);
  auto practitioner = in.text("practitioner_id", 64);
  if (!practitioner) co_return std::move(practitioner).error();
  auto motif = in.text("motif_id", 64);
  if (!motif) co_return std::move(motif).error();
  auto start = in.text("start", 40);
  if (!start) co_return std::move(start).error();
  auto profile = in.text("profile_id", 64);
  if (!profile) co_return std::move(profile).error();
  auto mode = in.text("mode", 20);
  if (!mode) co_return std::move(mode).error();
  // The patient chose to pay in full although an insurer's quota is used up (409
  // quota_exhausted said so before).
  auto without_insurer = in.optional_bool("without_insurer");
  if (!without_insurer) co_return std::move(without_insurer).error();
  const bool use_insurer = !without_insurer->value_or(false);
  const auto hash = crypto::sha256_hex(*practitioner + "\n" + *motif + "\n" + *start + "\n" +
                                       *profile + "\n" + *mode);

  // A retry: the first answer, whatever it was.
  auto earlier = co_await store::stored_answer(d_.db, who.account_id, idempotency_key);
  if (!earlier) co_return std::move(earlier).error();
  if (*earlier) co_return replay(**earlier, hash);

  auto slot = co_await validate_slot(*practitioner, *motif, *start, *mode);
  if (!slot) co_return std::move(slot).error();
  auto p = co_await profile_of(who.account_id, *profile);
  if (!p) co_return std::move(p).error();

  if (use_insurer) {
    // A used-up quota is said before anything is held (docs/operator.md).
    auto cover = co_await partners::cover_for(d_.db, who.account_id, p->id, slot->start,
                                              slot->motif->price_cents);
    if (!cover) co_return std::move(cover).error();
    if (*cover && (*cover)->exhausted) co_return quota_exhausted((*cover)->partner_name);
  }
  std::optional<std::int64_t> partner;
  if (d_.partner_of_host) partner = d_.partner_of_host(host);

  const auto now = d_.clock.unix_seconds();
  auto a = new_appointment(*slot, who.account_id, p->id);
  a.status = "pending_payment";
  a.hold_expires_at = now + options()->payment_window.count();
  std::string answer;
  const auto practitioner_account = a.practitioner_id;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::hold(tx, a, now);
    if (!id) co_return std::move(id).error();
    a.id = *id;
    if (auto r = co_await tag(tx, a, partner, use_insurer); !r) co_return r;
    auto view = co_await store::find_id(tx, a.id);
    if (!view) co_return std::move(view).error();
    if (!*view) co_return Error(ErrorCode::internal, "appointment vanished");
    answer = to_json(**view, locale).dump();
    // The key is claimed in the booking's transaction: a concurrent retry waits for this one
    // and then finds the answer, and the answer exists exactly when the booking does.
    if (auto r = co_await store::store_answer(tx, who.account_id, idempotency_key, hash, 201,
                                              answer, now);
        !r)
      co_return r;
    audit::Entry entry;
    entry.actor_account_id = who.account_id;
    entry.actor_role = "patient";
    entry.profile_id = a.profile_id;
    entry.action = "appointment.create";
    entry.object = a.public_id;
    if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    co_return co_await directory::store::record_change(tx, practitioner_account, now);
  });
  if (!committed) {
    if (committed.error().code == ErrorCode::conflict) {
      // The same key raced with itself: the other request's answer.
      auto winner = co_await store::stored_answer(d_.db, who.account_id, idempotency_key);
      if (winner && *winner) co_return replay(**winner, hash);
    }
    if (committed.error().code == ErrorCode::slot_taken) {
      // Lost the race for the slot (BKG3): the next free ones, as the agenda now stands.
      (void)co_await d_.index.refresh(practitioner_account);
      auto entry = d_.index.find(*practitioner);
      Error taken(ErrorCode::slot_taken);
      taken.extra["next_slots"] =
          entry ? next_slots_json(*entry, slot->mode, slot->motif->duration_min, slot->start, now)
                : nlohmann::json::array();
      co_return taken;
    }
    co_return std::move(committed).error();
  }
  (void)co_await after_change(practitioner_account);
  Answer created;
  created.status = 201;
  created.body = nlohmann::json::parse(answer);
  co_return created;
}

Error quota_exhausted(const std::string& partner) {
  Error e(ErrorCode::quota_exhausted);
  e.extra["partner"] = partner;
  return std::move(e).with("partner", partner);
}

Task<Result<void>> Service::tag(storage::Transaction& tx, const store::Appointment& a,
                                std::optional<std::int64_t> partner, bool use_insurer) {
  std::optional<partners::Cover> cover;
  if (use_insurer) {
    // Again under the entitlement's lock: two bookings racing for the last one, one wins.
    auto locked = co_await partners::cover_for(tx, a.patient_account_id, a.profile_id, a.start_at,
                                               a.price_cents, &tx);
    if (!locked) co_return std::move(locked).error();
    if (*locked && (*locked)->exhausted) co_return quota_exhausted((*locked)->partner_name);
    cover = *locked;
  }
  if (!partner && !cover) co_return ok();
  std::optional<std::int64_t> insurer;
  if (cover) insurer = cover->partner_id;
  const int cents = cover ? cover->insurer_cents : 0;
  co_return co_await partners::store::tag_appointment(tx, a.id, partner, insurer, cents);
}

Task<Result<store::View>> Service::own(const Principal& who, const std::string& id) {
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto v = co_await store::find(d_.db, id);
  if (!v) co_return std::move(v).error();
  // Someone else's appointment does not exist, for this caller.
  if (!*v || (*v)->a.patient_account_id != who.account_id) co_return Error(ErrorCode::not_found);
  co_return std::move(**v);
}

Task<Result<nlohmann::json>> Service::list(const Principal& who,
                                           const std::optional<std::string>& profile,
                                           Locale locale) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  std::optional<std::int64_t> profile_id;
  if (profile) {
    auto p = co_await profile_of(who.account_id, *profile);
    if (!p) co_return std::move(p).error();
    profile_id = p->id;
  }
  auto all = co_await store::of_patient(d_.db, who.account_id, profile_id);
  if (!all) co_return std::move(all).error();
  const auto now = d_.clock.unix_seconds();
  nlohmann::json upcoming = nlohmann::json::array();
  nlohmann::json past = nlohmann::json::array();
  for (const auto& v : *all) {
    // A pending one whose window has passed is on its way to `expired`: not shown.
    if (v.a.status == "pending_payment" && v.a.hold_expires_at && *v.a.hold_expires_at <= now)
      continue;
    const bool ahead =
        v.a.end_at > now && (v.a.status == "confirmed" || v.a.status == "pending_payment");
    (ahead ? upcoming : past).push_back(to_json(v, locale));
  }
  std::reverse(past.begin(), past.end());  // latest first
  co_return nlohmann::json{{"upcoming", std::move(upcoming)}, {"past", std::move(past)}};
}

Task<Result<nlohmann::json>> Service::get(const Principal& who, const std::string& id,
                                          Locale locale) {
  auto v = co_await own(who, id);
  if (!v) co_return std::move(v).error();
  co_return to_json(*v, locale);
}

Task<Result<nlohmann::json>> Service::cancel(const Principal& who, const std::string& id,
                                             Locale locale) {
  auto v = co_await own(who, id);
  if (!v) co_return std::move(v).error();
  if (v->a.status == "cancelled") co_return to_json(*v, locale);  // idempotent
  if (!cancellable(v->a, d_.clock.unix_seconds())) co_return Error(ErrorCode::not_cancellable);
  auto r = co_await end(*v, "cancelled", "patient", "");
  if (!r) co_return std::move(r).error();
  auto after = co_await own(who, id);
  if (!after) co_return std::move(after).error();
  co_return to_json(*after, locale);
}

Task<Result<std::string>> Service::calendar(const Principal& who, const std::string& id) {
  auto v = co_await own(who, id);
  if (!v) co_return std::move(v).error();
  co_return ics(*v, d_.public_url);
}

Task<Result<bool>> Service::end(const store::View& v, const std::string& status,
                                const std::string& by, const std::string& reason,
                                std::optional<std::int64_t> operator_id) {
  const auto now = d_.clock.unix_seconds();
  bool ended = false;
  std::int64_t actor = v.a.practitioner_id;
  if (by == "patient") actor = v.a.patient_account_id;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    const std::optional<std::string> who = by;
    auto released = co_await store::release(tx, v.a.id, status, who, now);
    if (!released) co_return std::move(released).error();
    ended = *released;
    if (!ended) co_return ok();
    if (auto r = co_await store::skip_jobs(tx, v.a.id, now); !r) co_return r;
    if (status == "cancelled" && v.a.status == "confirmed") {
      if (auto r = co_await queue_cancellation(tx, d_, v, by, reason); !r) co_return r;
    }
    if (by == "patient" || by == "practitioner" || by == "operator") {
      audit::Entry entry;
      entry.actor_account_id = actor;
      if (by == "operator") entry.actor_account_id = operator_id;
      entry.actor_role = by;
      entry.profile_id = v.a.profile_id;
      entry.action = "appointment.cancel";
      entry.object = v.a.public_id;
      if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    }
    co_return co_await directory::store::record_change(tx, v.a.practitioner_id, now);
  });
  if (!committed) co_return std::move(committed).error();
  if (!ended) co_return false;
  d_.outbox.wake();
  // The hold goes after the commit: a void that fails is retried by reconciliation.
  (void)co_await void_live_hold(v.a.id);
  (void)co_await after_change(v.a.practitioner_id);
  co_return true;
}

Task<Result<std::size_t>> Service::cancel_for_suspension(std::int64_t practitioner,
                                                         std::int64_t operator_id) {
  const auto now = d_.clock.unix_seconds();
  // Every appointment still to come, as far as any agenda's horizon reaches.
  constexpr std::int64_t kFarAhead = 3LL * 366 * 24 * 3600;
  auto views = co_await store::of_practitioner(d_.db, practitioner, now, now + kFarAhead);
  if (!views) co_return std::move(views).error();
  std::size_t cancelled = 0;
  for (const auto& v : *views) {
    if (v.a.start_at <= now) continue;
    if (v.a.status != "confirmed" && v.a.status != "pending_payment") continue;
    const std::string by = "operator";
    const std::string no_reason;
    auto r = co_await end(v, "cancelled", by, no_reason, operator_id);
    if (!r) co_return std::move(r).error();
    if (*r) ++cancelled;
  }
  co_return cancelled;
}

Task<Result<void>> Service::after_change(std::int64_t practitioner) {
  // This node's index at once; other nodes through directory_changes.
  co_return co_await d_.index.refresh(practitioner);
}

std::string Service::provider_name() const { return std::string(d_.provider.name()); }

}  // namespace cabinet::booking
