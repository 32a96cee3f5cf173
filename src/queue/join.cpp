// Joining a queue (docs/queue.md): the quote (price, fee apart, reimbursement, near or not) and
// the entry itself, checked (emergency questions, one-line reason, commune), with its card hold.
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
#include "partners/store.hpp"
#include "payments/provider.hpp"
#include "queue/internal.hpp"

namespace cabinet::queue {

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
  const auto p = priced(*options(), price_of(specialty), *f, *duty, specialty, today);
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
                                   Locale locale, const std::string& host) {
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
  const auto o = opening(options()->hours, now, paris());
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
  const auto p = priced(*options(), price_of(specialty), *f, *duty, specialty, today);

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
  std::optional<std::int64_t> partner;
  if (d_.partner_of_host) partner = d_.partner_of_host(host);
  auto inserted = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::insert(tx, e, now);
    if (!id) co_return std::move(id).error();
    e.id = *id;
    // Joined on a partner's host: the entry is that partner's (docs/operator.md "Partners").
    if (partner) {
      if (auto r = co_await partners::store::tag_queue_entry(tx, e.id, *partner); !r) co_return r;
    }
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

}  // namespace cabinet::queue
