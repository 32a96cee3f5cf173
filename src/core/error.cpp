#include "core/error.hpp"

#include <array>

namespace cabinet {
namespace {

struct ErrorInfo {
  ErrorCode code;
  std::string_view name;
  int status;
  std::string_view fr;
  std::string_view en;
};

// The one place where an error code meets its HTTP status and its default wording.
constexpr std::array kErrors{
    ErrorInfo{ErrorCode::invalid_json, "invalid_json", 400,
              "Le corps de la requête n'est pas un JSON valide.",
              "The request body is not valid JSON."},
    ErrorInfo{ErrorCode::invalid_request, "invalid_request", 400,
              "La requête contient une valeur invalide.", "The request contains an invalid value."},
    ErrorInfo{ErrorCode::unsupported_media_type, "unsupported_media_type", 415,
              "Ce type de contenu n'est pas accepté ici.",
              "This content type is not accepted here."},
    ErrorInfo{ErrorCode::unauthorized, "unauthorized", 401, "Veuillez vous connecter.",
              "Please sign in."},
    ErrorInfo{ErrorCode::forbidden, "forbidden", 403, "Vous n'avez pas accès à cette ressource.",
              "You do not have access to this resource."},
    ErrorInfo{ErrorCode::not_found, "not_found", 404, "Ressource introuvable.",
              "Resource not found."},
    ErrorInfo{ErrorCode::method_not_allowed, "method_not_allowed", 405,
              "Cette méthode n'est pas permise sur cette adresse.",
              "This method is not allowed on this address."},
    ErrorInfo{ErrorCode::upgrade_required, "upgrade_required", 426,
              "Cette adresse attend une connexion WebSocket.",
              "This address expects a WebSocket connection."},
    ErrorInfo{ErrorCode::conflict, "conflict", 409,
              "La ressource a été modifiée entre-temps. Veuillez réessayer.",
              "The resource changed in the meantime. Please try again."},
    ErrorInfo{ErrorCode::payload_too_large, "payload_too_large", 413,
              "La requête est trop volumineuse.", "The request is too large."},
    ErrorInfo{ErrorCode::header_too_large, "header_too_large", 431,
              "Les en-têtes de la requête sont trop volumineux.",
              "The request headers are too large."},
    ErrorInfo{ErrorCode::request_timeout, "request_timeout", 408,
              "La requête a mis trop de temps à arriver.", "The request took too long to arrive."},
    ErrorInfo{ErrorCode::rate_limited, "rate_limited", 429,
              "Trop de tentatives. Veuillez patienter avant de réessayer.",
              "Too many attempts. Please wait before trying again."},
    ErrorInfo{ErrorCode::unavailable, "unavailable", 503,
              "Le service est momentanément indisponible. Veuillez réessayer dans un instant.",
              "The service is temporarily unavailable. Please try again in a moment."},
    ErrorInfo{ErrorCode::internal, "internal", 500,
              "Une erreur inattendue s'est produite. Elle a été enregistrée.",
              "An unexpected error occurred. It has been logged."},
    ErrorInfo{ErrorCode::csrf_rejected, "csrf_rejected", 403,
              "Requête refusée : elle ne vient pas de l'application Cabinet.",
              "Request refused: it does not come from the Cabinet application."},
    ErrorInfo{ErrorCode::session_expired, "session_expired", 401,
              "Votre session a expiré. Veuillez vous reconnecter.",
              "Your session has expired. Please sign in again."},
    ErrorInfo{ErrorCode::invalid_credentials, "invalid_credentials", 401,
              "Adresse e-mail ou mot de passe incorrect.", "Incorrect email address or password."},
    ErrorInfo{ErrorCode::email_not_confirmed, "email_not_confirmed", 403,
              "Veuillez d'abord confirmer votre adresse e-mail : un nouveau lien vient de vous "
              "être envoyé.",
              "Please confirm your email address first: a new link has just been sent to you."},
    ErrorInfo{ErrorCode::code_incorrect, "code_incorrect", 400, "Code incorrect.",
              "Incorrect code."},
    ErrorInfo{ErrorCode::challenge_expired, "challenge_expired", 400,
              "Ce code n'est plus valable. Reconnectez-vous pour en recevoir un nouveau.",
              "This code is no longer valid. Sign in again to receive a new one."},
    ErrorInfo{ErrorCode::link_invalid, "link_invalid", 400,
              "Ce lien n'est plus valable. Demandez-en un nouveau.",
              "This link is no longer valid. Ask for a new one."},
    ErrorInfo{ErrorCode::practitioner_not_verified, "practitioner_not_verified", 403,
              "Votre inscription de praticien n'est pas encore vérifiée par l'équipe Cabinet : "
              "vous pourrez inviter un assistant ensuite.",
              "Your practitioner registration has not been verified by the Cabinet team yet: "
              "you can invite an assistant afterwards."},
    ErrorInfo{ErrorCode::card_declined, "card_declined", 402,
              "Votre banque a refusé la carte. Essayez une autre carte.",
              "Your bank declined the card. Try another card."},
    ErrorInfo{ErrorCode::insufficient_funds, "insufficient_funds", 402,
              "Le solde de la carte ne permet pas cette empreinte. Essayez une autre carte.",
              "The card's balance does not allow this hold. Try another card."},
    ErrorInfo{ErrorCode::hold_expired, "hold_expired", 409,
              "L'empreinte bancaire a expiré : rien n'a été débité.",
              "The card hold has expired: nothing was charged."},
    ErrorInfo{ErrorCode::slot_taken, "slot_taken", 409,
              "Ce créneau vient d'être pris. Choisissez-en un autre.",
              "This slot has just been taken. Choose another one."},
    ErrorInfo{ErrorCode::booking_expired, "booking_expired", 409,
              "Le délai de paiement est dépassé : le créneau a été libéré et rien n'a été "
              "débité. Choisissez à nouveau un créneau.",
              "The time to pay has passed: the slot was released and nothing was charged. "
              "Choose a slot again."},
    ErrorInfo{ErrorCode::not_cancellable, "not_cancellable", 409,
              "Ce rendez-vous ne peut plus être annulé : la consultation a commencé ou est "
              "terminée.",
              "This appointment can no longer be cancelled: the consultation has started or "
              "is over."},
    ErrorInfo{ErrorCode::patient_not_found, "patient_not_found", 404,
              "Aucun compte patient n'utilise cette adresse e-mail. Demandez au patient de "
              "créer son compte Cabinet.",
              "No patient account uses this email address. Ask the patient to create their "
              "Cabinet account."},
    ErrorInfo{ErrorCode::link_expired, "link_expired", 410,
              "Ce lien a expiré : le rendez-vous a déjà commencé ou est passé.",
              "This link has expired: the appointment has already started or is over."},
    ErrorInfo{ErrorCode::idempotency_mismatch, "idempotency_mismatch", 422,
              "Cette clé d'idempotence a déjà servi pour une autre demande.",
              "This idempotency key was already used for a different request."},
    // Joining a full room; an invitation over the limit words it its own way (consultation/).
    ErrorInfo{ErrorCode::room_full, "room_full", 409,
              "La consultation réunit déjà {participants} participants.",
              "The consultation already has {participants} participants."},
    ErrorInfo{ErrorCode::invitation_used, "invitation_used", 410,
              "Ce lien d'invitation a déjà été utilisé sur un autre appareil. Demandez une "
              "nouvelle invitation.",
              "This invitation link was already used on another device. Ask for a new "
              "invitation."},
    ErrorInfo{ErrorCode::invalid_message, "invalid", 400, "Le message est mal formé.",
              "The message is malformed."},
    ErrorInfo{ErrorCode::not_a_message, "invalid_json", 400,
              "Le message n'est pas un objet JSON avec un « type ».",
              "The message is not a JSON object with a \"type\"."},
    ErrorInfo{ErrorCode::unknown_type, "unknown_type", 400, "Type de message inconnu.",
              "Unknown message type."},
    ErrorInfo{ErrorCode::binary_not_supported, "binary_not_supported", 400,
              "Seuls les messages texte (JSON) sont acceptés.",
              "Only text (JSON) messages are accepted."},
    ErrorInfo{ErrorCode::not_open, "not_open", 409,
              "La salle d'attente ouvre {minutes} minutes avant le rendez-vous.",
              "The waiting room opens {minutes} minutes before the appointment."},
    ErrorInfo{ErrorCode::not_admitted, "not_admitted", 403,
              "Ce participant n'a pas encore été admis par le praticien.",
              "This participant has not been admitted by the practitioner."},
    ErrorInfo{ErrorCode::sick_leave_cap, "sick_leave_cap", 422,
              "Par téléconsultation, un arrêt de travail est limité à {days} jours, sauf par le "
              "médecin traitant ou pour prolonger un arrêt quand une consultation en présentiel "
              "était impossible.",
              "By teleconsultation a sick-leave notice is limited to {days} days, unless issued by "
              "the patient's regular doctor or prolonging a leave when an in-person visit was "
              "impossible."},
    ErrorInfo{ErrorCode::requires_examination, "requires_examination", 422,
              "Ce certificat nécessite un examen physique : il ne peut pas être établi par "
              "téléconsultation.",
              "This certificate requires a physical examination: it cannot be issued by "
              "teleconsultation."},
    ErrorInfo{ErrorCode::already_dispensed, "already_dispensed", 409,
              "Cette ordonnance a déjà été délivrée.", "This prescription was already dispensed."},
    ErrorInfo{ErrorCode::already_queued, "already_queued", 409,
              "Cette personne attend déjà dans une file de consultation immédiate.",
              "This person is already waiting in an immediate-consultation queue."},
    ErrorInfo{ErrorCode::emergency, "emergency", 422,
              "Ces signes peuvent être graves : appelez le 15 ou le 112 (114 par SMS) "
              "maintenant. Une téléconsultation n'est pas adaptée.",
              "These signs may be serious: call 15 or 112 (114 by text message) now. A "
              "teleconsultation is not suitable."},
    ErrorInfo{ErrorCode::queue_closed, "queue_closed", 423,
              "Les consultations immédiates sont fermées à cette heure ; elles ouvrent de "
              "{opens} à {closes}.",
              "Immediate consultations are closed at this time; they run from {opens} to "
              "{closes}."},
    ErrorInfo{ErrorCode::queue_empty, "queue_empty", 409,
              "Aucun patient ne vous attend pour le moment.",
              "No patient is waiting for you at the moment."},
    ErrorInfo{ErrorCode::agenda_busy, "agenda_busy", 409,
              "Un rendez-vous de votre agenda commence bientôt : il reste prioritaire.",
              "An appointment in your agenda starts soon: it keeps priority."},
    ErrorInfo{ErrorCode::not_on_duty, "not_on_duty", 409,
              "Activez d'abord « Disponible pour les consultations immédiates ».",
              "First switch on \"Available for immediate consultations\"."},
    ErrorInfo{ErrorCode::unsafe_file, "unsafe_file", 422,
              "Ce fichier ne peut pas être accepté tel quel (contenu actif ou illisible).",
              "This file cannot be accepted as it is (active or unreadable content)."},
    ErrorInfo{ErrorCode::not_deletable, "not_deletable", 403,
              "Ce document a été ajouté par un professionnel de santé : vous ne pouvez pas le "
              "supprimer, mais vous pouvez le masquer.",
              "This document was added by a health professional: you cannot delete it, but you "
              "can hide it."},
    ErrorInfo{ErrorCode::no_prior_consultation, "no_prior_consultation", 403,
              "Vous pourrez écrire à ce praticien après une première consultation avec lui.",
              "You can write to this practitioner after a first consultation with them."},
    ErrorInfo{ErrorCode::messaging_closed, "messaging_closed", 403,
              "Ce praticien ne reçoit pas de messages sur Cabinet.",
              "This practitioner does not receive messages on Cabinet."},
    ErrorInfo{ErrorCode::conversation_closed, "conversation_closed", 409,
              "Cette conversation est close : ouvrez-en une nouvelle si besoin.",
              "This conversation is closed: open a new one if needed."},
    ErrorInfo{ErrorCode::account_suspended, "account_suspended", 403,
              "Ce compte est suspendu. Écrivez au support de la plateforme pour en savoir plus.",
              "This account is suspended. Write to the platform's support to know more."},
    ErrorInfo{ErrorCode::unknown_code, "unknown_code", 404,
              "Ce code d'activation n'existe pas. Vérifiez-le sur le courrier de votre "
              "complémentaire santé.",
              "This activation code does not exist. Check it on your insurer's letter."},
    ErrorInfo{ErrorCode::code_used, "code_used", 409, "Ce code d'activation a déjà été utilisé.",
              "This activation code was already used."},
    ErrorInfo{ErrorCode::quota_exhausted, "quota_exhausted", 409,
              "Les téléconsultations prises en charge par {partner} sont épuisées pour cette "
              "année : celle-ci serait à votre charge.",
              "The teleconsultations covered by {partner} are used up for this year: this one "
              "would be yours to pay."},
};

const ErrorInfo& info(
    ErrorCode code) {  // NOLINT(misc-no-recursion): one level, for an unknown code
  for (const auto& e : kErrors) {
    if (e.code == code) return e;
  }
  return info(ErrorCode::internal);
}

}  // namespace

std::string_view code_name(ErrorCode code) { return info(code).name; }
int http_status(ErrorCode code) { return info(code).status; }

Error Error::invalid(std::string field_name, std::string fr, std::string en) {
  Error e(ErrorCode::invalid_request);
  e.field = std::move(field_name);
  e.message_fr = std::move(fr);
  e.message_en = std::move(en);
  return e;
}

std::string Error::message(Locale locale) const {
  const std::string& custom = locale == Locale::en ? message_en : message_fr;
  const auto& i = info(code);
  std::string out = !custom.empty() ? custom : std::string(locale == Locale::en ? i.en : i.fr);
  for (const auto& [name, value] : params) {
    const auto placeholder = "{" + name + "}";
    for (auto at = out.find(placeholder); at != std::string::npos;
         at = out.find(placeholder, at + value.size()))
      out.replace(at, placeholder.size(), value);
  }
  return out;
}

nlohmann::json error_object(const Error& error, Locale locale) {
  nlohmann::json out = error.extra.is_object() ? error.extra : nlohmann::json::object();
  out["code"] = error.code_name();
  out["message"] = error.message(locale);
  if (!error.field.empty()) out["field"] = error.field;
  return out;
}

std::string_view Error::code_name() const { return cabinet::code_name(code); }
int Error::http_status() const { return cabinet::http_status(code); }

}  // namespace cabinet
