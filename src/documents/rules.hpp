#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/locale.hpp"
#include "core/result.hpp"

// The rules that decide whether a document may be issued by teleconsultation (SPEC DOC4;
// docs/documents.md "Rules"). Pure: plain values in, a decision out, so that each rule is a
// unit test with its source.
namespace cabinet::documents {

// --- Arrêt de travail (LFSS 2024 art. 65, CSS L321-1-1): by teleconsultation at most 3 days,
// unless the practitioner is the patient's médecin traitant or sage-femme référente, or the
// notice prolongs a leave while in-person care was impossible.
inline constexpr int kTeleconsultationSickLeaveDays = 3;
// Beyond any rule: a notice longer than this is a typing mistake (a year in the "to" field).
inline constexpr int kSickLeaveSanityDays = 366;

struct SickLeaveFacts {
  std::string from;  // YYYY-MM-DD
  std::string to;
  std::string consultation_date;  // YYYY-MM-DD, the consultation's local date
  bool prolongation = false;
  bool in_person_impossible = false;
  bool medecin_traitant = false;  // the practitioner is the patient's médecin traitant
};

// The number of days covered (inclusive), or why the notice is refused: `invalid_request` on
// a bad date (field "sick_leave.from"/"sick_leave.to") and the `sick_leave_cap` error over the
// cap. A notice may not start before the consultation (no backdating).
Result<int> check_sick_leave(const SickLeaveFacts& facts);

// --- Certificates (seed 000: "un certificat qui nécessite un examen physique est refusé").
struct CertificateType {
  std::string_view type;
  std::string_view label_fr;
  std::string_view label_en;
  bool requires_examination = false;
  std::string_view reason_fr;  // why it cannot be issued remotely
  std::string_view reason_en;
};
std::span<const CertificateType> certificate_catalogue();
const CertificateType* certificate_type(std::string_view type);
// The type's refusal when it needs a physical examination (`requires_examination`, 422),
// `invalid_request` for an unknown type, ok otherwise.
Result<void> check_certificate(std::string_view type);

// --- Feuille de soins: the NGAP act of a video consultation of `specialty` (TCG for a general
// practitioner, TC for other specialists; the psychiatrist's TCP).
std::string teleconsultation_act(std::string_view specialty);
std::string act_label(std::string_view act, Locale locale);

// Whole days from `from` to `to` inclusive, for two valid YYYY-MM-DD dates; nullopt otherwise.
std::optional<int> days_inclusive(std::string_view from, std::string_view to);

}  // namespace cabinet::documents
