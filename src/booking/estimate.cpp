// The reimbursement estimate a patient sees before booking (PAY4; docs/booking.md): the rules
// are billing's, the facts the patient's coverage and the practitioner's convention.
#include "accounts/administrative.hpp"
#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "booking/internal.hpp"
#include "directory/index.hpp"
#include "http/input.hpp"
#include "partners/cover.hpp"

namespace cabinet::booking {

Task<Result<nlohmann::json>> Service::estimate(const Principal& who, const nlohmann::json& body,
                                               Locale locale) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  const http::Input in(body);
  auto practitioner = in.text("practitioner_id", 64);
  if (!practitioner) co_return std::move(practitioner).error();
  auto motif_id = in.text("motif_id", 64);
  if (!motif_id) co_return std::move(motif_id).error();
  auto profile = in.text("profile_id", 64);
  if (!profile) co_return std::move(profile).error();
  auto mode = in.optional_text("mode", 20);
  if (!mode) co_return std::move(mode).error();
  auto referred = in.optional_bool("referred");
  if (!referred) co_return std::move(referred).error();
  const auto entry = d_.index.find(*practitioner);
  if (!entry)
    co_return http::invalid_field("practitioner_id", "Praticien introuvable.",
                                  "Practitioner not found.");
  const auto* motif = entry->motif(*motif_id);
  if (motif == nullptr)
    co_return http::invalid_field("motif_id", "Motif introuvable pour ce praticien.",
                                  "Unknown motif for this practitioner.");
  const std::string visit_mode = mode->value_or(motif->mode == "in_person" ? "in_person" : "video");
  if (visit_mode != "video" && visit_mode != "in_person")
    co_return http::invalid_field("mode", "Mode invalide.", "Invalid mode.");
  auto p = co_await profile_of(who.account_id, *profile);
  if (!p) co_return std::move(p).error();
  auto admin = accounts::open_administrative(d_.keys, p->administrative, p->public_id);
  if (!admin) co_return std::move(admin).error();
  // Reading the administrative data (coverage, médecin traitant) is an access to health data.
  const auto profile_id = p->id;
  const auto profile_public = p->public_id;
  auto logged = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    audit::Entry entry_log;
    entry_log.actor_account_id = who.account_id;
    entry_log.actor_role = "patient";
    entry_log.profile_id = profile_id;
    entry_log.action = "profile.administrative.read";
    entry_log.object = profile_public;
    entry_log.detail = "reimbursement estimate";
    co_return co_await d_.audit.append(tx, entry_log);
  });
  if (!logged) co_return std::move(logged).error();

  const auto now = d_.clock.unix_seconds();
  const auto* zone = entry->rules.zone;
  const auto today = agenda::format_date(agenda::local_date(now, zone));
  billing::Patient patient = patient_facts(*admin, p->birth_date, today);
  patient.referred_by_medecin_traitant = referred->value_or(false);
  billing::Practitioner doctor;
  doctor.specialty = entry->profile.specialty;
  doctor.sector = entry->profile.sector;
  doctor.tiers_payant = entry->profile.tiers_payant;
  const auto& mt = (*admin)["medecin_traitant"];
  doctor.is_medecin_traitant_of_patient =
      mt.is_object() && mt.value("rpps", "") == entry->profile.rpps;
  billing::Visit visit;
  visit.mode = visit_mode;
  visit.price_cents = motif->price_cents;
  visit.date = today;
  const auto e = billing::estimate(patient, doctor, visit);
  // An insurer's cover (docs/operator.md "Insurers' activation codes"): what it pays, what the
  // card is held for, or that its quota is used up, before the patient confirms.
  auto cover =
      co_await partners::cover_for(d_.db, who.account_id, profile_id, now, motif->price_cents);
  if (!cover) co_return std::move(cover).error();
  nlohmann::json insurer = nullptr;
  if (*cover) {
    const auto& c = **cover;
    const auto fr = c.exhausted ? "Téléconsultations prises en charge par " + c.partner_name +
                                      " épuisées cette année : vous payez le tarif normal."
                                : "Pris en charge par " + c.partner_name;
    const auto en = c.exhausted ? "Teleconsultations covered by " + c.partner_name +
                                      " used up this year: you pay the usual fee."
                                : "Covered by " + c.partner_name;
    insurer = {{"partner", c.partner_name},
               {"covered_cents", c.insurer_cents},
               {"patient_pays_cents", c.patient_cents},
               {"remaining", c.remaining},
               {"exhausted", c.exhausted},
               {"label", locale == Locale::en ? en : fr}};
  }
  co_return nlohmann::json{{"insurer", insurer},
                           {"price_cents", e.price_cents},
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

}  // namespace cabinet::booking
