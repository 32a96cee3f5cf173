#include "accounts/access_log.hpp"

#include <gtest/gtest.h>

namespace cabinet::accounts {
namespace {

AccessFacts facts(std::string action, ActorKind actor, std::string name = {}) {
  AccessFacts f;
  f.action = std::move(action);
  f.actor = actor;
  f.actor_name = std::move(name);
  f.this_year = 2026;
  f.consultation = agenda::LocalDate{2026, 12, 3};
  return f;
}
AccessFacts about_hugo(AccessFacts f) {
  f.own_profile = false;
  f.profile_name = "Hugo";
  return f;
}
std::string fr(const AccessFacts& f) { return access_sentence(f, Locale::fr); }
std::string en(const AccessFacts& f) { return access_sentence(f, Locale::en); }

TEST(AccessSentences, SayWhoInPlainWords) {
  const auto doctor = facts("consultation.chat.read", ActorKind::practitioner, "Dr Claire Martin");
  EXPECT_EQ(fr(doctor),
            "Dr Claire Martin a lu la conversation de votre consultation du 3 décembre.");
  EXPECT_EQ(en(doctor), "Dr Claire Martin read the chat of your consultation of 3 December.");
  EXPECT_EQ(fr(facts("profile.administrative.read", ActorKind::self)),
            "Vous avez lu vos données administratives (numéro de sécurité sociale, couverture, "
            "médecin traitant).");
  auto guest = facts("consultation.chat.write", ActorKind::guest, "Marie Dupont");
  guest.guest_kind = "interpreter";
  EXPECT_EQ(fr(guest),
            "L'invité Marie Dupont (interprète) a écrit dans la conversation de votre consultation "
            "du 3 décembre.");
  EXPECT_EQ(en(guest),
            "Guest Marie Dupont (interpreter) wrote in the chat of your consultation of 3 "
            "December.");
  auto assistant = facts("appointment.create", ActorKind::assistant);
  assistant.assistant_of = "Dr Claire Martin";
  EXPECT_EQ(fr(assistant),
            "Un assistant de Dr Claire Martin a pris votre rendez-vous du 3 décembre.");
  EXPECT_EQ(fr(facts("profile.update", ActorKind::operator_)),
            "L'équipe Cabinet (opérateur) a modifié votre profil.");
  EXPECT_EQ(en(facts("appointment.cancel", ActorKind::system)),
            "Cabinet (automatically) cancelled your appointment of 3 December.");
}

TEST(AccessSentences, NameTheRelativeWithFrenchElision) {
  const auto panel =
      about_hugo(facts("consultation.panel.read", ActorKind::practitioner, "Dr Claire Martin"));
  EXPECT_EQ(fr(panel),
            "Dr Claire Martin a consulté le dossier d'Hugo pendant la consultation d'Hugo du 3 "
            "décembre.");
  EXPECT_EQ(en(panel),
            "Dr Claire Martin looked at Hugo's record during Hugo's consultation of 3 December.");
  auto lea = facts("profile.administrative.write", ActorKind::self);
  lea.own_profile = false;
  lea.profile_name = "Léa";
  EXPECT_EQ(fr(lea), "Vous avez modifié les données administratives de Léa.");
}

TEST(AccessSentences, EveryActionWrittenByTheCodeHasItsOwnSentence) {
  const std::pair<const char*, const char*> expected[] = {
      {"profile.create", "Vous avez créé le profil d'Hugo."},
      {"profile.update", "Vous avez modifié le profil d'Hugo."},
      {"profile.delete", "Vous avez supprimé le profil d'Hugo."},
      {"profile.administrative.read",
       "Vous avez lu les données administratives d'Hugo (numéro de sécurité sociale, couverture, "
       "médecin traitant)."},
      {"profile.administrative.write", "Vous avez modifié les données administratives d'Hugo."},
      {"account.export", "Vous avez téléchargé une copie de toutes les données du compte."},
      {"appointment.create", "Vous avez pris le rendez-vous d'Hugo du 3 décembre."},
      {"appointment.confirm", "Vous avez confirmé le rendez-vous d'Hugo du 3 décembre."},
      {"appointment.cancel", "Vous avez annulé le rendez-vous d'Hugo du 3 décembre."},
      {"appointment.close", "Vous avez clôturé la consultation d'Hugo du 3 décembre."},
      {"consultation.chat.read",
       "Vous avez lu la conversation de la consultation d'Hugo du 3 décembre."},
      {"consultation.chat.write",
       "Vous avez écrit dans la conversation de la consultation d'Hugo du 3 décembre."},
      {"consultation.file.list",
       "Vous avez consulté la liste des fichiers de la consultation d'Hugo du 3 décembre."},
      {"consultation.file.add",
       "Vous avez envoyé un fichier dans la consultation d'Hugo du 3 décembre."},
      {"consultation.file.read",
       "Vous avez ouvert un fichier de la consultation d'Hugo du 3 décembre."},
      {"consultation.phone_fallback",
       "Vous avez passé la consultation d'Hugo du 3 décembre au téléphone."},
      {"consultation.panel.read",
       "Vous avez consulté le dossier d'Hugo pendant la consultation d'Hugo du 3 décembre."},
      {"consultation.notes.write",
       "Vous avez pris des notes sur la consultation d'Hugo du 3 décembre."},
      {"consultation.invitation.created",
       "Vous avez invité une personne à la consultation d'Hugo du 3 décembre."},
      {"consultation.invitation.revoked",
       "Vous avez annulé une invitation à la consultation d'Hugo du 3 décembre."},
      {"consultation.invitation.claimed",
       "Vous avez ouvert son lien d'invitation à la consultation d'Hugo du 3 décembre."},
      {"consultation.guest.admitted",
       "Vous avez fait entrer une personne invitée dans la consultation d'Hugo du 3 décembre."},
      {"messaging.conversation.open",
       "Vous avez ouvert une conversation de la messagerie au sujet d'Hugo."},
      {"messaging.conversation.read", "Vous avez lu les messages d'Hugo."},
      {"messaging.message.send",
       "Vous avez écrit dans une conversation de la messagerie au sujet d'Hugo."},
      {"messaging.attachment.read", "Vous avez ouvert une pièce jointe dans les messages d'Hugo."},
      {"messaging.conversation.close",
       "Vous avez clos une conversation de la messagerie au sujet d'Hugo."},
  };
  for (const auto& [action, sentence] : expected) {
    EXPECT_TRUE(known_action(action)) << action;
    EXPECT_EQ(fr(about_hugo(facts(action, ActorKind::self))), sentence);
    EXPECT_FALSE(en(about_hugo(facts(action, ActorKind::self))).empty());
  }
}

TEST(AccessSentences, DetailsAndDatesRefineTheSentence) {
  auto estimate = facts("profile.administrative.read", ActorKind::self);
  estimate.detail = "reimbursement estimate";
  EXPECT_EQ(fr(estimate),
            "Vous avez lu vos données administratives (numéro de sécurité sociale, couverture, "
            "médecin traitant), pour estimer le remboursement d'un rendez-vous.");
  auto interpreter = facts("consultation.invitation.created", ActorKind::practitioner, "Dr A B");
  interpreter.detail = "invitation 4 (interpreter)";
  EXPECT_EQ(fr(interpreter), "Dr A B a invité un interprète à votre consultation du 3 décembre.");
  auto admitted = facts("consultation.guest.admitted", ActorKind::practitioner, "Dr A B");
  admitted.admitted_guest = "Marie Dupont";
  EXPECT_EQ(en(admitted), "Dr A B let guest Marie Dupont into your consultation of 3 December.");
  auto last_year = facts("consultation.file.add", ActorKind::self);
  last_year.consultation = agenda::LocalDate{2025, 3, 1};
  EXPECT_EQ(fr(last_year), "Vous avez envoyé un fichier dans votre consultation du 1er mars 2025.");
  EXPECT_EQ(en(last_year), "You sent a file in your consultation of 1 March 2025.");
}

TEST(AccessSentences, TheHealthSpaceSaysWhatWasRead) {
  EXPECT_EQ(fr(about_hugo(facts("health.medical.read", ActorKind::practitioner, "Dr A B"))),
            "Dr A B a consulté les antécédents, allergies et traitements dans le dossier d'Hugo.");
  EXPECT_EQ(en(facts("health.document.read", ActorKind::practitioner, "Dr A B")),
            "Dr A B opened a document in your record.");
  EXPECT_EQ(fr(facts("health.documents.list", ActorKind::practitioner, "Dr A B")),
            "Dr A B a consulté la liste des documents dans votre dossier pour votre consultation "
            "du 3 décembre.");
  for (const char* action : {"documents.list", "document.read", "health.document.add",
                             "health.document.update", "health.document.delete",
                             "health.shares.read", "health.shares.write", "health.medical.write"})
    EXPECT_TRUE(known_action(action)) << action;
}

TEST(AccessSentences, AnUnknownActionStillReadsWell) {
  EXPECT_FALSE(known_action("documents.prescription.read"));
  EXPECT_EQ(fr(about_hugo(
                facts("documents.prescription.read", ActorKind::practitioner, "Dr Claire Martin"))),
            "Dr Claire Martin a consulté ou modifié les données d'Hugo.");
  EXPECT_EQ(en(facts("x", ActorKind::self)), "You accessed your data.");
}

TEST(AccessSentences, OthersAreShownByTheirNetworkOnly) {
  EXPECT_EQ(network_of("192.0.2.10"), "192.0.2.0/24");
  EXPECT_EQ(network_of("2001:db8:1:2::7"), "2001:db8:1::/48");
  EXPECT_EQ(network_of(""), "");
  EXPECT_EQ(network_of("not an address"), "");
}

}  // namespace
}  // namespace cabinet::accounts
