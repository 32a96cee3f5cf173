#include "accounts/access_log.hpp"

#include <arpa/inet.h>

#include <array>
#include <map>

namespace cabinet::accounts {
namespace {

// The participle phrase after "a"/"avez" (French) or the subject (English). Pieces:
// {profile} {admin} {record} {appointment} {consultation} {data} {guest} {messages} {conversation}.
struct Wording {
  std::string_view fr;
  std::string_view en;
};
const std::map<std::string_view, Wording>& wordings() {
  static const std::map<std::string_view, Wording> kWordings{
      {"profile.create", {"créé {profile}", "created {profile}"}},
      {"profile.update", {"modifié {profile}", "changed {profile}"}},
      {"profile.delete", {"supprimé {profile}", "deleted {profile}"}},
      {"profile.administrative.read",
       {"lu {admin} (numéro de sécurité sociale, couverture, médecin traitant)",
        "read {admin} (social security number, coverage, regular doctor)"}},
      {"profile.administrative.write", {"modifié {admin}", "changed {admin}"}},
      {"account.export",
       {"téléchargé une copie de toutes les données du compte",
        "downloaded a copy of all the account's data"}},
      {"appointment.create", {"pris {appointment}", "booked {appointment}"}},
      {"appointment.confirm", {"confirmé {appointment}", "confirmed {appointment}"}},
      {"appointment.cancel", {"annulé {appointment}", "cancelled {appointment}"}},
      {"appointment.close", {"clôturé {consultation}", "closed {consultation}"}},
      {"consultation.chat.read",
       {"lu la conversation de {consultation}", "read the chat of {consultation}"}},
      {"consultation.chat.write",
       {"écrit dans la conversation de {consultation}", "wrote in the chat of {consultation}"}},
      {"consultation.file.list",
       {"consulté la liste des fichiers de {consultation}",
        "looked at the list of files of {consultation}"}},
      {"consultation.file.add",
       {"envoyé un fichier dans {consultation}", "sent a file in {consultation}"}},
      {"consultation.file.read",
       {"ouvert un fichier de {consultation}", "opened a file of {consultation}"}},
      {"consultation.phone_fallback",
       {"passé {consultation} au téléphone", "switched {consultation} to a phone call"}},
      {"consultation.panel.read",
       {"consulté {record} pendant {consultation}", "looked at {record} during {consultation}"}},
      {"consultation.notes.write",
       {"pris des notes sur {consultation}", "took notes on {consultation}"}},
      {"consultation.invitation.created",
       {"invité une personne à {consultation}", "invited someone to {consultation}"}},
      {"consultation.invitation.revoked",
       {"annulé une invitation à {consultation}", "cancelled an invitation to {consultation}"}},
      {"consultation.invitation.claimed",
       {"ouvert son lien d'invitation à {consultation}",
        "opened their invitation link to {consultation}"}},
      {"consultation.guest.admitted",
       {"fait entrer {guest} dans {consultation}", "let {guest} into {consultation}"}},
      // Messaging (docs/messaging.md).
      {"messaging.conversation.open", {"ouvert {conversation}", "opened {conversation}"}},
      {"messaging.conversation.read", {"lu {messages}", "read {messages}"}},
      {"messaging.message.send", {"écrit dans {conversation}", "wrote in {conversation}"}},
      {"messaging.attachment.read",
       {"ouvert une pièce jointe dans {messages}", "opened an attachment in {messages}"}},
      {"messaging.conversation.close", {"clos {conversation}", "closed {conversation}"}},
      // The health space (docs/health-space.md) and the documents it lists.
      {"documents.list",
       {"consulté la liste des documents dans {record}", "looked at the documents in {record}"}},
      {"document.read", {"ouvert un document dans {record}", "opened a document in {record}"}},
      {"health.documents.list",
       {"consulté la liste des documents dans {record} pour {consultation}",
        "looked at the documents in {record} for {consultation}"}},
      {"health.document.read",
       {"ouvert un document dans {record}", "opened a document in {record}"}},
      {"health.document.add", {"ajouté un document dans {record}", "added a document to {record}"}},
      {"health.document.update",
       {"masqué, affiché ou renommé un document dans {record}",
        "hid, showed or renamed a document in {record}"}},
      {"health.document.delete",
       {"supprimé un document dans {record}", "deleted a document from {record}"}},
      {"health.shares.read",
       {"consulté les documents joints à {appointment}",
        "looked at the documents attached to {appointment}"}},
      {"health.shares.write",
       {"joint des documents à {appointment}", "attached documents to {appointment}"}},
      {"health.medical.read",
       {"consulté les antécédents, allergies et traitements dans {record}",
        "read the medical history, allergies and treatments in {record}"}},
      {"health.medical.write",
       {"modifié les antécédents, allergies et traitements dans {record}",
        "changed the medical history, allergies and treatments in {record}"}},
  };
  return kWordings;
}
constexpr Wording kOther{"consulté ou modifié {data}", "accessed {data}"};

// "de Léa", but "d'Emma", "d'Hugo" (French elision before a vowel or a mute h).
std::string de(const std::string& name) {
  static constexpr std::array<std::string_view, 19> kVowels{"a", "e", "i", "o", "u", "y", "h",
                                                            "A", "E", "I", "O", "U", "Y", "H",
                                                            "É", "È", "Ê", "à", "é"};
  for (auto v : kVowels) {
    if (name.starts_with(v)) return "d'" + name;
  }
  return "de " + name;
}

std::string day_phrase(const AccessFacts& f, bool fr) {
  if (!f.consultation) return {};
  const auto& d = *f.consultation;
  const auto month = month_name(d.month, fr ? Locale::fr : Locale::en);
  std::string out = fr ? " du " : " of ";
  out += std::to_string(d.day) + (d.day == 1 && fr ? "er" : "") + " " + std::string(month);
  if (d.year != f.this_year) out += " " + std::to_string(d.year);
  return out;
}

std::string piece(std::string_view name, const AccessFacts& f, bool fr) {
  const bool own = f.own_profile;
  const auto& n = f.profile_name;
  if (name == "profile") {
    return fr ? (own ? "votre profil" : "le profil " + de(n))
              : (own ? "your" : n + "'s") + std::string(" profile");
  }
  if (name == "admin") {
    return fr ? (own ? "vos données administratives" : "les données administratives " + de(n))
              : (own ? "your" : n + "'s") + std::string(" administrative data");
  }
  if (name == "record") {
    return fr ? (own ? "votre dossier" : "le dossier " + de(n))
              : (own ? "your" : n + "'s") + std::string(" record");
  }
  if (name == "data") {
    return fr ? (own ? "vos données" : "les données " + de(n))
              : (own ? "your" : n + "'s") + std::string(" data");
  }
  if (name == "appointment" || name == "consultation") {
    const bool appointment = name == "appointment";
    if (fr) {
      const std::string noun = appointment ? "rendez-vous" : "consultation";
      const std::string article = appointment ? "le " : "la ";
      return (own ? "votre " + noun : article + noun + " " + de(n)) + day_phrase(f, true);
    }
    return (own ? "your" : n + "'s") + std::string(appointment ? " appointment" : " consultation") +
           day_phrase(f, false);
  }
  if (name == "messages") {
    return fr ? (own ? "vos messages" : "les messages " + de(n))
              : (own ? "your" : n + "'s") + std::string(" messages");
  }
  if (name == "conversation") {
    return fr ? (own ? "une conversation de votre messagerie"
                     : "une conversation de la messagerie au sujet " + de(n))
              : (own ? "a conversation of your messages" : "a conversation about " + n);
  }
  if (name == "guest") {
    if (f.admitted_guest.empty()) return fr ? "une personne invitée" : "a guest";
    return fr ? "l'invité " + f.admitted_guest : "guest " + f.admitted_guest;
  }
  return {};
}

std::string fill(std::string_view tpl, const AccessFacts& f, bool fr) {
  std::string out;
  for (std::size_t i = 0; i < tpl.size();) {
    if (tpl[i] == '{') {
      const auto end = tpl.find('}', i);
      out += piece(tpl.substr(i + 1, end - i - 1), f, fr);
      i = end + 1;
    } else {
      out += tpl[i++];
    }
  }
  return out;
}

std::string guest_label(const AccessFacts& f, bool fr) {
  const bool interpreter = f.guest_kind == "interpreter";
  std::string out = fr ? "L'invité" : "Guest";
  if (!f.actor_name.empty()) out += " " + f.actor_name;
  out += fr ? (interpreter ? " (interprète)" : " (proche)")
            : (interpreter ? " (interpreter)" : " (relative or friend)");
  return out;
}

std::string subject(const AccessFacts& f, bool fr) {
  switch (f.actor) {
    case ActorKind::self:
      return fr ? "Vous" : "You";
    case ActorKind::practitioner:
      return f.actor_name.empty() ? (fr ? "Un praticien" : "A practitioner") : f.actor_name;
    case ActorKind::assistant:
      if (f.assistant_of.empty()) return fr ? "Un assistant médical" : "A medical assistant";
      return (fr ? "Un assistant de " : "An assistant of ") + f.assistant_of;
    case ActorKind::guest:
      return guest_label(f, fr);
    case ActorKind::operator_:
      return fr ? "L'équipe Cabinet (opérateur)" : "The Cabinet team (operator)";
    case ActorKind::patient:
      return fr ? "Un autre patient" : "Another patient";
    case ActorKind::system:
      break;
  }
  return fr ? "Cabinet (automatiquement)" : "Cabinet (automatically)";
}

}  // namespace

std::string_view to_string(ActorKind k) {
  switch (k) {
    case ActorKind::self:
      return "self";
    case ActorKind::practitioner:
      return "practitioner";
    case ActorKind::assistant:
      return "assistant";
    case ActorKind::guest:
      return "guest";
    case ActorKind::operator_:
      return "operator";
    case ActorKind::patient:
      return "patient";
    case ActorKind::system:
      break;
  }
  return "system";
}

bool known_action(std::string_view action) { return wordings().contains(action); }

std::string access_sentence(const AccessFacts& f, Locale locale) {
  const bool fr = locale != Locale::en;
  const auto it = wordings().find(f.action);
  const Wording w = it == wordings().end() ? kOther : it->second;
  std::string phrase = fill(fr ? w.fr : w.en, f, fr);
  if (f.action == "profile.administrative.read" && f.detail == "reimbursement estimate") {
    phrase += fr ? ", pour estimer le remboursement d'un rendez-vous"
                 : ", to estimate what an appointment is reimbursed";
  }
  if (f.action == "consultation.invitation.created" && f.detail.ends_with("(interpreter)")) {
    phrase = fill(
        fr ? "invité un interprète à {consultation}" : "invited an interpreter to {consultation}",
        f, fr);
  }
  const auto who = subject(f, fr);
  if (fr) return who + (f.actor == ActorKind::self ? " avez " : " a ") + phrase + ".";
  return who + " " + phrase + ".";
}

std::string network_of(std::string_view ip) {
  const std::string s(ip);
  std::array<unsigned char, 16> bytes{};
  std::array<char, INET6_ADDRSTRLEN> text{};
  if (inet_pton(AF_INET, s.c_str(), bytes.data()) == 1) {
    bytes[3] = 0;
    if (inet_ntop(AF_INET, bytes.data(), text.data(), text.size()) == nullptr) return {};
    return std::string(text.data()) + "/24";
  }
  if (inet_pton(AF_INET6, s.c_str(), bytes.data()) == 1) {
    for (std::size_t i = 6; i < bytes.size(); ++i) bytes.at(i) = 0;
    if (inet_ntop(AF_INET6, bytes.data(), text.data(), text.size()) == nullptr) return {};
    return std::string(text.data()) + "/48";
  }
  return {};
}

}  // namespace cabinet::accounts
