#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// What a document's PDF shows (docs/documents.md): everything already decided and worded, so
// that drawing it (documents/pdf.cpp) takes no decision, reads no database and can run on any
// thread. Dates are already formatted in French ("7 décembre 2026"); amounts are cents.
namespace cabinet::documents {

enum class Kind { report, prescription, sick_leave, certificate, care_sheet };

// Who signs: on every page (DOC2, CSP R.5132-3 for the ordonnance).
struct Prescriber {
  std::string name;           // "Dr Claire Martin"
  std::string qualification;  // "Médecin généraliste"
  std::string rpps;           // 11 digits
  std::string address;        // one line: "12 rue de la Paix, 75002 Paris"
  std::string phone;          // may be empty
};

struct Patient {
  std::string first_name;
  std::string last_name;
  std::string sex;                       // "female", "male", "other", or empty
  std::string birth_date;                // formatted: "3 mars 1988"
  std::optional<std::string> weight_kg;  // "14,5" when a child's dose needs it
  std::optional<std::string> nir;        // the care sheet only, formatted "1 88 03 75 …"
};

// One drug line of an ordonnance (R.5132-3): what, how, how long, renewals.
struct Drug {
  std::string name;      // "Paracétamol 1 g, comprimé" or the specialty's name
  std::string strength;  // "1 g" (may repeat the name's; may be empty for free text)
  std::string form;      // "comprimé"
  std::string posology;  // "1 comprimé 3 fois par jour si douleur"
  std::string duration;  // "5 jours" or a quantity: "1 boîte"
  int renewals = 0;      // "À renouveler 2 fois"
};

struct PrescriptionBody {
  std::vector<Drug> drugs;
  std::vector<std::string> tests;  // lab and imaging: on their own page
  std::vector<std::string> other;  // other prescriptions (kinésithérapie, matériel…)
  std::string number;              // the unique number, printed and in the QR
  std::string verify_url;          // what the QR encodes: the pharmacist's page with the key
};

struct ReportBody {
  std::string motif;
  std::string history;  // told by the patient
  std::string findings;
  std::string conclusion;  // conclusion and advice
  std::string advice;
  std::string started;  // "7 décembre 2026 à 10 h 02"
  std::string ended;
  std::string duration;                   // "14 min"
  std::vector<std::string> participants;  // "Dr Claire Martin (praticien)", "Léa Dupont (patiente)"
  std::vector<std::string> incidents;     // "10 h 07 : passage au téléphone (caméra en panne)"
};

struct SickLeaveBody {
  std::string from;  // formatted dates, inclusive
  std::string to;
  int days = 0;
  bool prolongation = false;
  std::string outings;  // "Sorties autorisées de 9 h à 11 h et de 14 h à 16 h" or "Sorties libres"
  std::string reference;                      // the teleservice's number for this notice
  std::optional<std::string> medical_reason;  // only on the medical copy; never on the employer's
};

struct CertificateBody {
  std::string title;  // "Certificat de contre-indication temporaire au sport scolaire"
  std::string text;   // the practitioner's wording
};

struct CareSheetLine {
  std::string date;   // formatted
  std::string act;    // "TCG"
  std::string label;  // "Téléconsultation de médecine générale"
  std::int64_t amount_cents = 0;
  std::int64_t excess_cents = 0;  // dépassement
};

struct CareSheetBody {
  std::vector<CareSheetLine> lines;
  std::int64_t total_cents = 0;
  bool tiers_payant_amo = false;  // the patient does not advance the compulsory part
  bool tiers_payant_amc = false;  // nor the complementary part
  bool css_ame = false;           // CSS/AME: advances nothing (PAY5)
  std::string paid_by_patient;    // "Le patient a réglé 25,00 €" / "Aucune avance de frais"
  std::string practitioner_ids;   // "RPPS 10101010101"
  std::string transmission;  // "Transmise à l'Assurance Maladie (FSE n° …)" or how to send it
};

struct Rendering {
  Kind kind = Kind::report;
  std::string title;      // "Ordonnance", "Compte-rendu de téléconsultation"…
  std::string issued_on;  // "7 décembre 2026"
  std::string place;      // "Téléconsultation" (the commune is not where it happened)
  int version = 1;        // > 1: "Version 2 — remplace la version du …"
  std::string replaces;   // the replaced version's date, when version > 1
  // Made by a built-in stand-in, not the national teleservice: every page says so, so that
  // nobody takes it for the real thing (AGENTS: never present a stand-in's output as real).
  std::optional<std::string> standin_notice;
  Prescriber prescriber;
  Patient patient;
  std::optional<ReportBody> report;
  std::optional<PrescriptionBody> prescription;
  std::optional<SickLeaveBody> sick_leave;
  std::optional<CertificateBody> certificate;
  std::optional<CareSheetBody> care_sheet;
};

}  // namespace cabinet::documents
