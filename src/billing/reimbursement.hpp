#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/locale.hpp"

// The reimbursement estimate shown before a booking is confirmed (SPEC PAY4, PAY5, BKG8):
// price, what the Assurance Maladie pays, and what is left to the patient before any
// complementary insurance. Pure: the rules are data (data/reimbursement.json, with dates and
// sources), the inputs are plain values, nothing is read from a database.
namespace cabinet::billing {

struct Patient {
  int age_years = 0;
  bool has_medecin_traitant = false;
  bool referred_by_medecin_traitant = false;
  bool medecin_traitant_unavailable = false;  // not reachable in time for their condition
  bool css = false;                           // complémentaire santé solidaire
  bool ame = false;                           // aide médicale de l'État
  bool ald_related = false;                   // care related to an exonerating ALD
  bool maternity = false;  // from the 6th month of pregnancy to 12 days after the birth
  bool nir_valid = false;
  // Teleconsultation exceptions to the parcours and to territoriality (ameli "La
  // téléconsultation"): residents of an EHPAD (or of an establishment for disabled adults) and
  // detainees. Not in the profile's administrative data: the institution that organises the
  // teleconsultation knows them.
  bool ehpad_resident = false;
  bool detainee = false;
  // Participation forfaitaire already paid this calendar year, when known: the deduction stops
  // at the annual cap (50 €). 0 when unknown, which may overstate the deduction.
  int participation_paid_cents = 0;
};

struct Practitioner {
  std::string specialty;  // a code of data/specialties.json
  std::string sector;     // "1", "2", "2_optam", "nc" (non conventionné)
  bool is_medecin_traitant_of_patient = false;
  bool tiers_payant = false;
  // A psychologist conventionné with the Assurance Maladie for Mon soutien psy ("psychologue
  // partenaire"); outside it a psychologist is not reimbursed.
  bool mon_soutien_psy_partner = false;
};

struct Visit {
  std::string mode;  // "video", "in_person" ("phone" is never a reimbursable teleconsultation)
  int price_cents = 0;
  bool emergency = false;
  std::string date;  // YYYY-MM-DD: selects the dated figures
  // Video without (or without a reachable) médecin traitant is reimbursed only through a
  // territorial organisation: CPTS, maison or centre de santé, équipe de soins primaires, SAS.
  bool via_territorial_organisation = false;
  // Territoriality of a video teleconsultation: is the practitioner near the patient (close
  // enough to see them in person when needed)? nullopt: unknown, not checked. false: not
  // reimbursed unless a teleconsultation exception lifts territoriality (under 16, direct
  // access, emergency, EHPAD, detainee, no médecin traitant through a territorial
  // organisation). A caller that knows of another exception (a specialty scarce near the
  // patient, a zone d'intervention prioritaire) passes true or nullopt.
  std::optional<bool> practitioner_near;
  // Mon soutien psy: the session's number in the calendar year, 1 for the evaluation (which
  // must be in person); 0 when the visit is not a Mon soutien psy session.
  int psy_session = 0;
};

struct Estimate {
  int price_cents = 0;
  int amo_cents = 0;      // paid by the Assurance Maladie (after the participation forfaitaire)
  int patient_cents = 0;  // price − amo: reste à charge before complementary insurance
  int advance_cents = 0;  // paid by the patient on the day (less with tiers payant)
  int base_cents = 0;     // base de remboursement used (0 when not reimbursable)
  int rate_percent = 0;
  int participation_cents = 0;  // participation forfaitaire deducted
  bool reimbursable = false;
  bool tiers_payant = false;
  std::string reason_fr;
  std::string reason_en;
  std::string rule;  // id of the deciding rule, stable for the UI and tests
};

struct Rules;  // parsed data/reimbursement.json + data/specialties.json

// Throws std::invalid_argument on malformed data (a build-time bug, not user input).
std::shared_ptr<const Rules> load_rules(std::string_view reimbursement_json,
                                        std::string_view specialties_json);
// The embedded data, parsed once.
const Rules& default_rules();

Estimate estimate(const Rules& rules, const Patient& patient, const Practitioner& practitioner,
                  const Visit& visit);
Estimate estimate(const Patient& patient, const Practitioner& practitioner, const Visit& visit);
// The immediate-teleconsultation queue: a video consultation now with a sector-1 practitioner of
// `specialty` who is not the patient's médecin traitant and had no referral. For an adult GP
// patient outside the exceptions it is not reimbursed, and `reason_*` says why in one line.
Estimate estimate_immediate(const Patient& patient, std::string_view specialty,
                            std::optional<bool> practitioner_near, int price_cents,
                            std::string date, bool tiers_payant = false);

// The most a sector-1 practitioner may bill for a consultation of `specialty` in `mode` on
// `date` (YYYY-MM-DD): the convention tariff, the highest of its age bands (a paediatrician's
// motif serves every age). nullopt when the data has no tariff for it (non-physicians, acts
// outside the convention): the price is then the practitioner's.
std::optional<int> sector_1_ceiling(const Rules& rules, std::string_view specialty,
                                    std::string_view mode, std::string_view date);
std::optional<int> sector_1_ceiling(std::string_view specialty, std::string_view mode,
                                    std::string_view date);

// "30,00 €" / "€30.00".
std::string format_euros(int cents, Locale locale);

}  // namespace cabinet::billing
