#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// The practitioner's teleconsultation share (ADM5, docs/operator.md "Teleconsultation share"):
// the medical convention caps the activity at a distance at 20 % of a year's activity (40 % for
// psychiatrists), the patients the practitioner is médecin traitant of left out. Pure, unit-
// tested in share_test.cpp.
namespace cabinet::activity {

inline constexpr double kCap = 0.20;
inline constexpr double kPsychiatryCap = 0.40;
// "near" from this fraction of the cap: the card warns before the cap is reached.
inline constexpr double kNearFraction = 0.8;
inline constexpr std::string_view kSourceFr =
    "Convention nationale des médecins libéraux (2024), article 87.7 : l'activité de "
    "téléconsultation ne dépasse pas 20 % de l'activité de l'année (40 % pour les psychiatres), "
    "hors patients dont le médecin est le médecin traitant.";
inline constexpr std::string_view kSourceEn =
    "French national medical convention (2024), article 87.7: teleconsultations stay within 20 % "
    "of the year's activity (40 % for psychiatrists), patients of whom the doctor is the "
    "médecin traitant aside.";

struct ShareInput {
  std::int64_t teleconsultations = 0;     // held on Cabinet this year
  std::int64_t medecin_traitant = 0;      // of which with patients whose médecin traitant they are
  std::optional<std::int64_t> in_person;  // declared by the practitioner
  std::string specialty;
};

struct Share {
  std::int64_t counted = 0;     // teleconsultations that count toward the cap
  std::int64_t activity = 0;    // every consultation of the year: all teleconsultations + in person
  std::optional<double> share;  // counted / activity; nullopt while activity is 0
  double cap = kCap;
  std::string level;  // "ok", "near", "over"
};

Share compute(const ShareInput& in);

// Whether the profile's administrative data names this practitioner as médecin traitant: the
// same RPPS when the patient gave one; else by name, accents, case and "Dr"/"Docteur" aside,
// every word of the practitioner's last name present and any other word one of their first
// name's ("Dr Durand" and "Camille DURAND" name Dr Camille Durand; "Paul Durand" does not).
bool names_practitioner(const nlohmann::json& administrative, std::string_view rpps,
                        std::string_view first_name, std::string_view last_name);

}  // namespace cabinet::activity
