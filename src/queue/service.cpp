// The queue as patients see it (docs/queue.md): the list of queues, the quote, joining with a
// card hold, the live entry, leaving. The practitioners' side is in take.cpp, the sweep in
// sweep.cpp.
#include "queue/service.hpp"

#include "accounts/administrative.hpp"
#include "accounts/store.hpp"
#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "booking/appointments.hpp"
#include "booking/store.hpp"
#include "crypto/keyring.hpp"
#include "geo/communes.hpp"
#include "http/input.hpp"
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
  const auto& s = d_.options.specialties;
  return std::find(s.begin(), s.end(), specialty) != s.end();
}

int Service::price_of(const std::string& specialty) const {
  if (d_.options.price_cents > 0) return d_.options.price_cents;
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
  n.service_seconds = median_service(std::move(*samples), d_.options.default_service.count());
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
  for (const auto& specialty : d_.options.specialties) {
    auto n = co_await numbers(specialty);
    if (!n) co_return std::move(n).error();
    const auto o = opening(d_.options.hours, now, paris());
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
                     {"fee_cents", d_.options.fee_cents},
                     {"price_cents", price_of(specialty)}});
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

namespace {

struct Facts {
  accounts::store::Profile profile;
  nlohmann::json administrative;
  const geo::Commune* commune = nullptr;
};

}  // namespace

// The profile (of the caller's account) and the commune of a quote or an entry; reading the
// coverage is an access to the administrative data, audited by the caller.
static Task<Result<Facts>> facts_of(storage::Database& db, const crypto::KeyRing& keys,
                                    std::int64_t account, const http::Input& in) {
  auto profile = in.text("profile_id", 64);
  if (!profile) co_return std::move(profile).error();
  auto commune = in.text("commune_code", 10);
  if (!commune) co_return std::move(commune).error();
  Facts f;
  f.commune = geo::Communes::instance().by_code(*commune);
  if (f.commune == nullptr)
    co_return http::invalid_field("commune_code", "Commune inconnue.", "Unknown commune.");
  auto profiles = co_await accounts::store::profiles_of(db, account);
  if (!profiles) co_return std::move(profiles).error();
  const auto it = std::find_if(profiles->begin(), profiles->end(),
                               [&](const auto& p) { return p.public_id == *profile; });
  if (it == profiles->end())
    co_return http::invalid_field("profile_id", "Profil introuvable.", "Profile not found.");
  f.profile = *it;
  auto admin = accounts::open_administrative(keys, f.profile.administrative, f.profile.public_id);
  if (!admin) co_return std::move(admin).error();
  f.administrative = std::move(*admin);
  co_return f;
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

// What the quote and the entry compute alike: the price, the fee (waived with CSS or ALD), the
// territorial situation and the reimbursement estimate.
struct Priced {
  int price_cents = 0;
  int fee_cents = 0;
  bool fee_waived = false;
  std::string near;  // near, distant, none
  billing::Estimate estimate;
  int age_years = 0;
};

static Priced priced(const Options& options, int price, const Facts& f,
                     const std::vector<store::Duty>& duty, const std::string& specialty,
                     const std::string& today) {
  Priced p;
  p.price_cents = price;
  auto patient = booking::patient_facts(f.administrative, f.profile.birth_date, today);
  p.age_years = age_on(f.profile.birth_date, today);
  p.fee_waived = patient.css || patient.ald_related;
  p.fee_cents = p.fee_waived ? 0 : options.fee_cents;
  const Place here{f.commune->department, f.commune->lat, f.commune->lng};
  bool any_near = false;
  for (const auto& d : duty) {
    if (near(here, Place{d.department, d.lat, d.lng}, options.near_km)) any_near = true;
  }
  p.near = duty.empty() ? "none" : (any_near ? "near" : "distant");
  billing::Practitioner doctor;
  doctor.specialty = specialty;
  doctor.sector = "1";
  billing::Visit visit;
  visit.mode = "video";
  visit.price_cents = price;
  visit.date = today;
  if (!duty.empty()) visit.practitioner_near = any_near;
  p.estimate = billing::estimate(patient, doctor, visit);
  return p;
}

static nlohmann::json estimate_json(const billing::Estimate& e, Locale locale) {
  return {{"price_cents", e.price_cents},
          {"amo_cents", e.amo_cents},
          {"patient_cents", e.patient_cents},
          {"advance_cents", e.advance_cents},
          {"reimbursable", e.reimbursable},
          {"rate_percent", e.rate_percent},
          {"participation_cents", e.participation_cents},
          {"tiers_payant", e.tiers_payant},
          {"reason", locale == Locale::en ? e.reason_en : e.reason_fr},
          {"rule", e.rule}};
}

Task<Result<nlohmann::json>> Service::quote(const Principal& who, const std::string& specialty,
                                            const nlohmann::json& body, Locale locale) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  if (!has_queue(specialty)) co_return Error(ErrorCode::not_found);
  const http::Input in(body);
  auto f = co_await facts_of(d_.db, d_.keys, who.account_id, in);
  if (!f) co_return std::move(f).error();
  auto logged =
      co_await audited(who.account_id, "patient", f->profile.id, "profile.administrative.read",
                       f->profile.public_id, "immediate consultation quote");
  if (!logged) co_return std::move(logged).error();
  auto duty = co_await store::on_duty(d_.db, specialty);
  if (!duty) co_return std::move(duty).error();
  const auto today = agenda::format_date(agenda::local_date(d_.clock.unix_seconds(), paris()));
  const auto p = priced(d_.options, price_of(specialty), *f, *duty, specialty, today);
  nlohmann::json out{{"price_cents", p.price_cents},
                     {"fee_cents", p.fee_cents},
                     {"fee_waived", p.fee_waived},
                     {"hold_cents", p.price_cents + p.fee_cents},
                     {"near", p.near},
                     {"estimate", estimate_json(p.estimate, locale)}};
  if (p.fee_waived)
    out["fee_waived_reason"] = locale == Locale::en
                                   ? "No service fee with the CSS or for an ALD."
                                   : "Pas de frais de service avec la CSS ou pour une ALD.";
  co_return out;
}

namespace {

constexpr std::array<std::string_view, 5> kRedFlags = {"chest_pain", "breathing", "intense_pain",
                                                       "fainting", "stroke"};

// The emergency questions (BKG2): every answer present and false, or the reason why not.
Result<bool> red_flag(const nlohmann::json& answers) {
  if (!answers.is_object())
    return http::invalid_field("emergency_answers", "Répondez aux questions d'urgence.",
                               "Answer the emergency questions.");
  bool any = false;
  for (const auto flag : kRedFlags) {
    const auto it = answers.find(std::string(flag));
    if (it == answers.end() || !it->is_boolean())
      return http::invalid_field("emergency_answers." + std::string(flag),
                                 "Répondez à chaque question d'urgence.",
                                 "Answer every emergency question.");
    any = any || it->get<bool>();
  }
  return any;
}

// A reason in one line: printable, no control or bidirectional-override characters.
Result<std::string> one_line(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  if (text.empty())
    return http::invalid_field("reason", "Indiquez le motif en quelques mots.",
                               "Give the reason in a few words.");
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool control = c < 0x20 || c == 0x7f;
    // U+202A–U+202E and U+2066–U+2069 (E2 80 AA–AE, E2 81 A6–A9) reorder what staff read.
    const bool bidi = c == 0xe2 && i + 2 < text.size() &&
                      ((static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                        static_cast<unsigned char>(text[i + 2]) >= 0xaa &&
                        static_cast<unsigned char>(text[i + 2]) <= 0xae) ||
                       (static_cast<unsigned char>(text[i + 1]) == 0x81 &&
                        static_cast<unsigned char>(text[i + 2]) >= 0xa6 &&
                        static_cast<unsigned char>(text[i + 2]) <= 0xa9));
    if (control || bidi)
      return http::invalid_field("reason", "Le motif tient en une ligne de texte.",
                                 "The reason is one line of text.");
  }
  return text;
}

}  // namespace

Task<Result<Answer>> Service::join(const Principal& who, const std::string& specialty,
                                   const nlohmann::json& body, const std::string& idempotency_key,
                                   Locale locale) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  if (!has_queue(specialty)) co_return Error(ErrorCode::not_found);
  if (idempotency_key.size() > 100)
    co_return http::invalid_field("Idempotency-Key", "En-tête Idempotency-Key trop long.",
                                  "Idempotency-Key header too long.");
  const http::Input in(body);
  // A retry: the first answer, whatever it was.
  const auto hash = crypto::sha256_hex(specialty + "\n" + body.dump());
  if (!idempotency_key.empty()) {
    auto earlier = co_await booking::store::stored_answer(d_.db, who.account_id, idempotency_key);
    if (!earlier) co_return std::move(earlier).error();
    if (*earlier) {
      if ((*earlier)->request_hash != hash) co_return Error(ErrorCode::idempotency_mismatch);
      if ((*earlier)->status != 0)
        co_return Answer{(*earlier)->status, nlohmann::json::parse((*earlier)->body)};
    }
  }
  auto reason_text = in.text("reason", 600);
  if (!reason_text) co_return std::move(reason_text).error();
  auto reason = one_line(*reason_text);
  if (!reason) co_return std::move(reason).error();
  if (reason->size() > 400)
    co_return http::invalid_field("reason", "200 caractères au plus.", "200 characters at most.");
  auto flagged = red_flag(in.object("emergency_answers"));
  if (!flagged) co_return std::move(flagged).error();
  if (*flagged) co_return Error(ErrorCode::emergency);
  auto card = in.text("card_token", 200);
  if (!card) co_return std::move(card).error();
  auto f = co_await facts_of(d_.db, d_.keys, who.account_id, in);
  if (!f) co_return std::move(f).error();
  const auto now = d_.clock.unix_seconds();
  const auto o = opening(d_.options.hours, now, paris());
  if (!o.open) {
    Error closed(ErrorCode::queue_closed);
    closed.with("opens", agenda::iso(o.opens_at, paris()).substr(11, 5))
        .with("closes", agenda::iso(o.closes_at, paris()).substr(11, 5));
    closed.extra["opens_at"] = agenda::iso(o.opens_at, paris());
    co_return closed;
  }
  auto duty = co_await store::on_duty(d_.db, specialty);
  if (!duty) co_return std::move(duty).error();
  const auto today = agenda::format_date(agenda::local_date(now, paris()));
  const auto p = priced(d_.options, price_of(specialty), *f, *duty, specialty, today);

  store::Entry e;
  e.public_id = "q" + random_base32(d_.random, 16);
  e.specialty = specialty;
  e.account_id = who.account_id;
  e.profile_id = f->profile.id;
  e.sealed_reason = d_.keys.seal(*reason, reason_context(e.public_id));
  e.commune_code = f->commune->code;
  e.department = f->commune->department;
  e.lat = f->commune->lat;
  e.lng = f->commune->lng;
  e.age_years = p.age_years;
  e.price_cents = p.price_cents;
  e.fee_cents = p.fee_cents;
  e.hold_key = "queue:" + e.public_id;
  const auto profile_id = f->profile.id;
  const auto profile_public = f->profile.public_id;
  auto inserted = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::insert(tx, e, now);
    if (!id) co_return std::move(id).error();
    e.id = *id;
    audit::Entry read;
    read.actor_account_id = who.account_id;
    read.actor_role = "patient";
    read.profile_id = profile_id;
    read.action = "profile.administrative.read";
    read.object = profile_public;
    read.detail = "immediate consultation";
    if (auto r = co_await d_.audit.append(tx, read); !r) co_return r;
    audit::Entry joined;
    joined.actor_account_id = who.account_id;
    joined.actor_role = "patient";
    joined.profile_id = profile_id;
    joined.action = "queue.join";
    joined.object = e.public_id;
    joined.detail = specialty;
    co_return co_await d_.audit.append(tx, joined);
  });
  if (!inserted) {
    if (inserted.error().code == ErrorCode::conflict) {
      Error queued(ErrorCode::already_queued);
      auto live = co_await store::live_of(d_.db, who.account_id);
      if (live) {
        for (const auto& other : *live)
          if (other.profile_id == profile_id) queued.extra["entry"] = other.public_id;
      }
      co_return queued;
    }
    co_return std::move(inserted).error();
  }

  // The card hold: the consultation's maximum and the fee (PAY1, PAY3). Nothing is debited.
  payments::AuthorizeRequest request;
  request.payment_method = *card;
  request.amount_cents = p.price_cents + p.fee_cents;
  request.idempotency_key = e.hold_key;
  auto hold = co_await d_.provider.authorize(request);
  if (!hold) {
    (void)co_await store::end(d_.db, e.id, "removed", "declined", now);
    (void)co_await store::set_hold_state(d_.db, e.id, "failed", now);
    co_return std::move(hold).error();
  }
  auto waiting = co_await store::held(d_.db, e.id, hold->id, hold->brand, hold->last4, now);
  if (!waiting) co_return std::move(waiting).error();

  auto n = co_await numbers(specialty);
  if (!n) co_return std::move(n).error();
  const auto position = n->position_of(e.id);
  nlohmann::json answer{{"id", e.public_id},
                        {"position", position},
                        {"estimate_minutes", range_json(n->estimate(position))}};
  if (!idempotency_key.empty()) {
    (void)co_await booking::store::store_answer(d_.db, who.account_id, idempotency_key, hash, 201,
                                                answer.dump(), now);
  }
  (void)co_await broadcast(specialty);
  (void)locale;
  co_return Answer{201, std::move(answer)};
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
    if (near(here, Place{d.department, d.lat, d.lng}, d_.options.near_km)) any_near = true;
  auto opt_iso = [](const std::optional<std::int64_t>& t) -> nlohmann::json {
    if (!t) return nullptr;
    return agenda::iso(*t, paris());
  };
  std::optional<std::int64_t> answer_by;
  if (e.state == "called" && e.called_at)
    answer_by = *e.called_at + d_.options.answer_window.count();
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

Task<Result<void>> Service::broadcast(const std::string& specialty) {
  auto n = co_await numbers(specialty);
  if (!n) co_return std::move(n).error();
  const auto on_duty = n->duty.size();
  for (std::size_t i = 0; i < n->waiting.size(); ++i) {
    const auto& e = n->waiting[i];
    const auto room = entry_room(e.public_id);
    // Only the entries someone watches here are worth the message.
    if (d_.hub.room_size(room) == 0) continue;
    const auto position = static_cast<int>(i) + 1;
    d_.hub.broadcast(room, nlohmann::json{{"type", "queue"},
                                          {"entry", e.public_id},
                                          {"state", "waiting"},
                                          {"position", position},
                                          {"estimate_minutes", range_json(n->estimate(position))},
                                          {"on_duty", on_duty},
                                          {"skipped", e.skips > 0}}
                               .dump());
  }
  d_.hub.broadcast(staff_room(specialty), nlohmann::json{{"type", "queue_staff"}}.dump());
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
