#include "billing/reimbursement.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <utility>

#include "billing/rules.hpp"

namespace cabinet::billing {

namespace {

bool is_iso_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

std::string euros(int cents) { return format_euros(cents, Locale::fr); }
std::string euros_en(int cents) { return format_euros(cents, Locale::en); }

Estimate refuse(Estimate e, std::string rule, std::string fr, std::string en) {
  e.reimbursable = false;
  e.amo_cents = 0;
  e.patient_cents = e.price_cents;
  e.advance_cents = e.price_cents;
  e.rule = std::move(rule);
  e.reason_fr = std::move(fr);
  e.reason_en = std::move(en);
  return e;
}

struct Label {
  const char* rule;
  const char* fr;
  const char* en;
};

// Why the normal (or reduced) rate applies; the first line of the reason.
constexpr Label kLabels[] = {
    {"medecin_traitant", "Consultation de votre médecin traitant", "Your médecin traitant"},
    {"referred", "Orienté par votre médecin traitant", "Referred by your médecin traitant"},
    {"direct_access", "Spécialité en accès direct", "Direct-access specialty"},
    {"under_16", "Patient de moins de 16 ans", "Patient under 16"},
    {"emergency", "Situation d'urgence", "Emergency"},
    {"ehpad_resident", "Résident en EHPAD", "Nursing-home (EHPAD) resident"},
    {"detainee", "Personne détenue", "Detainee"},
    {"medecin_traitant_unavailable", "Médecin traitant indisponible à temps",
     "Médecin traitant not available in time"},
    {"no_medecin_traitant", "Sans médecin traitant déclaré", "No médecin traitant declared"},
    {"out_of_parcours", "Hors parcours de soins", "Outside the coordinated care pathway"},
    {"css", "Complémentaire santé solidaire", "Complémentaire santé solidaire"},
    {"ame", "Aide médicale de l'État", "State medical aid (AME)"},
    {"maternity", "Maternité", "Maternity"},
    {"ald", "Soins liés à votre ALD", "Care related to your long-term condition (ALD)"},
    {"non_conventionne", "Médecin non conventionné", "Practitioner outside the convention"},
    {"mon_soutien_psy", "Mon soutien psy", "Mon soutien psy"},
};

const Label& label(std::string_view rule) {
  for (const auto& l : kLabels) {
    if (rule == l.rule) return l;
  }
  throw std::logic_error("no label for rule");
}

// The rule of the patient's full-rate coverage (CSS, AME, maternity, ALD), or nullptr.
const char* full_coverage(const Patient& p) {
  if (p.css) return "css";
  if (p.ame) return "ame";
  if (p.maternity) return "maternity";
  if (p.ald_related) return "ald";
  return nullptr;
}

// What the reason says and how the amounts are split once the rule, base and rate are known.
struct Settlement {
  std::string rule;
  std::string label_fr, label_en;  // why this rate applies
  int base = 0;
  int rate = 0;
  int participation = 0;              // participation forfaitaire deducted
  bool participation_capped = false;  // due, but the annual cap is reached
  int participation_cap = 0;
  bool reduced = false;                            // the out-of-parcours rate
  std::pair<std::string, std::string> excess_why;  // why the price may exceed the base
};

Estimate settle(Estimate e, const Patient& p, const Practitioner& pr, Settlement s) {
  e.base_cents = std::min(s.base, e.price_cents);
  e.rate_percent = s.rate;
  const int gross = (e.base_cents * e.rate_percent + 50) / 100;
  e.amo_cents = std::max(0, gross - s.participation);
  e.participation_cents = gross - e.amo_cents;
  e.patient_cents = e.price_cents - e.amo_cents;
  e.reimbursable = gross > 0;
  e.tiers_payant = e.reimbursable && ((pr.tiers_payant && p.nir_valid) || p.css || p.ame);
  // The participation forfaitaire is recovered later on another reimbursement, so with tiers
  // payant the patient advances only what the Assurance Maladie does not cover.
  e.advance_cents = e.tiers_payant ? e.price_cents - gross : e.price_cents;
  e.rule = std::move(s.rule);
  e.reason_fr = s.label_fr + " : remboursement " + (s.reduced ? "réduit " : "") + "à " +
                std::to_string(e.rate_percent) + " % du tarif de base (" + euros(e.base_cents) +
                ")";
  e.reason_en = s.label_en + ": " + (s.reduced ? "reduced " : "") + "reimbursement at " +
                std::to_string(e.rate_percent) + "% of the base tariff (" + euros_en(e.base_cents) +
                ")";
  if (s.participation > 0) {
    e.reason_fr += ", moins la participation forfaitaire de " + euros(s.participation);
    e.reason_en += ", less the " + euros_en(s.participation) + " flat contribution";
  } else if (s.participation_capped) {
    e.reason_fr += ", sans participation forfaitaire (plafond annuel de " +
                   euros(s.participation_cap) + " atteint)";
    e.reason_en +=
        ", no flat contribution (annual cap of " + euros_en(s.participation_cap) + " reached)";
  }
  if (const int excess = e.price_cents - e.base_cents; excess > 0) {
    e.reason_fr +=
        " ; le dépassement de " + euros(excess) + s.excess_why.first + " n'est pas remboursé";
    e.reason_en +=
        "; the " + euros_en(excess) + " excess fee" + s.excess_why.second + " is not reimbursed";
  }
  e.reason_fr += ".";
  e.reason_en += ".";
  return e;
}

// The participation forfaitaire due on this act (L160-13 II): a physician's act only, with its
// exemptions, and never beyond the annual cap.
void participation(const Rules& rules, const Patient& p, const Practitioner& pr,
                   std::string_view date, Settlement& s) {
  const bool exempt =
      (rules.participation_physicians_only && rules.non_physicians.contains(pr.specialty)) ||
      p.age_years < rules.participation_exempt_under_age ||
      (p.css && rules.participation_exempt_css) || (p.ame && rules.participation_exempt_ame) ||
      (p.maternity && rules.participation_exempt_maternity);
  const int due = exempt ? 0 : at(rules.participation, date).value_or(0);
  const int room = std::max(0, rules.participation_annual_cap_cents - p.participation_paid_cents);
  s.participation = std::min(due, room);
  s.participation_capped = s.participation < due;
  s.participation_cap = rules.participation_annual_cap_cents;
}

// The parcours rule under which the consultation is reimbursed at the normal rate (code de la
// sécurité sociale L162-5-3 and, by video, the teleconsultation exceptions of the convention
// médicale); "out_of_parcours" in person (reduced rate); "" by video (not reimbursed).
std::string parcours_rule(const Rules& rules, const Patient& p, const Practitioner& pr,
                          const Visit& v, bool direct_access) {
  if (pr.is_medecin_traitant_of_patient) return "medecin_traitant";
  if (p.referred_by_medecin_traitant && p.has_medecin_traitant) return "referred";
  const bool video = v.mode == "video";
  const bool unavailable = p.has_medecin_traitant && p.medecin_traitant_unavailable;
  // By precedence. By video an exception counts only when the data lists it, and some only
  // through a territorial organisation (CPTS, maison de santé, SAS).
  const std::pair<std::string_view, bool> exceptions[] = {
      {"direct_access", direct_access},
      {"under_16", p.age_years < rules.parcours_exempt_under_age},
      {"emergency", v.emergency},
      {"ame", p.ame && rules.ame_exempt_from_parcours},
      {"ehpad_resident", video && p.ehpad_resident},
      {"detainee", video && p.detainee},
      {"medecin_traitant_unavailable", unavailable},
      {"no_medecin_traitant", video && !p.has_medecin_traitant},
  };
  const auto& tc = rules.teleconsultation;
  for (const auto& [rule, applies] : exceptions) {
    if (!applies) continue;
    if (!video || rule == "ame") return std::string(rule);
    if (tc.parcours_exceptions.contains(rule) &&
        (v.via_territorial_organisation ||
         !tc.territorial_organisation_required_for.contains(rule)))
      return std::string(rule);
  }
  return video ? "" : "out_of_parcours";
}

// A video teleconsultation outside the parcours and its exceptions: not reimbursed at all,
// said with the reason the patient can act on.
Estimate video_out_of_parcours(const Estimate& e, const Patient& p) {
  if (!p.has_medecin_traitant || p.medecin_traitant_unavailable) {
    return refuse(e, "video_out_of_parcours",
                  "Téléconsultation hors parcours de soins : non remboursée par l'Assurance "
                  "Maladie (sans médecin traitant disponible, seule l'est une téléconsultation "
                  "organisée par une CPTS, une maison de santé ou le SAS).",
                  "Teleconsultation outside the coordinated care pathway: not reimbursed by the "
                  "Assurance Maladie (without an available médecin traitant, only one arranged by "
                  "a CPTS, a health centre or the SAS is).");
  }
  return refuse(e, "video_out_of_parcours",
                "Téléconsultation hors parcours de soins : non remboursée par l'Assurance Maladie "
                "(ce médecin n'est pas votre médecin traitant et vous n'avez pas été orienté par "
                "lui).",
                "Teleconsultation outside the coordinated care pathway: not reimbursed by the "
                "Assurance Maladie (this doctor is not your médecin traitant and you were not "
                "referred by them).");
}

// A session with a partner psychologist (CSS L162-58): a national tariff, 60 %, no
// participation forfaitaire, a yearly number of sessions, the first one in person.
Estimate mon_soutien_psy(const Rules& rules, const Patient& p, const Practitioner& pr,
                         const Visit& v, const Estimate& e) {
  const auto& psy = rules.mon_soutien_psy;
  const auto tariff = at(psy.session_cents, v.date);
  const auto cap = at(psy.sessions_per_year, v.date);
  const char* full = full_coverage(p);
  const auto rate = full ? at(rules.full, v.date) : at(psy.rate, v.date);
  if (!tariff || !cap || !rate) {
    return refuse(e, "no_tariff", "Tarif de base inconnu : remboursement non estimé.",
                  "Base tariff unknown: no reimbursement estimate.");
  }
  if (v.psy_session > *cap) {
    const auto n = std::to_string(*cap);
    return refuse(
        e, "mon_soutien_psy_cap",
        "Mon soutien psy : " + n + " séances remboursées par an au plus ; celle-ci ne l'est pas.",
        "Mon soutien psy: at most " + n + " sessions a year are reimbursed; this one is not.");
  }
  if (v.psy_session == 1 && v.mode == "video" && psy.first_session_in_person) {
    return refuse(e, "mon_soutien_psy_first_in_person",
                  "Mon soutien psy : la première séance (évaluation) se fait au cabinet ; par "
                  "vidéo, elle n'est pas remboursée.",
                  "Mon soutien psy: the first session (assessment) is in person; by video it is "
                  "not reimbursed.");
  }
  Settlement s;
  s.rule = "mon_soutien_psy";
  s.label_fr = label("mon_soutien_psy").fr;
  s.label_en = label("mon_soutien_psy").en;
  if (full) {
    s.label_fr += std::string(" (") + label(full).fr + ")";
    s.label_en += std::string(" (") + label(full).en + ")";
  }
  s.base = *tariff;
  s.rate = *rate;
  participation(rules, p, pr, v.date, s);
  s.excess_why = {" (interdit dans Mon soutien psy)", " (not allowed within Mon soutien psy)"};
  return settle(e, p, pr, std::move(s));
}

}  // namespace

std::string format_euros(int cents, Locale locale) {
  char buf[32];
  if (locale == Locale::en) {
    std::snprintf(buf, sizeof buf, "€%d.%02d", cents / 100, cents % 100);
  } else {
    std::snprintf(buf, sizeof buf, "%d,%02d €", cents / 100, cents % 100);
  }
  return buf;
}

Estimate estimate(const Patient& patient, const Practitioner& practitioner, const Visit& visit) {
  return estimate(default_rules(), patient, practitioner, visit);
}

Estimate estimate_immediate(const Patient& patient, std::string_view specialty,
                            std::optional<bool> practitioner_near, int price_cents,
                            std::string date, bool tiers_payant) {
  Practitioner pr;
  pr.specialty = std::string(specialty);
  pr.sector = "1";
  pr.is_medecin_traitant_of_patient = false;
  pr.tiers_payant = tiers_payant;
  Patient p = patient;
  p.referred_by_medecin_traitant = false;
  Visit v;
  v.mode = "video";
  v.price_cents = price_cents;
  v.date = std::move(date);
  v.practitioner_near = practitioner_near;
  return estimate(p, pr, v);
}

Estimate estimate(const Rules& rules, const Patient& p, const Practitioner& pr, const Visit& v) {
  Estimate e;
  e.price_cents = std::max(0, v.price_cents);
  static const std::set<std::string> kModes{"video", "in_person", "phone"};
  static const std::set<std::string> kSectors{"1", "2", "2_optam", "nc"};
  if (v.price_cents < 0 || p.age_years < 0 || v.psy_session < 0 || p.participation_paid_cents < 0 ||
      !is_iso_date(v.date) || !kModes.contains(v.mode) || !kSectors.contains(pr.sector)) {
    return refuse(e, "invalid_input", "Estimation impossible : informations incomplètes.",
                  "No estimate: incomplete information.");
  }
  const auto spec = rules.specialties.find(pr.specialty);
  if (spec == rules.specialties.end()) {
    return refuse(e, "unknown_specialty", "Spécialité inconnue : remboursement non estimé.",
                  "Unknown specialty: no reimbursement estimate.");
  }
  if (v.mode == "phone") {
    return refuse(e, "phone_not_reimbursed",
                  "Consultation par téléphone : non remboursée (seule la vidéo l'est).",
                  "Phone consultation: not reimbursed (only video is).");
  }
  if (pr.specialty == rules.mon_soutien_psy.specialty && pr.mon_soutien_psy_partner &&
      v.psy_session > 0) {
    return mon_soutien_psy(rules, p, pr, v, e);
  }
  if (v.mode == "video" && !spec->second.teleconsultation_reimbursed) {
    return refuse(
        e, "teleconsultation_not_reimbursed",
        "Téléconsultation de cette profession : non remboursée par l'Assurance Maladie.",
        "Teleconsultation with this profession: not reimbursed by the Assurance Maladie.");
  }
  if (rules.not_reimbursed.contains(pr.specialty)) {
    return refuse(e, "specialty_not_reimbursed",
                  "Consultation non remboursée par l'Assurance Maladie.",
                  "Consultation not reimbursed by the Assurance Maladie.");
  }
  const Tariff* tariff = rules.tariff(pr.specialty, v.mode, p.age_years);
  std::optional<int> base = tariff ? at(tariff->values, v.date) : std::nullopt;
  if (base && pr.sector == "2" && tariff && !tariff->sector_2_non_optam.empty()) {
    base = at(tariff->sector_2_non_optam, v.date);
  }
  if (base && pr.sector == "nc") base = rules.authority_base(pr.specialty, v.date);
  if (!base) {
    return refuse(e, "no_tariff", "Tarif de base inconnu : remboursement non estimé.",
                  "Base tariff unknown: no reimbursement estimate.");
  }

  const auto age_limits = rules.direct_access_age.find(pr.specialty);
  const bool direct_access =
      spec->second.direct_access &&
      (age_limits == rules.direct_access_age.end() ||
       (p.age_years >= age_limits->second.first && p.age_years <= age_limits->second.second));
  std::string rule = parcours_rule(rules, p, pr, v, direct_access);
  if (rule.empty()) return video_out_of_parcours(e, p);
  // Territoriality (convention médicale): a video teleconsultation with a practitioner far from
  // the patient is not reimbursed, unless one of the exceptions that lift it applies.
  const auto& tc = rules.teleconsultation;
  if (v.mode == "video" && v.practitioner_near == false &&
      !tc.territoriality_exceptions.contains(rule)) {
    return refuse(e, "video_not_near",
                  "Téléconsultation avec un médecin éloigné de chez vous : non remboursée par "
                  "l'Assurance Maladie (elle doit se faire avec un médecin de votre territoire).",
                  "Teleconsultation with a doctor far from where you live: not reimbursed by the "
                  "Assurance Maladie (it must be with a doctor near you).");
  }
  const bool through_organisation =
      v.mode == "video" && tc.territorial_organisation_required_for.contains(rule);

  std::optional<int> rate;
  if (rule == "out_of_parcours") {
    rate = at(rules.out_of_parcours, v.date);
  } else if (const char* full = full_coverage(p)) {
    rate = at(rules.full, v.date);
    rule = full;
  } else {
    rate = at(rules.normal, v.date);
  }
  if (pr.sector == "nc") rule = "non_conventionne";
  if (!rate) {
    return refuse(e, "no_tariff", "Taux de remboursement inconnu à cette date.",
                  "No reimbursement rate known for this date.");
  }

  Settlement s;
  const Label& l = label(rule);
  s.label_fr = l.fr;
  s.label_en = l.en;
  if (through_organisation && rule == "medecin_traitant_unavailable") {
    s.label_fr += ", via une organisation territoriale";
    s.label_en += ", through a territorial organisation";
  } else if (through_organisation && rule == "no_medecin_traitant") {
    s.label_fr = "Sans médecin traitant, via une organisation territoriale";
    s.label_en = "No médecin traitant, through a territorial organisation";
  }
  s.rule = std::move(rule);
  s.base = *base;
  s.rate = *rate;
  s.reduced = s.rule == "out_of_parcours";
  participation(rules, p, pr, v.date, s);
  // Named with the sector that allows it, so that the patient sees why there is one.
  static const std::map<std::string, std::pair<std::string, std::string>> kWhy{
      {"2", {" (secteur 2, honoraires libres)", " (sector 2, free fees)"}},
      {"2_optam", {" (secteur 2 OPTAM)", " (sector 2 OPTAM)"}},
      {"nc", {" (non conventionné)", " (non-contracted)"}},
      {"1", {" (au-delà du tarif de secteur 1)", " (above the sector 1 tariff)"}}};
  s.excess_why = kWhy.at(pr.sector);
  return settle(e, p, pr, std::move(s));
}

}  // namespace cabinet::billing
