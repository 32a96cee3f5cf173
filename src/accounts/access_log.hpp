#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "agenda/local_time.hpp"
#include "core/locale.hpp"

// "Qui a consulté mon dossier" in plain words (SEC2, issue 12): who ("Dr Claire Martin",
// "Vous", "L'invité Marie Dupont (interprète)", "Un assistant de Dr Claire Martin", "L'équipe
// Cabinet (opérateur)"), what ("a lu la conversation de la consultation de Hugo du 3
// décembre"), as one sentence per audit entry. Pure: unit-tested in access_log_test.cpp; the
// service gathers the facts (profiles.cpp), the web app has the same wording in its i18n files.
namespace cabinet::accounts {

enum class ActorKind { self, practitioner, assistant, guest, operator_, patient, system };
std::string_view to_string(ActorKind k);

struct AccessFacts {
  std::string action;  // the audit entry's, e.g. "consultation.chat.read"
  std::string detail;  // the audit entry's ("reimbursement estimate", "guest 12 (interpreter)")
  ActorKind actor = ActorKind::system;
  std::string actor_name;    // practitioner "Dr Claire Martin"; guest "Marie Dupont"
  std::string guest_kind;    // guest actor: "guest" or "interpreter"
  std::string assistant_of;  // assistant actor: "Dr Claire Martin"
  bool own_profile = true;   // the entry is about the account holder's own profile
  std::string profile_name;  // the relative's first name otherwise
  std::optional<agenda::LocalDate> consultation;  // the appointment's day, for its actions
  std::string admitted_guest;  // consultation.guest.admitted: the guest's name, if known
  int this_year = 0;           // the year is said only when it is not this one
};

// Every action the code writes to the audit log has its own sentence; any other one gets a
// generic sentence ("… a consulté ou modifié les données de Hugo").
bool known_action(std::string_view action);

// "Dr Claire Martin a lu la conversation de votre consultation du 3 décembre."
std::string access_sentence(const AccessFacts& facts, Locale locale);

// The network an address belongs to, to show who is not the patient without their exact
// address: IPv4 /24 ("192.0.2.0/24"), IPv6 /48 ("2001:db8:1::/48"); empty when not an address.
std::string network_of(std::string_view ip);

}  // namespace cabinet::accounts
