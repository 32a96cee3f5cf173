#include "documents/rules.hpp"

#include <array>

#include "agenda/local_time.hpp"
#include "http/input.hpp"

namespace cabinet::documents {
namespace {

// Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil), to count a span
// without a time zone: a sick leave covers calendar days, whatever the clock does.
std::int64_t days_from_civil(agenda::LocalDate d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = (d.month + 9) % 12;
  const unsigned doy = (153 * mp + 2) / 5 + d.day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

// The catalogue (seed 000; HAS guide "Téléconsultation et téléexpertise", certificates that
// attest a state only an examination can observe are not issued remotely).
constexpr std::array kCertificates{
    CertificateType{"sick_child", "Certificat d'enfant malade (garde par un parent)",
                    "Sick child certificate (parent's leave to care)", false, "", ""},
    CertificateType{"school_absence", "Certificat justifiant une absence (école, examen)",
                    "Certificate justifying an absence (school, exam)", false, "", ""},
    CertificateType{"pe_exemption", "Certificat d'inaptitude temporaire à l'EPS",
                    "Temporary exemption from physical education", false, "", ""},
    CertificateType{"attendance", "Attestation de téléconsultation",
                    "Attestation of teleconsultation", false, "", ""},
    CertificateType{"sport_licence",
                    "Certificat d'absence de contre-indication au sport (licence, compétition)",
                    "Fitness for sport (licence, competition)", true,
                    "L'absence de contre-indication au sport s'établit après un examen clinique "
                    "(auscultation, tension, examen ostéo-articulaire).",
                    "Fitness for sport is certified after a clinical examination (auscultation, "
                    "blood pressure, joints)."},
    CertificateType{"injuries", "Certificat de constatation de coups et blessures (ITT)",
                    "Certificate of injuries for a complaint", true,
                    "Les blessures se constatent de visu et à l'examen : ce certificat sert de "
                    "preuve en justice.",
                    "Injuries must be examined in person: the certificate is evidence in court."},
    CertificateType{"death", "Certificat de décès", "Death certificate", true,
                    "Le décès se constate par un examen du corps.",
                    "A death is established by examining the body."},
    CertificateType{"fitness_work", "Certificat d'aptitude (travail, crèche, colonie)",
                    "Fitness certificate (work, nursery, holiday camp)", true,
                    "L'aptitude s'établit après un examen clinique complet.",
                    "Fitness is certified after a complete clinical examination."},
    CertificateType{"driving", "Certificat médical pour le permis de conduire",
                    "Medical certificate for a driving licence", true,
                    "Il est établi par un médecin agréé, après un examen en présentiel.",
                    "It is issued by an approved doctor after an in-person examination."},
    CertificateType{"involuntary_care", "Certificat de soins sans consentement",
                    "Certificate for involuntary psychiatric care", true,
                    "La loi exige l'examen de la personne (CSP L3212-1).",
                    "The law requires the person to be examined (CSP L3212-1)."},
};

}  // namespace

std::optional<int> days_inclusive(std::string_view from, std::string_view to) {
  const auto a = agenda::parse_date(from);
  const auto b = agenda::parse_date(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>(days_from_civil(*b) - days_from_civil(*a) + 1);
}

Result<int> check_sick_leave(const SickLeaveFacts& f) {
  if (!agenda::parse_date(f.from))
    return http::invalid_field("sick_leave.from", "Date de début invalide (AAAA-MM-JJ).",
                               "Invalid start date (YYYY-MM-DD).");
  if (!agenda::parse_date(f.to))
    return http::invalid_field("sick_leave.to", "Date de fin invalide (AAAA-MM-JJ).",
                               "Invalid end date (YYYY-MM-DD).");
  const int days = *days_inclusive(f.from, f.to);
  if (days < 1)
    return http::invalid_field("sick_leave.to", "La fin de l'arrêt précède son début.",
                               "The leave ends before it starts.");
  if (const auto before = days_inclusive(f.consultation_date, f.from); before && *before < 1)
    return http::invalid_field("sick_leave.from",
                               "Un arrêt ne peut pas commencer avant la consultation.",
                               "A sick leave cannot start before the consultation.");
  if (days > kSickLeaveSanityDays)
    return http::invalid_field("sick_leave.to", "Durée invraisemblable : vérifiez la date de fin.",
                               "Implausible length: check the end date.");
  const bool exempt = f.medecin_traitant || (f.prolongation && f.in_person_impossible);
  if (days > kTeleconsultationSickLeaveDays && !exempt) {
    Error e(ErrorCode::sick_leave_cap);
    e.field = "sick_leave.to";
    e.params.emplace_back("days", std::to_string(kTeleconsultationSickLeaveDays));
    e.extra["max_days"] = kTeleconsultationSickLeaveDays;
    return e;
  }
  return days;
}

std::span<const CertificateType> certificate_catalogue() { return kCertificates; }

const CertificateType* certificate_type(std::string_view type) {
  for (const auto& c : kCertificates)
    if (c.type == type) return &c;
  return nullptr;
}

Result<void> check_certificate(std::string_view type) {
  const auto* c = certificate_type(type);
  if (c == nullptr)
    return http::invalid_field("certificates.type", "Type de certificat inconnu.",
                               "Unknown certificate type.");
  if (c->requires_examination) {
    Error e(ErrorCode::requires_examination);
    e.field = "certificates.type";
    e.message_fr = std::string("Ce certificat nécessite un examen physique : ") +
                   std::string(c->reason_fr);
    e.message_en = std::string("This certificate requires a physical examination: ") +
                   std::string(c->reason_en);
    e.extra["type"] = std::string(c->type);
    return e;
  }
  return ok();
}

std::string teleconsultation_act(std::string_view specialty) {
  if (specialty == "general_medicine") return "TCG";
  if (specialty == "psychiatry" || specialty == "neuropsychiatry") return "TCP";
  return "TC";
}

std::string act_label(std::string_view act, Locale locale) {
  const bool en = locale == Locale::en;
  if (act == "TCG")
    return en ? "Teleconsultation, general practitioner" : "Téléconsultation du médecin généraliste";
  if (act == "TCP") return en ? "Teleconsultation, psychiatrist" : "Téléconsultation du psychiatre";
  return en ? "Teleconsultation, specialist" : "Téléconsultation du spécialiste";
}

}  // namespace cabinet::documents
