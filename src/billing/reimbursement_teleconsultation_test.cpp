// The teleconsultation rules in force in 2026 (issue 16; SPEC PAY4): video outside the parcours
// not reimbursed, its exceptions (territorial organisation, EHPAD, detainees), territoriality,
// Mon soutien psy, the participation forfaitaire's exemptions and cap, the video tariffs, and
// the immediate queue's estimate. Each test names its source.
#include <gtest/gtest.h>

#include <string>

#include "billing/reimbursement.hpp"
#include "billing/reimbursement_test_support.hpp"

namespace cabinet::billing {
namespace {

using namespace test;  // NOLINT(google-build-using-namespace): the shared inputs

Visit far(std::string mode, int price_cents) {
  Visit v = visit(std::move(mode), price_cents);
  v.practitioner_near = false;
  return v;
}

// Direct-access specialties are an exception to the parcours by video too: gynecology,
// ophthalmology, stomatology, oral and maxillo-facial surgery, pediatrics, psychiatry and
// neuropsychiatry from 16 to 25. Source: code de la sécurité sociale L162-5-3; ameli.fr
// "La téléconsultation" ("à l'instar de la consultation ... spécialistes en accès direct").
TEST(Reimbursement, DirectAccessSpecialtiesByVideo) {
  for (const char* code : {"gynecology", "ophthalmology", "stomatology", "oral_surgery",
                           "maxillofacial_surgery", "pediatrics"}) {
    const auto e = estimate(adult(), doctor(code), visit("video", 3000));
    EXPECT_EQ(e.rule, "direct_access") << code;
    EXPECT_TRUE(e.reimbursable) << code;
  }
  Patient young = adult();
  young.age_years = 22;
  EXPECT_EQ(estimate(young, doctor("psychiatry"), visit("video", 5500)).rule, "direct_access");
  EXPECT_EQ(estimate(young, doctor("neuropsychiatry"), visit("video", 5500)).rule, "direct_access");
  // Past 25, psychiatry by video without referral: not reimbursed at all.
  EXPECT_EQ(estimate(adult(), doctor("psychiatry"), visit("video", 5500)).rule,
            "video_out_of_parcours");
  // A specialty outside direct access, by video without referral: not reimbursed.
  EXPECT_EQ(estimate(adult(), doctor("dermatology"), visit("video", 3150)).rule,
            "video_out_of_parcours");
}

// Teleconsultation exceptions for residents of an EHPAD and for detainees, who need no
// territorial organisation. Source: ameli.fr "La téléconsultation" (exceptions: "les détenus",
// "les personnes résidant en établissement pour personnes âgées dépendantes").
TEST(Reimbursement, EhpadResidentAndDetaineeByVideo) {
  Patient resident = adult();
  resident.age_years = 88;
  resident.ehpad_resident = true;
  const auto e = estimate(resident, doctor(), visit("video", 2500));
  EXPECT_EQ(e.rule, "ehpad_resident");
  EXPECT_EQ(e.amo_cents, 1750 - 200);
  EXPECT_EQ(e.reason_fr.rfind("Résident en EHPAD : remboursement à 70 %", 0), 0U) << e.reason_fr;
  Patient detainee = adult();
  detainee.detainee = true;
  detainee.has_medecin_traitant = false;
  EXPECT_EQ(estimate(detainee, doctor(), visit("video", 2500)).rule, "detainee");
  // Teleconsultation exceptions only: in person the rules of L162-5-3 apply.
  EXPECT_EQ(estimate(resident, doctor(), visit("in_person", 3000)).rule, "out_of_parcours");
}

// Territoriality: a video teleconsultation is reimbursed only with a practitioner near the
// patient (ancrage territorial). Source: ameli.fr "La téléconsultation" (la téléconsultation
// "doit s'inscrire dans une logique d'ancrage territorial"); convention médicale 2024, arrêté du
// 20 juin 2024, titre télésanté.
TEST(Reimbursement, VideoWithAFarPractitionerNotReimbursed) {
  const auto e = estimate(adult(), medecin_traitant(), far("video", 2500));
  EXPECT_FALSE(e.reimbursable);
  EXPECT_EQ(e.rule, "video_not_near");
  EXPECT_EQ(e.patient_cents, 2500);
  EXPECT_EQ(e.reason_fr,
            "Téléconsultation avec un médecin éloigné de chez vous : non remboursée par "
            "l'Assurance Maladie (elle doit se faire avec un médecin de votre territoire).");
  Patient referred = adult();
  referred.referred_by_medecin_traitant = true;
  EXPECT_EQ(estimate(referred, doctor("dermatology"), far("video", 3150)).rule, "video_not_near");
  // Near, or unknown (nullopt): as before.
  Visit near = visit("video", 2500);
  near.practitioner_near = true;
  EXPECT_EQ(estimate(adult(), medecin_traitant(), near).rule, "medecin_traitant");
  EXPECT_EQ(estimate(adult(), medecin_traitant(), visit("video", 2500)).rule, "medecin_traitant");
  // In person, territoriality is not a condition.
  EXPECT_EQ(estimate(adult(), medecin_traitant(), far("in_person", 3000)).rule, "medecin_traitant");
}

// The teleconsultation exceptions lift territoriality: under 16, direct access, emergency,
// EHPAD, detainee, no médecin traitant through a territorial organisation (which is local by
// construction). Source: ameli.fr "La téléconsultation"; convention médicale 2024 (arrêté du
// 20 juin 2024), titre télésanté; data/reimbursement.json teleconsultation.source.
TEST(Reimbursement, TerritorialityExceptions) {
  Patient child = adult();
  child.age_years = 9;
  EXPECT_EQ(estimate(child, doctor(), far("video", 2500)).rule, "under_16");
  EXPECT_EQ(estimate(adult(), doctor("gynecology"), far("video", 4000)).rule, "direct_access");
  Visit urgent = far("video", 2500);
  urgent.emergency = true;
  EXPECT_EQ(estimate(adult(), doctor(), urgent).rule, "emergency");
  Patient resident = adult();
  resident.ehpad_resident = true;
  EXPECT_EQ(estimate(resident, doctor(), far("video", 2500)).rule, "ehpad_resident");
  Patient detainee = adult();
  detainee.detainee = true;
  EXPECT_EQ(estimate(detainee, doctor(), far("video", 2500)).rule, "detainee");
  Patient none = adult();
  none.has_medecin_traitant = false;
  Visit organised = far("video", 2500);
  organised.via_territorial_organisation = true;
  EXPECT_EQ(estimate(none, doctor(), organised).rule, "no_medecin_traitant");
}

// Mon soutien psy: a partner psychologist in direct access, 50 € a session, 60 % by the
// Assurance Maladie, no participation forfaitaire; follow-up sessions may be by video.
// Source: ameli.fr "Mon soutien psy"; code de la sécurité sociale L162-58; décret n° 2025-424
// du 13 mai 2025 (12 sessions, no referral).
TEST(Reimbursement, MonSoutienPsyFollowUpByVideo) {
  Practitioner psy = doctor("psychology", "nc");
  psy.mon_soutien_psy_partner = true;
  Patient none = adult();
  none.has_medecin_traitant = false;  // direct access: no médecin traitant, no referral needed
  Visit v = visit("video", 5000);
  v.psy_session = 2;
  const auto e = estimate(none, psy, v);
  EXPECT_TRUE(e.reimbursable);
  EXPECT_EQ(e.rule, "mon_soutien_psy");
  EXPECT_EQ(e.base_cents, 5000);
  EXPECT_EQ(e.rate_percent, 60);
  EXPECT_EQ(e.amo_cents, 3000);
  EXPECT_EQ(e.participation_cents, 0);
  EXPECT_EQ(e.patient_cents, 2000);
  EXPECT_EQ(e.reason_fr, "Mon soutien psy : remboursement à 60 % du tarif de base (50,00 €).");
}

// Mon soutien psy: the first session (assessment) is in person; by video it is not reimbursed.
// Source: ameli.fr "Mon soutien psy" ("la première séance ... est réalisée en présentiel").
TEST(Reimbursement, MonSoutienPsyFirstSessionInPerson) {
  Practitioner psy = doctor("psychology", "nc");
  psy.mon_soutien_psy_partner = true;
  Visit first = visit("video", 5000);
  first.psy_session = 1;
  const auto video = estimate(adult(), psy, first);
  EXPECT_FALSE(video.reimbursable);
  EXPECT_EQ(video.rule, "mon_soutien_psy_first_in_person");
  first.mode = "in_person";
  const auto office = estimate(adult(), psy, first);
  EXPECT_EQ(office.rule, "mon_soutien_psy");
  EXPECT_EQ(office.amo_cents, 3000);
}

// Mon soutien psy: at most 12 sessions a calendar year; no dépassement; full cover with CSS.
// Source: décret n° 2025-424 du 13 mai 2025 (R162-65: douze séances); ameli.fr "Mon soutien
// psy" (50 €, "aucun dépassement", tiers payant intégral for CSS).
TEST(Reimbursement, MonSoutienPsyCapExcessAndCss) {
  Practitioner psy = doctor("psychology", "nc");
  psy.mon_soutien_psy_partner = true;
  Visit thirteenth = visit("video", 5000);
  thirteenth.psy_session = 13;
  EXPECT_EQ(estimate(adult(), psy, thirteenth).rule, "mon_soutien_psy_cap");
  Visit twelfth = visit("video", 6000);
  twelfth.psy_session = 12;
  const auto dear = estimate(adult(), psy, twelfth);
  EXPECT_EQ(dear.amo_cents, 3000);
  EXPECT_NE(dear.reason_fr.find("le dépassement de 10,00 € (interdit dans Mon soutien psy)"),
            std::string::npos)
      << dear.reason_fr;
  Patient css = adult();
  css.css = true;
  twelfth.price_cents = 5000;
  const auto covered = estimate(css, psy, twelfth);
  EXPECT_EQ(covered.rule, "mon_soutien_psy");
  EXPECT_EQ(covered.amo_cents, 5000);
  EXPECT_TRUE(covered.tiers_payant);
  EXPECT_EQ(covered.reason_fr.rfind("Mon soutien psy (Complémentaire santé solidaire)", 0), 0U);
  // The 50 € single tariff dates from 15 June 2024; earlier sessions are not estimated.
  Visit old = visit("in_person", 4000, "2024-01-10");
  old.psy_session = 1;
  EXPECT_EQ(estimate(adult(), psy, old).rule, "no_tariff");
}

// Psychology outside Mon soutien psy (not a partner, or not a session of the scheme) stays not
// reimbursed. Source: ameli.fr "Mon soutien psy" (psychologues partenaires only); seed 000.
TEST(Reimbursement, PsychologistOutsideTheSchemeNotReimbursed) {
  Visit v = visit("video", 6000);
  v.psy_session = 3;
  EXPECT_EQ(estimate(adult(), doctor("psychology", "nc"), v).rule,
            "teleconsultation_not_reimbursed");
  Practitioner partner = doctor("psychology", "nc");
  partner.mon_soutien_psy_partner = true;
  EXPECT_EQ(estimate(adult(), partner, visit("in_person", 6000)).rule, "specialty_not_reimbursed");
}

// The participation forfaitaire is never due on a midwife's act: a sage-femme's consultation
// (25 €) by video, direct access, 70 % and nothing deducted. Source: code de la sécurité
// sociale L160-13 II (consultations and acts "réalisés par un médecin"); avenant 4 and 5 à la
// convention nationale des sages-femmes (25 €, TCG).
TEST(Reimbursement, NoParticipationOnAMidwifesAct) {
  const auto e = estimate(adult(), doctor("midwifery"), visit("video", 2500));
  EXPECT_EQ(e.rule, "direct_access");
  EXPECT_EQ(e.base_cents, 2500);
  EXPECT_EQ(e.participation_cents, 0);
  EXPECT_EQ(e.amo_cents, 1750);
  EXPECT_EQ(estimate(adult(), doctor("midwifery"), visit("in_person", 2500)).participation_cents,
            0);
}

// Participation forfaitaire: 2 €, exempt under 18, with CSS, AME, and pregnancy from the 6th
// month to 12 days after birth; at most 50 € a year. Source: ameli.fr "Participation
// forfaitaire et franchise médicale"; code de la sécurité sociale L160-13 II.
TEST(Reimbursement, ParticipationForfaitaireExemptionsAndAnnualCap) {
  Patient teen = adult();
  teen.age_years = 17;
  const auto young = estimate(teen, medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(young.rule, "medecin_traitant");
  EXPECT_EQ(young.participation_cents, 0);
  Patient pregnant = adult();
  pregnant.maternity = true;
  EXPECT_EQ(estimate(pregnant, medecin_traitant(), visit("in_person", 3000)).participation_cents,
            0);
  Patient ame = adult();
  ame.ame = true;
  EXPECT_EQ(estimate(ame, medecin_traitant(), visit("video", 2500)).participation_cents, 0);

  Patient nearly = adult();
  nearly.participation_paid_cents = 4900;
  const auto last_euro = estimate(nearly, medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(last_euro.participation_cents, 100);
  EXPECT_EQ(last_euro.amo_cents, 1750 - 100);
  Patient capped = adult();
  capped.participation_paid_cents = 5000;
  const auto none = estimate(capped, medecin_traitant(), visit("video", 2500));
  EXPECT_EQ(none.participation_cents, 0);
  EXPECT_EQ(none.amo_cents, 1750);
  EXPECT_EQ(none.reason_fr,
            "Consultation de votre médecin traitant : remboursement à 70 % du tarif de base "
            "(25,00 €), sans participation forfaitaire (plafond annuel de 50,00 € atteint).");
}

// The GP video act TCG is 25 € (not the 30 € of the in-person G), before and after the
// convention médicale 2024; sector 2 outside OPTAM is reimbursed on a 23 € base. Source:
// convention médicale 2024 (arrêté du 20 juin 2024); ameli.fr tarifs des médecins généralistes.
TEST(Reimbursement, TcgIs25AndSector2WithoutOptamOn23) {
  for (const char* date : {"2024-01-15", "2024-12-22", "2026-03-01"}) {
    const auto e = estimate(adult(), medecin_traitant(), visit("video", 2500, date));
    EXPECT_EQ(e.base_cents, 2500) << date;
  }
  const auto s2 = estimate(adult(), doctor("general_medicine", "2", true), visit("video", 4000));
  EXPECT_EQ(s2.base_cents, 2300);
  EXPECT_EQ(s2.amo_cents, 1610 - 200);
  EXPECT_EQ(s2.patient_cents, 4000 - 1410);
  const auto optam =
      estimate(adult(), doctor("general_medicine", "2_optam", true), visit("video", 4000));
  EXPECT_EQ(optam.base_cents, 2500);
}

// The immediate queue: a sector-1 GP who is not the médecin traitant and had no referral. An
// adult with a médecin traitant elsewhere, or without one (no territorial organisation), is
// not reimbursed, said in one line. Source: ameli.fr "La téléconsultation" (parcours de soins,
// exceptions, ancrage territorial).
TEST(Reimbursement, ImmediateGpTeleconsultation) {
  const auto near = estimate_immediate(adult(), "general_medicine", true, 2500, kDate);
  EXPECT_FALSE(near.reimbursable);
  EXPECT_EQ(near.rule, "video_out_of_parcours");
  EXPECT_EQ(near.patient_cents, 2500);
  EXPECT_EQ(near.reason_fr.find('\n'), std::string::npos);
  EXPECT_EQ(near.reason_fr.rfind("Téléconsultation hors parcours de soins : non remboursée par "
                                 "l'Assurance Maladie",
                                 0),
            0U);
  EXPECT_EQ(estimate_immediate(adult(), "general_medicine", false, 2500, kDate).rule,
            "video_out_of_parcours");
  Patient none = adult();
  none.has_medecin_traitant = false;
  EXPECT_NE(estimate_immediate(none, "general_medicine", true, 2500, kDate).reason_en.find("CPTS"),
            std::string::npos);
  // A child under 16 is reimbursed, near or not; a referral the queue cannot know is ignored.
  Patient child = adult();
  child.age_years = 7;
  child.referred_by_medecin_traitant = true;
  const auto kid = estimate_immediate(child, "general_medicine", false, 2500, kDate, true);
  EXPECT_EQ(kid.rule, "under_16");
  EXPECT_EQ(kid.amo_cents, 1750);
  EXPECT_TRUE(kid.tiers_payant);
  EXPECT_EQ(kid.advance_cents, 750);
  // AME patients are outside the médecin traitant scheme, but not outside territoriality.
  Patient ame = adult();
  ame.ame = true;
  EXPECT_EQ(estimate_immediate(ame, "general_medicine", true, 2500, kDate).rule, "ame");
  EXPECT_EQ(estimate_immediate(ame, "general_medicine", false, 2500, kDate).rule, "video_not_near");
}

}  // namespace
}  // namespace cabinet::billing
