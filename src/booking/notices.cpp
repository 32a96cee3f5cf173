// What the patient and the practitioner are told, and when (BKG1, BKG4, BKG5, NTF1): each
// notice is queued in the outbox inside the transaction of the change that causes it.
#include "booking/internal.hpp"
#include "notify/outbox.hpp"
#include "notify/templates.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::booking {
namespace {

std::string mode_text(const store::View& v, Locale locale) {
  const bool en = locale == Locale::en;
  if (v.a.mode == "video") return en ? "Video consultation" : "Téléconsultation vidéo";
  return en ? "At the practice" : "Au cabinet";
}

notify::Variables variables(const Deps& d, const store::View& v, Locale locale) {
  const bool en = locale == Locale::en;
  notify::Variables vars;
  vars["name"] = v.holder_first_name;
  vars["when"] = format_when(v.a.start_at, v.timezone, locale);
  vars["practitioner"] = practitioner_name(v);
  vars["patient"] = v.profile_first_name + " " + v.profile_last_name;
  const auto* sp = practitioners::find_specialty(v.specialty);
  const std::string specialty = sp ? " (" + sp->name(locale) + ")" : "";
  vars["summary"] = std::string(en ? "When: " : "Quand : ") + vars["when"] + "\n" +
                    (en ? "With: " : "Avec : ") + vars["practitioner"] + specialty + "\n" +
                    (en ? "Reason: " : "Motif : ") +
                    (en && v.motif_label_en ? *v.motif_label_en : v.motif_label) + "\n" +
                    (en ? "For: " : "Pour : ") + vars["patient"] + "\n" +
                    (en ? "How: " : "Comment : ") + mode_text(v, locale);
  const auto amount = billing::format_euros(v.a.price_cents, locale);
  if (v.a.price_cents == 0) {
    vars["payment"] = en ? "This consultation is free." : "Cette consultation est gratuite.";
  } else if (v.a.payment_state == "card_saved") {
    vars["payment"] = en ? "Your card is saved: a hold of at most " + amount +
                               " will be placed a few days before; nothing is charged before "
                               "the consultation."
                         : "Votre carte est enregistrée : une empreinte de " + amount +
                               " au plus sera réalisée quelques jours avant ; rien n'est débité "
                               "avant la consultation.";
  } else {
    vars["payment"] =
        en ? "Card hold of " + amount + " pending: nothing is charged before the consultation."
           : "Empreinte bancaire de " + amount +
                 " en cours : rien n'est débité avant la consultation.";
  }
  const auto token = link_token(d.keys, v.a);
  vars["cancel"] = d.public_url + "/annuler?token=" + token;
  vars["calendar"] = d.public_url + "/api/v1/cancel-links/" + token + "/calendar.ics";
  vars["appointments"] = d.public_url + "/patient/rendez-vous?rdv=" + v.a.public_id;
  vars["access"] =
      v.a.mode == "video"
          ? (en ? "The link to your video consultation will also come by text "
                  "message 10 minutes before."
                : "Le lien de la téléconsultation vous sera aussi envoyé par SMS "
                  "10 minutes avant.")
          : (en ? "Address: see the practitioner's page." : "Adresse : voir la page du praticien.");
  vars["deadline"] = format_when(card_due_at(v.a, d.options.card_deadline), v.timezone, locale);
  return vars;
}

// The .ics sent with the email, so that the event lands in the calendar without a click on a
// link, and leaves it when the appointment is cancelled (same UID, higher SEQUENCE).
notify::Attachment calendar_file(const Deps& d, const store::View& v, bool cancelled) {
  return {"rendez-vous.ics", "text/calendar; charset=utf-8; method=PUBLISH",
          ics(v, d.public_url, cancelled)};
}

Task<Result<void>> sms_if_phone(storage::Transaction& tx, const Deps& d, const store::View& v,
                                const std::string& kind, const notify::Variables& vars,
                                Locale locale) {
  if (!v.patient_phone || v.patient_phone->empty()) co_return ok();
  co_return co_await d.outbox.sms(tx, *v.patient_phone, notify::render_sms(kind, locale, vars));
}

}  // namespace

Task<Result<void>> queue_notice(storage::Transaction& tx, const Deps& d, const store::View& v,
                                const std::string& kind) {
  if (!v.patient_email) co_return ok();  // an erased account
  const auto locale = v.patient_locale == "en" ? Locale::en : Locale::fr;
  auto vars = variables(d, v, locale);
  std::string email_template = kind;
  std::string sms_template;
  if (kind == "booking_confirmed") {
    vars["link"] = vars["cancel"];
    sms_template = kind;
  } else if (kind == "booked_for_you") {
    vars["link"] = vars["appointments"];
    sms_template = kind;
  } else if (kind == "reminder_day_before") {
    vars["link"] = vars["cancel"];
    sms_template = kind;
  } else if (kind == "reminder_hours_before") {
    vars["link"] = vars["appointments"];
  } else if (kind == "reminder_link") {
    email_template.clear();  // the SMS alone, 10 minutes before
    vars["link"] = vars["appointments"];
    sms_template = kind;
  } else if (kind == "card_required") {
    vars["link"] = vars["appointments"];
    sms_template = kind;
  } else if (kind == "no_show") {
    vars["link"] = d.public_url + "/praticien/" + v.practitioner_public_id;
  } else {
    co_return Error(ErrorCode::internal, "unknown notice " + kind);
  }
  if (!email_template.empty()) {
    const auto message = notify::render(email_template, locale, vars);
    const bool with_calendar = kind == "booking_confirmed" || kind == "booked_for_you";
    if (with_calendar) {
      const auto event = calendar_file(d, v, false);
      if (auto r = co_await d.outbox.email(tx, *v.patient_email, message, event); !r) co_return r;
    } else {
      if (auto r = co_await d.outbox.email(tx, *v.patient_email, message); !r) co_return r;
    }
  }
  if (!sms_template.empty()) co_return co_await sms_if_phone(tx, d, v, sms_template, vars, locale);
  co_return ok();
}

Task<Result<void>> queue_cancellation(storage::Transaction& tx, const Deps& d, const store::View& v,
                                      const std::string& by, const std::string& reason) {
  // The patient, always: even after cancelling themselves, the email carries the .ics that takes
  // the event out of their calendar (no SMS then: the page told them).
  if (v.patient_email) {
    const auto locale = v.patient_locale == "en" ? Locale::en : Locale::fr;
    auto vars = variables(d, v, locale);
    const bool en = locale == Locale::en;
    if (by == "patient") {
      vars["why"] = en ? "You cancelled this appointment." : "Vous avez annulé ce rendez-vous.";
    } else if (by == "practitioner") {
      vars["why"] = (en ? vars["practitioner"] + " cancelled your appointment."
                        : vars["practitioner"] + " a annulé votre rendez-vous.") +
                    (reason.empty() ? "" : (en ? " Reason: " : " Motif : ") + reason);
    } else if (by == "operator") {
      // The operator suspended the practitioner: the patient is not told why (that is between
      // the practitioner and the operator), only that the appointment will not take place.
      vars["why"] = en ? vars["practitioner"] +
                             " no longer consults on Cabinet for now: your appointment is "
                             "cancelled."
                       : vars["practitioner"] +
                             " ne consulte plus sur Cabinet pour le moment : votre rendez-vous "
                             "est annulé.";
    } else {
      vars["why"] = en ? "Your appointment was cancelled because no card hold could be placed "
                         "in time."
                       : "Votre rendez-vous a été annulé car aucune empreinte bancaire n'a pu "
                         "être réalisée à temps.";
    }
    vars["link"] = d.public_url + "/praticien/" + v.practitioner_public_id;
    if (auto r = co_await d.outbox.email(tx, *v.patient_email,
                                         notify::render("appointment_cancelled", locale, vars),
                                         calendar_file(d, v, true));
        !r)
      co_return r;
    if (by != "patient") {
      if (auto r = co_await sms_if_phone(tx, d, v, "appointment_cancelled", vars, locale); !r)
        co_return r;
    }
  }
  // The practitioner, unless they cancelled it (or were suspended: told by their own email).
  if (by != "practitioner" && by != "operator" && v.practitioner_email) {
    const auto locale = v.practitioner_locale == "en" ? Locale::en : Locale::fr;
    auto vars = variables(d, v, locale);
    const bool en = locale == Locale::en;
    vars["why"] = by == "patient"
                      ? (en ? "The patient cancelled this appointment."
                            : "Le patient a annulé ce rendez-vous.")
                      : (en ? "This appointment was cancelled: no card hold in time."
                            : "Ce rendez-vous a été annulé : aucune empreinte bancaire à temps.");
    vars["link"] = d.public_url + "/praticien/agenda";
    co_return co_await d.outbox.email(tx, *v.practitioner_email,
                                      notify::render("agenda_cancelled", locale, vars));
  }
  co_return ok();
}

}  // namespace cabinet::booking
