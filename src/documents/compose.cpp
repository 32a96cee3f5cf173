// How documents are worded: French dates and times, titles, and the parts of a Rendering that
// come from the consultation rather than from what the practitioner typed.
#include <date/tz.h>

#include <array>

#include "agenda/local_time.hpp"
#include "documents/internal.hpp"
#include "geo/communes.hpp"
#include "practitioners/specialties.hpp"

namespace cabinet::documents {
namespace {

constexpr std::array<std::string_view, 12> kMonths{
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};

std::string sex_word(const std::optional<std::string>& sex) {
  if (sex == "female") return "female";
  if (sex == "male") return "male";
  if (sex == "other") return "other";
  return "";
}

std::string duration_text(std::int64_t seconds) {
  const auto minutes = (seconds + 30) / 60;
  if (minutes < 60) return std::to_string(minutes) + " min";
  const auto m = minutes % 60;
  return std::to_string(minutes / 60) + " h " + (m < 10 ? "0" : "") + std::to_string(m);
}

std::string incident_text(const consultation::CallSummary::Incident& i,
                          const date::time_zone* zone) {
  std::string what;
  if (i.kind == "phone_fallback") {
    what = "passage au téléphone";
    if (i.cause == "camera") what += " (caméra défaillante)";
    else if (i.cause == "microphone") what += " (micro défaillant)";
    else if (i.cause == "network") what += " (connexion insuffisante)";
    else if (i.cause == "patient_request") what += " (à la demande du patient)";
    else what += " (autre cause)";
  } else if (i.kind == "reconnection") {
    what = "reconnexion de " + i.cause;
  } else if (i.kind == "audio_only") {
    what = "audio seul (" + i.cause + ")";
  } else {
    what = i.kind;
  }
  return french_time(i.at, zone) + " : " + what;
}

}  // namespace

std::string french_date(std::string_view iso_date) {
  const auto d = agenda::parse_date(iso_date);
  if (!d) return std::string(iso_date);
  return std::to_string(d->day) + (d->day == 1 ? "er " : " ") +
         std::string(kMonths.at(d->month - 1)) + " " + std::to_string(d->year);
}

std::string french_date(std::int64_t at, const date::time_zone* zone) {
  return french_date(agenda::format_date(agenda::local_date(at, zone)));
}

std::string french_time(std::int64_t at, const date::time_zone* zone) {
  const auto local = zone->to_local(std::chrono::sys_seconds{std::chrono::seconds{at}});
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(local - day).count();
  const auto m = minutes % 60;
  return std::to_string(minutes / 60) + " h " + (m < 10 ? "0" : "") + std::to_string(m);
}

std::string title_of(std::string_view kind) {
  if (kind == "report") return "Compte-rendu de téléconsultation";
  if (kind == "prescription") return "Ordonnance";
  if (kind == "sick_leave") return "Avis d'arrêt de travail";
  if (kind == "certificate") return "Certificat médical";
  return "Feuille de soins";
}

std::string file_stem(std::string_view kind) {
  if (kind == "report") return "compte-rendu";
  if (kind == "prescription") return "ordonnance";
  if (kind == "sick_leave") return "arret-de-travail";
  if (kind == "certificate") return "certificat";
  return "feuille-de-soins";
}

Rendering base_rendering(const Service::Context& ctx, Kind kind, bool standin) {
  Rendering r;
  r.kind = kind;
  r.issued_on = french_date(ctx.today);
  r.place = "Téléconsultation";
  r.prescriber = ctx.prescriber;
  r.patient = ctx.person;
  if (standin)
    r.standin_notice =
        "Document de démonstration — non transmis à l'Assurance Maladie (service de "
        "démonstration intégré à Cabinet)";
  return r;
}

ReportBody report_body(const Service::Context& ctx, const consultation::CallSummary& call,
                       const nlohmann::json& content) {
  ReportBody b;
  b.motif = ctx.v.motif_label;
  b.history = content.value("history", "");
  b.findings = content.value("findings", "");
  b.conclusion = content.value("conclusion", "");
  b.advice = content.value("advice", "");
  const auto started = ctx.v.a.started_at.value_or(ctx.v.a.start_at);
  const auto ended = ctx.v.a.ended_at.value_or(ctx.now);
  b.started = french_date(started, ctx.zone) + " à " + french_time(started, ctx.zone);
  b.ended = french_date(ended, ctx.zone) + " à " + french_time(ended, ctx.zone);
  b.duration = duration_text(ended > started ? ended - started : 0);
  b.participants.push_back(ctx.prescriber.name + " (praticien)");
  b.participants.push_back(ctx.person.first_name + " " + ctx.person.last_name + " (patient" +
                           (ctx.person.sex == "female" ? "e" : "") + ")");
  for (const auto& g : call.guests)
    b.participants.push_back(g.name + (g.kind == "interpreter" ? " (interprète)" : " (invité)"));
  for (const auto& i : call.incidents) b.incidents.push_back(incident_text(i, ctx.zone));
  return b;
}

// The prescriber as every page names them (CSP R.5132-3).
Prescriber prescriber_of(const directory::store::Profile& p, const booking::View& v) {
  Prescriber out;
  out.name = booking::practitioner_name(v);
  const auto* specialty = practitioners::find_specialty(p.specialty);
  out.qualification = specialty != nullptr ? specialty->name_fr : p.specialty;
  out.rpps = p.rpps;
  std::string address = p.address_line.value_or("");
  const auto* commune =
      p.commune_code ? geo::Communes::instance().by_code(*p.commune_code) : nullptr;
  if (p.postcode || commune != nullptr) {
    if (!address.empty()) address += ", ";
    address += p.postcode.value_or("");
    if (commune != nullptr) address += (p.postcode ? " " : "") + commune->name;
  }
  out.address = address;
  out.phone = p.phone.value_or("");
  return out;
}

Patient person_of(const accounts::store::Profile& p) {
  Patient out;
  out.first_name = p.first_name;
  out.last_name = p.last_name;
  out.sex = sex_word(p.sex);
  out.birth_date = p.birth_date ? french_date(*p.birth_date) : "";
  return out;
}

}  // namespace cabinet::documents
