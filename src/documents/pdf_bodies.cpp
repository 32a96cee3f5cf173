// The compte-rendu, the arrêt de travail and the certificate: headed sections of the
// practitioner's own words.
#include <string>
#include <string_view>

#include "documents/pdf_layout.hpp"
#include "documents/pdf_parts.hpp"
#include "documents/pdf_text.hpp"

namespace cabinet::documents::pdf {
namespace {

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == text.npos; }

void section(Pages& p, std::string_view title, const std::string& text) {
  if (blank(text)) return;
  p.heading(title);
  p.flow(p.text(text));
  p.space(4);
}

// "Début : 7 décembre 2026 à 10 h 02", unless there is nothing after the colon.
void field(Pages& p, std::string_view label, const std::string& value) {
  if (blank(value)) return;
  p.flow(p.markup("<b>" + escape(label) + " :</b> " + escape(value)));
}

}  // namespace

void report(Pages& p, const Rendering& r, const ReportBody& b) {
  title_block(p, r, r.title);
  patient_block(p, r);
  section(p, "Motif", b.motif);
  section(p, "Histoire", b.history);
  section(p, "Examen / constatations", b.findings);
  section(p, "Conclusion", b.conclusion);
  section(p, "Conseils", b.advice);
  if (blank(b.started) && blank(b.ended) && blank(b.duration) && b.participants.empty() &&
      b.incidents.empty()) {
    signature(p, r);
    return;
  }
  p.heading("Déroulement de la téléconsultation");
  field(p, "Début", b.started);
  field(p, "Fin", b.ended);
  field(p, "Durée", b.duration);
  if (!b.participants.empty()) {
    p.space(4);
    p.keep(30);
    p.flow(p.text("Participants :", kBold));
    bullets(p, b.participants);
  }
  if (!b.incidents.empty()) {
    p.space(4);
    p.keep(30);
    p.flow(p.text("Incidents :", kBold));
    bullets(p, b.incidents);
  }
  signature(p, r);
}

void sick_leave(Pages& p, const Rendering& r, const SickLeaveBody& b) {
  // The medical reason is covered by medical secrecy: only the copy that carries it (the
  // practitioner's) may print it; the employer's copy never reads the field.
  const bool medical_copy = b.medical_reason.has_value();
  title_block(p, r, r.title);
  p.flow(p.text(medical_copy ? "Exemplaire médical — ne pas adresser à l'employeur"
                             : "Volet 3 — à adresser à l'employeur",
                Style{.size = 11.5, .bold = true, .align = PANGO_ALIGN_CENTER}));
  p.space(12);
  patient_block(p, r);
  p.flow(p.text(b.prolongation ? "Prolongation d'arrêt de travail" : "Arrêt de travail initial",
                kHeading));
  p.space(4);
  p.flow(p.markup("Du <b>" + escape(b.from) + "</b> au <b>" + escape(b.to) +
                  "</b> inclus, soit <b>" + escape(days(b.days)) + "</b>"));
  p.space(4);
  if (!blank(b.outings)) p.flow(p.text(b.outings));
  p.space(4);
  field(p, "Référence de l'avis", b.reference);
  if (medical_copy) section(p, "Motif médical", *b.medical_reason);
  p.space(10);
  p.flow(p.text("Arrêt de travail prescrit par téléconsultation", kItalic));
  signature(p, r);
}

void certificate(Pages& p, const Rendering& r, const CertificateBody& b) {
  title_block(p, r, r.title);
  patient_block(p, r);
  if (!blank(b.title) && b.title != r.title) {
    p.flow(p.text(b.title, Style{.size = 12, .bold = true, .align = PANGO_ALIGN_CENTER}));
    p.space(10);
  }
  p.flow(p.text(b.text));
  p.space(10);
  p.flow(p.text("Certificat établi par téléconsultation", kItalic));
  signature(p, r);
}

}  // namespace cabinet::documents::pdf
