#include "billing/reimbursement.hpp"
#include "billing/reimbursement_test_support.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

// Figures come from the embedded data/reimbursement.json: after 2024-12-22 a GP's in-person
// consultation G is 30 €, the video TCG 25 €, the participation forfaitaire 2 €.
namespace cabinet::billing {
namespace {

using namespace test;  // NOLINT(google-build-using-namespace): the shared inputs

// Parcours coordonné, own médecin traitant: 70 % of the TCG base (25 €) minus 2 €.
TEST(Reimbursement, GpWithMedecinTraitantByVideo) {
  const auto e = estimate(adult(), medecin_traitant(), visit("video", 2500));
  EXPECT_TRUE(e.reimbursable);
  EXPECT_EQ(e.rule, "medecin_traitant");
  EXPECT_EQ(e.base_cents, 2500);
  EXPECT_EQ(e.amo_cents, 1750 - 200);
  EXPECT_EQ(e.patient_cents, 2500 - 1550);
  EXPECT_EQ(e.participation_cents, 200);
  EXPECT_EQ(e.reason_fr,
            "Consultation de votre médecin traitant : remboursement à 70 % du tarif de base "
            "(25,00 €), moins la participation forfaitaire de 2,00 €.");
}

// Same GP in person, but not the patient's médecin traitant and no referral: out of parcours,
// reduced rate of 30 % (L162-5-3).
TEST(Reimbursement, SameGpInPersonOutOfParcoursReducedRate) {
  const auto e = estimate(adult(), doctor(), visit("in_person", 3000));
  EXPECT_TRUE(e.reimbursable);
  EXPECT_EQ(e.rule, "out_of_parcours");
  EXPECT_EQ(e.rate_percent, 30);
  EXPECT_EQ(e.amo_cents, 900 - 200);
  EXPECT_EQ(e.patient_cents, 2300);
  EXPECT_EQ(e.reason_fr.rfind("Hors parcours de soins : remboursement réduit à 30 % du tarif de "
                              "base",
                              0),
            0U);
}

// A video teleconsultation outside the parcours and its exceptions is not reimbursed at all,
// not at the 30 % of an in-person visit (PAY4). Source: ameli.fr "La téléconsultation"
// (conditions de prise en charge: parcours de soins coordonné).
TEST(Reimbursement, SameGpByVideoOutOfParcoursNotReimbursed) {
  const auto e = estimate(adult(), doctor(), visit("video", 2500));
  EXPECT_FALSE(e.reimbursable);
  EXPECT_EQ(e.rule, "video_out_of_parcours");
  EXPECT_EQ(e.amo_cents, 0);
  EXPECT_EQ(e.rate_percent, 0);
  EXPECT_EQ(e.patient_cents, 2500);
  EXPECT_EQ(e.advance_cents, 2500);
  EXPECT_EQ(e.reason_fr,
            "Téléconsultation hors parcours de soins : non remboursée par l'Assurance Maladie (ce "
            "médecin n'est pas votre médecin traitant et vous n'avez pas été orienté par lui).");
  EXPECT_EQ(e.reason_en.rfind("Teleconsultation outside the coordinated care pathway: not "
                              "reimbursed by the Assurance Maladie (",
                              0),
            0U)
      << e.reason_en;
}

// Exception: patients under 16 are outside the médecin traitant scheme; under 18 no
// participation forfaitaire.
TEST(Reimbursement, ChildUnder16KeepsNormalRateWithoutParticipation) {
  Patient child = adult();
  child.age_years = 10;
  child.has_medecin_traitant = false;
  const auto e = estimate(child, doctor(), visit("video", 2500));
  EXPECT_EQ(e.rule, "under_16");
  EXPECT_EQ(e.amo_cents, 1750);
  EXPECT_EQ(e.participation_cents, 0);
}

// Exception: pediatrics is a direct-access specialty; the 2–6 years tariff is 35 € from
// 2024-12-22.
TEST(Reimbursement, PediatricianDirectAccess) {
  Patient child = adult();
  child.age_years = 4;
  const auto e = estimate(child, doctor("pediatrics"), visit("in_person", 3500));
  EXPECT_EQ(e.rule, "direct_access");
  EXPECT_EQ(e.base_cents, 3500);
  EXPECT_EQ(e.amo_cents, 2450);
  EXPECT_EQ(e.patient_cents, 1050);
}

// Exception: psychiatry is in direct access for patients aged 16 to 25 (55 € from 2024-12-22).
TEST(Reimbursement, PsychiatristDirectAccessAt20) {
  Patient p = adult();
  p.age_years = 20;
  const auto e = estimate(p, doctor("psychiatry"), visit("in_person", 5500));
  EXPECT_EQ(e.rule, "direct_access");
  EXPECT_EQ(e.amo_cents, 3850 - 200);
}

// Past 25, psychiatry without referral is out of parcours.
TEST(Reimbursement, PsychiatristAt30WithoutReferralOutOfParcours) {
  const auto e = estimate(adult(), doctor("psychiatry"), visit("in_person", 5500));
  EXPECT_EQ(e.rule, "out_of_parcours");
  EXPECT_EQ(e.amo_cents, 1650 - 200);
}

// Exception: ophthalmology is in direct access, also by video, at any age.
TEST(Reimbursement, OphthalmologistByVideoDirectAccess) {
  const auto e = estimate(adult(), doctor("ophthalmology"), visit("video", 3150));
  EXPECT_EQ(e.rule, "direct_access");
  EXPECT_TRUE(e.reimbursable);
}

// Teleconsultation by psychologists is not reimbursed (seed 000).
TEST(Reimbursement, PsychologistByVideoNotReimbursed) {
  const auto e = estimate(adult(), doctor("psychology", "nc"), visit("video", 6000));
  EXPECT_FALSE(e.reimbursable);
  EXPECT_EQ(e.rule, "teleconsultation_not_reimbursed");
  EXPECT_EQ(e.patient_cents, 6000);
}

// Teleconsultation by dentists is not reimbursed (seed 000).
TEST(Reimbursement, DentistByVideoNotReimbursed) {
  const auto e = estimate(adult(), doctor("dentistry"), visit("video", 3000));
  EXPECT_FALSE(e.reimbursable);
  EXPECT_EQ(e.rule, "teleconsultation_not_reimbursed");
  EXPECT_EQ(e.amo_cents, 0);
}

// Sector 2 outside OPTAM: reimbursed on the lower sector-2 base (23 €), the excess never.
TEST(Reimbursement, Sector2ExcessNotReimbursed) {
  Patient p = adult();
  p.referred_by_medecin_traitant = true;
  const auto e = estimate(p, doctor("dermatology", "2"), visit("in_person", 6000));
  EXPECT_EQ(e.rule, "referred");
  EXPECT_EQ(e.base_cents, 2300);
  EXPECT_EQ(e.amo_cents, 1610 - 200);
  EXPECT_EQ(e.patient_cents, 6000 - 1410);
  EXPECT_NE(e.reason_fr.find("le dépassement de 37,00 € (secteur 2, honoraires libres) n'est pas "
                             "remboursé"),
            std::string::npos)
      << e.reason_fr;
}

// Sector 2 with OPTAM: reimbursed on the sector-1 base (31,50 €), the excess not.
TEST(Reimbursement, Sector2OptamUsesSector1Base) {
  Patient p = adult();
  p.referred_by_medecin_traitant = true;
  const auto e = estimate(p, doctor("dermatology", "2_optam"), visit("in_person", 5000));
  EXPECT_EQ(e.base_cents, 3150);
  EXPECT_EQ(e.amo_cents, 2205 - 200);
  EXPECT_EQ(e.patient_cents, 5000 - 2005);
}

// CSS: 100 %, no participation forfaitaire, nothing advanced even without the practitioner's
// tiers payant (PAY5).
TEST(Reimbursement, CssFullCoverageAndNothingAdvanced) {
  Patient p = adult();
  p.css = true;
  const auto e = estimate(p, medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(e.rule, "css");
  EXPECT_EQ(e.amo_cents, 2500);
  EXPECT_EQ(e.patient_cents, 0);
  EXPECT_TRUE(e.tiers_payant);
  EXPECT_EQ(e.advance_cents, 0);
}

// AME: 100 %, no participation forfaitaire, not subject to the médecin traitant scheme.
TEST(Reimbursement, AmeFullCoverageWithoutMedecinTraitant) {
  Patient p = adult();
  p.ame = true;
  p.has_medecin_traitant = false;
  const auto e = estimate(p, doctor(), visit("in_person", 3000));
  EXPECT_EQ(e.rule, "ame");
  EXPECT_EQ(e.amo_cents, 3000);
  EXPECT_EQ(e.participation_cents, 0);
  EXPECT_TRUE(e.tiers_payant);
}

// ALD-related care: 100 % of the base, but the participation forfaitaire still applies.
TEST(Reimbursement, AldRelatedFullRateParticipationStillDue) {
  Patient p = adult();
  p.ald_related = true;
  const auto e = estimate(p, medecin_traitant(), visit("in_person", 3000));
  EXPECT_EQ(e.rule, "ald");
  EXPECT_EQ(e.amo_cents, 3000 - 200);
  EXPECT_EQ(e.patient_cents, 200);
}

// Maternity from the 6th month: 100 % and no participation forfaitaire.
TEST(Reimbursement, MaternityFullCoverageNoParticipation) {
  Patient p = adult();
  p.age_years = 30;
  p.maternity = true;
  const auto e = estimate(p, medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(e.rule, "maternity");
  EXPECT_EQ(e.amo_cents, 2500);
  EXPECT_EQ(e.participation_cents, 0);
}

// Exception: an emergency keeps the normal rate outside the parcours, also by video.
TEST(Reimbursement, EmergencyKeepsNormalRate) {
  Visit v = visit("video", 2500);
  v.emergency = true;
  const auto e = estimate(adult(), doctor(), v);
  EXPECT_EQ(e.rule, "emergency");
  EXPECT_EQ(e.amo_cents, 1550);
}

// Teleconsultation exception: no médecin traitant declared, or the médecin traitant is not
// available in time — only when the teleconsultation goes through a territorial organisation
// (CPTS, maison de santé, SAS). Source: ameli.fr "La téléconsultation" (exceptions; "vous
// rapprocher d'une organisation territoriale"), seeds 000 and 002. Issue 16 changed this test:
// without the organisation the video is no longer reimbursed. In person, no médecin traitant is
// out of parcours (30 %), and an unavailable one keeps the normal rate.
TEST(Reimbursement, NoOrUnavailableMedecinTraitant) {
  Patient none = adult();
  none.has_medecin_traitant = false;
  const auto alone = estimate(none, doctor(), visit("video", 2500));
  EXPECT_EQ(alone.rule, "video_out_of_parcours");
  EXPECT_FALSE(alone.reimbursable);
  EXPECT_NE(alone.reason_fr.find("CPTS"), std::string::npos) << alone.reason_fr;
  Visit organised = visit("video", 2500);
  organised.via_territorial_organisation = true;
  const auto via = estimate(none, doctor(), organised);
  EXPECT_EQ(via.rule, "no_medecin_traitant");
  EXPECT_EQ(via.amo_cents, 1750 - 200);
  EXPECT_EQ(via.reason_fr.rfind("Sans médecin traitant, via une organisation territoriale : "
                                "remboursement à 70 %",
                                0),
            0U)
      << via.reason_fr;
  EXPECT_EQ(estimate(none, doctor(), visit("in_person", 3000)).rule, "out_of_parcours");

  Patient away = adult();
  away.medecin_traitant_unavailable = true;
  const auto e = estimate(away, doctor(), visit("in_person", 3000));
  EXPECT_EQ(e.rule, "medecin_traitant_unavailable");
  EXPECT_EQ(e.amo_cents, 1900);
  EXPECT_EQ(estimate(away, doctor(), visit("video", 2500)).rule, "video_out_of_parcours");
  EXPECT_EQ(estimate(away, doctor(), organised).rule, "medecin_traitant_unavailable");
}

// Tiers payant (PAY5): practitioner practises it and the NIR is valid → the patient advances
// only the part the Assurance Maladie does not pay.
TEST(Reimbursement, TiersPayantWithValidNir) {
  Practitioner pr = medecin_traitant();
  pr.tiers_payant = true;
  const auto e = estimate(adult(), pr, visit("video", 2500));
  EXPECT_TRUE(e.tiers_payant);
  EXPECT_EQ(e.advance_cents, 2500 - 1750);
}

// Tiers payant needs a valid NIR: without it the patient advances the whole price.
TEST(Reimbursement, NoTiersPayantWithoutValidNir) {
  Practitioner pr = medecin_traitant();
  pr.tiers_payant = true;
  Patient p = adult();
  p.nir_valid = false;
  const auto e = estimate(p, pr, visit("video", 2500));
  EXPECT_FALSE(e.tiers_payant);
  EXPECT_EQ(e.advance_cents, 2500);
  EXPECT_EQ(e.amo_cents, 1550);
}

// Dated figures: G is 26,50 € until 2024-12-21 and 30 € from 2024-12-22 (convention 2024).
TEST(Reimbursement, TariffChangeSelectedByDate) {
  const auto before = estimate(adult(), medecin_traitant(), visit("in_person", 3000, "2024-12-21"));
  EXPECT_EQ(before.base_cents, 2650);
  EXPECT_EQ(before.amo_cents, 1855 - 200);
  EXPECT_NE(before.reason_fr.find("dépassement de 3,50 €"), std::string::npos);
  const auto after = estimate(adult(), medecin_traitant(), visit("in_person", 3000, "2024-12-22"));
  EXPECT_EQ(after.base_cents, 3000);
  EXPECT_EQ(after.amo_cents, 2100 - 200);
}

// Dated figures: the participation forfaitaire went from 1 € to 2 € on 2024-05-15.
TEST(Reimbursement, ParticipationForfaitaireChangeSelectedByDate) {
  const auto before = estimate(adult(), medecin_traitant(), visit("in_person", 2650, "2024-05-14"));
  EXPECT_EQ(before.participation_cents, 100);
  EXPECT_EQ(before.amo_cents, 1855 - 100);
  const auto after = estimate(adult(), medecin_traitant(), visit("in_person", 2650, "2024-05-15"));
  EXPECT_EQ(after.participation_cents, 200);
}

// An unknown specialty gets no estimate rather than a guess.
TEST(Reimbursement, UnknownSpecialtyNotEstimated) {
  const auto e = estimate(adult(), doctor("astrology"), visit("video", 2500));
  EXPECT_FALSE(e.reimbursable);
  EXPECT_EQ(e.rule, "unknown_specialty");
  EXPECT_EQ(e.patient_cents, 2500);
}

// A phone call is never a reimbursable teleconsultation (PAY4).
TEST(Reimbursement, PhoneNotReimbursed) {
  EXPECT_EQ(estimate(adult(), medecin_traitant(), visit("phone", 2500)).rule,
            "phone_not_reimbursed");
}

// Non-conventionné: the tarif d'autorité (0,61 €) is below the participation forfaitaire.
TEST(Reimbursement, NonConventionneReimbursesAlmostNothing) {
  const auto e =
      estimate(adult(), doctor("general_medicine", "nc", true), visit("in_person", 5000));
  EXPECT_EQ(e.rule, "non_conventionne");
  EXPECT_EQ(e.base_cents, 61);
  EXPECT_EQ(e.amo_cents, 0);
  EXPECT_EQ(e.patient_cents, 5000);
}

// A date before any figure, or a malformed one, gets no estimate.
TEST(Reimbursement, MissingOrEarlyDateNotEstimated) {
  EXPECT_EQ(estimate(adult(), medecin_traitant(), visit("video", 2500, "2025-3-1")).rule,
            "invalid_input");
  EXPECT_EQ(estimate(adult(), medecin_traitant(), visit("video", 2500, "2010-01-01")).rule,
            "no_tariff");
}

// Malformed rules data is a bug caught at load time.
// Sector 1 bills the convention tariff (issue 12): the GP's video act is 25 €, not the 30 € of
// the in-person G; a paediatrician's ceiling is the highest of the age bands.
TEST(Reimbursement, Sector1CeilingIsTheConventionTariff) {
  EXPECT_EQ(sector_1_ceiling("general_medicine", "video", kDate), 2500);
  EXPECT_EQ(sector_1_ceiling("general_medicine", "in_person", kDate), 3000);
  EXPECT_EQ(sector_1_ceiling("general_medicine", "in_person", "2024-06-01"), 2650);
  EXPECT_EQ(sector_1_ceiling("gynecology", "video", "2025-08-01"), 4000);
  const auto child = sector_1_ceiling("pediatrics", "in_person", kDate);
  ASSERT_TRUE(child);
  EXPECT_GE(*child, *sector_1_ceiling("dermatology", "in_person", kDate));
  EXPECT_FALSE(sector_1_ceiling("psychology", "video", kDate));
  EXPECT_FALSE(sector_1_ceiling("dentistry", "in_person", kDate));
}

TEST(Reimbursement, Sector1GpVideoAtTheTariffHasNoExcess) {
  const auto e = estimate(adult(), medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(e.base_cents, 2500);
  EXPECT_EQ(e.patient_cents, 2500 - e.amo_cents);
  EXPECT_EQ(e.reason_fr.find("dépassement"), std::string::npos) << e.reason_fr;
}

TEST(Reimbursement, MalformedDataRejected) {
  EXPECT_THROW(load_rules("{}", R"({"specialties": []})"), std::invalid_argument);
}

}  // namespace
}  // namespace cabinet::billing
