#include "notify/templates.hpp"

#include <array>
#include <stdexcept>

namespace cabinet::notify {
namespace {

struct Template {
  std::string_view name;
  std::string_view subject_fr, text_fr;
  std::string_view subject_en, text_en;
  std::string_view action_fr, action_en;  // label of the button, when there is a link
};

// Texts are written once; the HTML part is built from the text (paragraphs, the link as a
// button) so that the two can never say different things.
constexpr std::array kTemplates{
    Template{
        "confirm_email", "Confirmez votre adresse e-mail",
        "Bonjour {{name}},\n\nBienvenue sur Cabinet. Pour activer votre compte, confirmez votre "
        "adresse e-mail en ouvrant ce lien (valable 48 heures) :\n\n{{link}}\n\nSi vous n'avez pas "
        "créé de compte, ignorez ce message.",
        "Confirm your email address",
        "Hello {{name}},\n\nWelcome to Cabinet. To activate your account, confirm your email "
        "address by opening this link (valid for 48 hours):\n\n{{link}}\n\nIf you did not create "
        "an account, ignore this message.",
        "Confirmer mon adresse", "Confirm my address"},
    Template{
        "signup_exists", "Une inscription avec votre adresse",
        "Bonjour,\n\nQuelqu'un a essayé de créer un compte Cabinet avec votre adresse e-mail, "
        "qui a déjà un compte. Si c'était vous, connectez-vous, ou choisissez un nouveau mot "
        "de passe :\n\n{{link}}\n\nSinon, vous pouvez ignorer ce message : votre compte n'a pas "
        "changé.",
        "A sign-up with your address",
        "Hello,\n\nSomeone tried to create a Cabinet account with your email address, which "
        "already has one. If it was you, sign in, or choose a new password:\n\n{{link}}\n\n"
        "Otherwise you can ignore this message: your account has not changed.",
        "Mot de passe oublié", "Forgot my password"},
    // The code is in the body only: the subject stays in the outbox after the body is erased,
    // and phones show subjects on the lock screen.
    Template{
        "login_code", "Votre code de sécurité Cabinet",
        "Bonjour {{name}},\n\nVotre code de sécurité pour vous connecter à Cabinet est :\n\n"
        "{{code}}\n\nIl est valable 10 minutes. Ne le communiquez à personne : Cabinet ne vous "
        "le demandera jamais par téléphone.\n\nSi vous n'essayez pas de vous connecter, "
        "changez votre mot de passe.",
        "Your Cabinet security code",
        "Hello {{name}},\n\nYour security code to sign in to Cabinet is:\n\n{{code}}\n\nIt is "
        "valid for 10 minutes. Do not share it: Cabinet will never ask you for it by phone.\n\n"
        "If you are not trying to sign in, change your password.",
        "", ""},
    Template{
        "password_reset", "Réinitialisez votre mot de passe",
        "Bonjour {{name}},\n\nVous avez demandé à changer de mot de passe. Ouvrez ce lien, "
        "valable 30 minutes et utilisable une seule fois :\n\n{{link}}\n\nSi vous n'êtes pas à "
        "l'origine de cette demande, ignorez ce message : votre mot de passe reste le même.",
        "Reset your password",
        "Hello {{name}},\n\nYou asked to change your password. Open this link, valid for 30 "
        "minutes and usable once:\n\n{{link}}\n\nIf you did not ask for it, ignore this message: "
        "your password stays the same.",
        "Choisir un nouveau mot de passe", "Choose a new password"},
    Template{"password_changed", "Votre mot de passe a été modifié",
             "Bonjour {{name}},\n\nLe mot de passe de votre compte Cabinet vient d'être modifié et "
             "vos autres appareils ont été déconnectés.\n\nSi vous n'êtes pas à l'origine de ce "
             "changement, réinitialisez votre mot de passe sans attendre :\n\n{{link}}",
             "Your password was changed",
             "Hello {{name}},\n\nThe password of your Cabinet account was just changed and your "
             "other devices were signed out.\n\nIf you did not make this change, reset your "
             "password now:\n\n{{link}}",
             "Réinitialiser mon mot de passe", "Reset my password"},
    Template{"practitioner_verified", "Votre compte praticien est vérifié",
             "Bonjour {{name}},\n\nNous avons vérifié votre numéro RPPS et votre inscription à "
             "l'Ordre. Votre profil peut désormais apparaître dans la recherche de Cabinet.\n\n"
             "{{link}}",
             "Your practitioner account is verified",
             "Hello {{name}},\n\nWe verified your RPPS number and your registration with the "
             "Ordre. Your profile can now appear in Cabinet's search.\n\n{{link}}",
             "Ouvrir mon espace praticien", "Open my practitioner area"},
    Template{"practitioner_rejected", "Votre inscription praticien n'a pas pu être validée",
             "Bonjour {{name}},\n\nNous n'avons pas pu valider votre inscription comme praticien "
             "sur Cabinet, pour la raison suivante :\n\n{{reason}}\n\nVous pouvez nous répondre "
             "pour corriger votre dossier.",
             "Your practitioner sign-up could not be validated",
             "Hello {{name}},\n\nWe could not validate your sign-up as a practitioner on Cabinet, "
             "for this reason:\n\n{{reason}}\n\nYou can reply to correct your file.",
             "", ""},
    Template{"account_suspended", "Votre compte Cabinet est suspendu",
             "Bonjour {{name}},\n\nVotre compte Cabinet est suspendu pour la raison "
             "suivante :\n\n{{reason}}\n\nVous ne pouvez plus vous connecter. Vous pouvez "
             "répondre à ce message pour en parler avec nous.",
             "Your Cabinet account is suspended",
             "Hello {{name}},\n\nYour Cabinet account is suspended for this reason:\n\n"
             "{{reason}}\n\nYou can no longer sign in. You can reply to this message to "
             "talk with us.",
             "", ""},
    Template{"account_reactivated", "Votre compte Cabinet est de nouveau actif",
             "Bonjour {{name}},\n\nVotre compte Cabinet est de nouveau actif :\n\n{{reason}}"
             "\n\nVous pouvez vous connecter.\n\n{{link}}",
             "Your Cabinet account is active again",
             "Hello {{name}},\n\nYour Cabinet account is active again:\n\n{{reason}}\n\n"
             "You can sign in.\n\n{{link}}",
             "Se connecter", "Sign in"},
    Template{"assistant_invitation", "{{practitioner}} vous invite sur Cabinet",
             "Bonjour,\n\n{{practitioner}} vous invite à gérer son agenda sur Cabinet en tant "
             "qu'assistant(e). Créez votre compte avec ce lien, valable 7 jours :\n\n{{link}}\n\n"
             "En tant qu'assistant(e), vous gérerez les rendez-vous sans accès au contenu "
             "médical des consultations.",
             "{{practitioner}} invites you to Cabinet",
             "Hello,\n\n{{practitioner}} invites you to manage their agenda on Cabinet as an "
             "assistant. Create your account with this link, valid for 7 days:\n\n{{link}}\n\n"
             "As an assistant you will manage appointments without access to the medical content "
             "of consultations.",
             "Créer mon compte", "Create my account"},
    Template{"partner_admin_invitation", "Votre accès administrateur {{partner}} sur Cabinet",
             "Bonjour {{name}},\n\nUn compte d'administration de {{partner}} vous a été ouvert "
             "sur Cabinet. Choisissez votre mot de passe avec ce lien, valable 7 jours :\n\n"
             "{{link}}\n\nVous verrez les statistiques de {{partner}} et émettrez ses codes "
             "d'activation, sans accès à aucune donnée médicale.",
             "Your {{partner}} administrator access on Cabinet",
             "Hello {{name}},\n\nAn administration account of {{partner}} was opened for you on "
             "Cabinet. Choose your password with this link, valid for 7 days:\n\n{{link}}\n\n"
             "You will see the statistics of {{partner}} and issue its activation codes, without "
             "access to any medical data.",
             "Choisir mon mot de passe", "Choose my password"},
    Template{"account_deleted", "Votre compte Cabinet a été supprimé",
             "Bonjour {{name}},\n\nVotre compte Cabinet et ceux de vos proches ont été supprimés, "
             "comme vous l'avez demandé. Les traces d'accès à vos données sont conservées le temps "
             "exigé par la loi, sans vos données personnelles.",
             "Your Cabinet account was deleted",
             "Hello {{name}},\n\nYour Cabinet account and those of your relatives were deleted, as "
             "you asked. The record of accesses to your data is kept as long as the law requires, "
             "without your personal data.",
             "", ""},
    // Booking (docs/booking.md). {{summary}} is the appointment in lines: when, with whom,
    // motif, for whom, how.
    Template{"booking_confirmed", "Rendez-vous confirmé : {{when}}",
             "Bonjour {{name}},\n\nVotre rendez-vous est confirmé.\n\n{{summary}}\n\n{{payment}}"
             "\n\nAjouter à votre agenda (fichier .ics) : {{calendar}}\n\nVous ne pouvez pas "
             "venir ? Annulez sans frais, sans vous connecter, avec ce bouton :\n\n{{link}}",
             "Appointment confirmed: {{when}}",
             "Hello {{name}},\n\nYour appointment is confirmed.\n\n{{summary}}\n\n{{payment}}\n\n"
             "Add it to your calendar (.ics file): {{calendar}}\n\nCannot make it? Cancel at no "
             "cost, without signing in, with this button:\n\n{{link}}",
             "ANNULER LE RENDEZ-VOUS", "CANCEL THE APPOINTMENT"},
    Template{"booked_for_you", "{{practitioner}} a pris rendez-vous pour vous : {{when}}",
             "Bonjour {{name}},\n\n{{practitioner}} a pris ce rendez-vous pour vous.\n\n"
             "{{summary}}\n\nAjoutez une carte bancaire dans « Mes rendez-vous » avant le "
             "{{deadline}} : une empreinte est réalisée, rien n'est débité avant la consultation. "
             "Sans carte, le rendez-vous est maintenu et vous réglez directement {{practitioner}}."
             "\n\n{{link}}\n\nPour annuler sans frais : {{cancel}}",
             "{{practitioner}} booked an appointment for you: {{when}}",
             "Hello {{name}},\n\n{{practitioner}} booked this appointment for you.\n\n{{summary}}"
             "\n\nAdd a bank card in \"My appointments\" before {{deadline}}: a hold is placed, "
             "nothing is charged before the consultation. Without a card the appointment stands "
             "and you pay {{practitioner}} directly.\n\n{{link}}\n\nTo cancel at no cost: "
             "{{cancel}}",
             "Ajouter ma carte", "Add my card"},
    Template{"reminder_day_before", "Rappel : rendez-vous demain, {{when}}",
             "Bonjour {{name}},\n\nPetit rappel de votre rendez-vous de demain.\n\n{{summary}}"
             "\n\n{{access}}\n\nVous ne pouvez pas venir ? Annulez sans frais :\n\n{{link}}",
             "Reminder: appointment tomorrow, {{when}}",
             "Hello {{name}},\n\nA reminder of your appointment tomorrow.\n\n{{summary}}\n\n"
             "{{access}}\n\nCannot make it? Cancel at no cost:\n\n{{link}}",
             "ANNULER LE RENDEZ-VOUS", "CANCEL THE APPOINTMENT"},
    Template{"reminder_hours_before", "Votre rendez-vous d'aujourd'hui : {{when}}",
             "Bonjour {{name}},\n\nVotre rendez-vous a lieu aujourd'hui.\n\n{{summary}}\n\n"
             "{{access}}\n\n{{link}}",
             "Your appointment today: {{when}}",
             "Hello {{name}},\n\nYour appointment is today.\n\n{{summary}}\n\n{{access}}\n\n"
             "{{link}}",
             "Accéder à mon rendez-vous", "Open my appointment"},
    Template{"card_required", "Action requise : ajoutez une carte pour votre rendez-vous",
             "Bonjour {{name}},\n\nL'empreinte bancaire de votre rendez-vous n'a pas pu être "
             "réalisée sur la carte enregistrée (refusée ou expirée).\n\n{{summary}}\n\nAjoutez "
             "une autre carte avant le {{deadline}}, sinon le rendez-vous sera annulé et le "
             "créneau libéré. Rien n'a été débité.\n\n{{link}}",
             "Action needed: add a card for your appointment",
             "Hello {{name}},\n\nThe card hold for your appointment could not be placed on the "
             "saved card (declined or expired).\n\n{{summary}}\n\nAdd another card before "
             "{{deadline}}, otherwise the appointment will be cancelled and the slot released. "
             "Nothing was charged.\n\n{{link}}",
             "Ajouter une carte", "Add a card"},
    Template{"appointment_cancelled", "Rendez-vous annulé : {{when}}",
             "Bonjour {{name}},\n\n{{why}}\n\n{{summary}}\n\nAucun montant n'a été débité : "
             "l'empreinte bancaire est levée.\n\nPour prendre un autre rendez-vous :\n\n{{link}}",
             "Appointment cancelled: {{when}}",
             "Hello {{name}},\n\n{{why}}\n\n{{summary}}\n\nNothing was charged: the card hold is "
             "released.\n\nTo book another appointment:\n\n{{link}}",
             "Reprendre rendez-vous", "Book again"},
    Template{"agenda_cancelled", "Rendez-vous annulé : {{when}}",
             "Bonjour,\n\n{{why}}\n\n{{summary}}\n\nLe créneau est de nouveau proposé aux "
             "patients.\n\n{{link}}",
             "Appointment cancelled: {{when}}",
             "Hello,\n\n{{why}}\n\n{{summary}}\n\nThe slot is offered to patients again.\n\n"
             "{{link}}",
             "Ouvrir mon agenda", "Open my agenda"},
    Template{"no_show", "Rendez-vous non honoré : {{when}}",
             "Bonjour {{name}},\n\nLa consultation prévue n'a pas eu lieu.\n\n{{summary}}\n\n"
             "Rien n'a été débité : l'empreinte bancaire est levée.\n\n{{link}}",
             "Appointment not attended: {{when}}",
             "Hello {{name}},\n\nThe planned consultation did not take place.\n\n{{summary}}\n\n"
             "Nothing was charged: the card hold is released.\n\n{{link}}",
             "Reprendre rendez-vous", "Book again"},
    // Says that documents are there, never what they are (health data stays in the space).
    Template{"documents_ready", "Vos documents de consultation sont disponibles",
             "Bonjour {{name}},\n\n{{practitioner}} a déposé des documents à la suite de votre "
             "téléconsultation. Ils vous attendent dans votre espace sécurisé, rubrique « Mes "
             "documents », et y restent disponibles.\n\n{{link}}",
             "Your consultation documents are available",
             "Hello {{name}},\n\n{{practitioner}} has added documents following your "
             "teleconsultation. They are waiting in your secure space, under \"My documents\", "
             "and stay available there.\n\n{{link}}",
             "Voir mes documents", "See my documents"},
    // Messaging (docs/messaging.md): that a message arrived and where, never what it says nor
    // what it is about (not even the reason), nor, to the practitioner, who the patient is.
    Template{"message_to_patient", "Nouveau message de {{practitioner}}",
             "Bonjour,\n\nVous avez un nouveau message de {{practitioner}} dans votre espace "
             "sécurisé Cabinet.\n\n{{link}}",
             "New message from {{practitioner}}",
             "Hello,\n\nYou have a new message from {{practitioner}} in your secure Cabinet "
             "space.\n\n{{link}}",
             "Lire le message", "Read the message"},
    Template{"message_to_practitioner", "Nouveau message d'un patient",
             "Bonjour,\n\nVous avez un nouveau message de votre patient dans votre espace "
             "Cabinet.\n\n{{link}}",
             "New message from a patient",
             "Hello,\n\nYou have a new message from your patient in your Cabinet space.\n\n"
             "{{link}}",
             "Lire le message", "Read the message"},
};

const Template& find(std::string_view name) {
  for (const auto& t : kTemplates) {
    if (t.name == name) return t;
  }
  throw std::logic_error("no message template " + std::string(name));
}

std::string fill(std::string_view text, const Variables& vars, bool html) {
  std::string out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto open = text.find("{{", pos);
    if (open == std::string_view::npos) {
      out += html ? escape_html(text.substr(pos)) : std::string(text.substr(pos));
      break;
    }
    out += html ? escape_html(text.substr(pos, open - pos))
                : std::string(text.substr(pos, open - pos));
    const auto close = text.find("}}", open);
    const auto key = text.substr(open + 2, close - open - 2);
    auto it = vars.find(key);
    if (it == vars.end()) throw std::logic_error("missing template variable " + std::string(key));
    out += html ? escape_html(it->second) : it->second;
    pos = close + 2;
  }
  return out;
}

// Paragraphs become <p>; a paragraph that is exactly the link becomes a button.
std::string to_html(std::string_view text, const Variables& vars, std::string_view action,
                    Locale locale) {
  std::string body;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto end = text.find("\n\n", pos);
    if (end == std::string_view::npos) end = text.size();
    const auto paragraph = text.substr(pos, end - pos);
    if (paragraph == "{{link}}" && !action.empty()) {
      const auto href = escape_html(vars.at("link"));
      body +=
          R"(<p style="margin:24px 0"><a href=")" + href +
          R"(" style="background:#0b5e6b;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600;display:inline-block">)" +
          escape_html(action) + "</a></p>";
      body += R"(<p style="font-size:13px;color:#4a5a60">)" +
              std::string(locale == Locale::en ? "Or copy this address: "
                                               : "Ou copiez cette adresse : ") +
              href + "</p>";
    } else if (paragraph == "{{code}}") {
      body += R"(<p style="font-size:32px;letter-spacing:6px;font-weight:700;margin:24px 0">)" +
              escape_html(vars.at("code")) + "</p>";
    } else {
      body += R"(<p style="margin:0 0 16px">)" + fill(paragraph, vars, true) + "</p>";
    }
    pos = end + 2;
  }
  return R"(<!doctype html><html lang=")" + std::string(to_string(locale)) +
         R"("><body style="margin:0;background:#f3f6f7;font-family:Arial,Helvetica,sans-serif;color:#16262b;font-size:16px;line-height:1.5"><div style="max-width:560px;margin:0 auto;padding:24px"><p style="font-size:20px;font-weight:700;color:#0b5e6b;margin:0 0 24px">Cabinet</p><div style="background:#ffffff;border:1px solid #d9e2e5;border-radius:8px;padding:24px">)" +
         body + R"(</div><p style="font-size:13px;color:#4a5a60;margin-top:24px">)" +
         std::string(locale == Locale::en
                         ? "In an emergency, call 15 or 112 (114 by text message)."
                         : "En cas d'urgence, appelez le 15 ou le 112 (114 par SMS).") +
         "</p></div></body></html>";
}

}  // namespace

Rendered render(std::string_view name, Locale locale, const Variables& vars) {
  const Template& t = find(name);
  const bool en = locale == Locale::en;
  const auto text = en ? t.text_en : t.text_fr;
  Rendered out;
  out.subject = fill(en ? t.subject_en : t.subject_fr, vars, false);
  out.text = fill(text, vars, false) + "\n\n-- \nCabinet\n" +
             (en ? "In an emergency, call 15 or 112 (114 by text message).\n"
                 : "En cas d'urgence, appelez le 15 ou le 112 (114 par SMS).\n");
  out.html = to_html(text, vars, en ? t.action_en : t.action_fr, locale);
  return out;
}

std::string render_sms(std::string_view name, Locale locale, const Variables& vars) {
  if (name == "login_code") {
    return fill(locale == Locale::en
                    ? "Cabinet: your security code is {{code}} (valid 10 min)."
                    : "Cabinet : votre code de sécurité est {{code}} (valable 10 min).",
                vars, false);
  }
  struct Sms {
    std::string_view name, fr, en;
  };
  static constexpr std::array kSms{
      Sms{"booking_confirmed",
          "Cabinet : RDV confirmé {{when}} avec {{practitioner}}. Annuler sans frais : {{link}}",
          "Cabinet: appointment confirmed {{when}} with {{practitioner}}. Cancel at no cost: "
          "{{link}}"},
      Sms{"booked_for_you",
          "Cabinet : {{practitioner}} a pris RDV pour vous {{when}}. Ajoutez une carte : {{link}}",
          "Cabinet: {{practitioner}} booked an appointment for you {{when}}. Add a card: {{link}}"},
      Sms{"reminder_day_before",
          "Cabinet : rappel, RDV demain {{when}} avec {{practitioner}}. Annuler : {{link}}",
          "Cabinet: reminder, appointment tomorrow {{when}} with {{practitioner}}. Cancel: "
          "{{link}}"},
      Sms{"reminder_link",
          "Cabinet : votre téléconsultation avec {{practitioner}} commence dans 10 min : {{link}}",
          "Cabinet: your video consultation with {{practitioner}} starts in 10 min: {{link}}"},
      Sms{"card_required",
          "Cabinet : carte refusée pour votre RDV du {{when}}. Ajoutez une carte avant le "
          "{{deadline}} : {{link}}",
          "Cabinet: card declined for your appointment on {{when}}. Add a card before "
          "{{deadline}}: {{link}}"},
      Sms{"appointment_cancelled",
          "Cabinet : votre RDV du {{when}} avec {{practitioner}} est annulé. Rien n'est débité.",
          "Cabinet: your appointment on {{when}} with {{practitioner}} is cancelled. Nothing is "
          "charged."},
  };
  for (const auto& t : kSms) {
    if (t.name == name) return fill(locale == Locale::en ? t.en : t.fr, vars, false);
  }
  throw std::logic_error("no SMS template " + std::string(name));
}

}  // namespace cabinet::notify
