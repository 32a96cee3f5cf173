#include "stats/csv.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace cabinet::stats {
namespace {

struct Column {
  const char* key;
  const char* fr;
  const char* en;
};

constexpr std::array kColumns{
    Column{"bookings", "Rendez-vous", "Bookings"},
    Column{"held", "Consultations tenues", "Held"},
    Column{"no_shows", "Absences", "No-shows"},
    Column{"cancelled", "Annulations", "Cancelled"},
    Column{"queue_wait_p50_s", "Attente médiane (s)", "Median wait (s)"},
    Column{"queue_wait_p90_s", "Attente 90e centile (s)", "90th percentile wait (s)"},
    Column{"relayed_share", "Part des appels relayés", "Relayed share"},
    Column{"phone_fallbacks", "Bascules au téléphone", "Phone fallbacks"},
    Column{"queue_joined", "Entrées en file", "Queue entries"},
    Column{"queue_taken", "Patients pris en charge (file)", "Queue patients taken"},
    Column{"duration_p50_s", "Durée médiane (s)", "Median duration (s)"},
    Column{"calls_reported", "Appels mesurés", "Calls measured"},
    Column{"audio_only", "Appels passés en audio seul", "Audio-only calls"},
    Column{"call_setup_p50_ms", "Établissement médian (ms)", "Median set-up (ms)"},
    Column{"call_setup_p90_ms", "Établissement 90e centile (ms)", "90th percentile set-up (ms)"},
};

constexpr std::array kDocumentNames{
    Column{"report", "Comptes rendus", "Reports"},
    Column{"prescription", "Ordonnances", "Prescriptions"},
    Column{"sick_leave", "Arrêts de travail", "Sick leaves"},
    Column{"certificate", "Certificats", "Certificates"},
    Column{"care_sheet", "Feuilles de soins", "Care sheets"},
};

bool suppressed(const nlohmann::json& item, const std::string& key) {
  const auto& list = item["suppressed"];
  return std::any_of(list.begin(), list.end(), [&](const auto& s) { return s == key; });
}

std::string cell(const nlohmann::json& item, const std::string& key, const std::string& small) {
  if (suppressed(item, key)) return small;
  const auto& v = item[key];
  if (v.is_null()) return "";
  if (v.is_number_float()) {
    char out[32];
    std::snprintf(out, sizeof out, "%.3f", v.get<double>());
    std::string s(out);
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
  }
  return v.dump();
}

void line(std::string& out, const std::string& head1, const std::string& head2,
          const std::string& head3, const nlohmann::json& item, const std::string& small) {
  out += head1 + ";" + head2 + ";" + head3;
  for (const auto& c : kColumns) out += ";" + cell(item, c.key, small);
  for (const auto& c : kDocumentNames) out += ";" + cell(item["documents"], c.key, small);
  out += "\r\n";
}

}  // namespace

std::string to_csv(const nlohmann::json& stats, Locale locale) {
  const bool en = locale == Locale::en;
  const std::string small = "<" + std::to_string(stats["threshold"].get<std::int64_t>());
  std::string out = "\xEF\xBB\xBF";
  out += en ? "Period;Start;End" : "Période;Début;Fin";
  for (const auto& c : kColumns) out += std::string(";") + (en ? c.en : c.fr);
  for (const auto& c : kDocumentNames) out += std::string(";") + (en ? c.en : c.fr);
  out += "\r\n";
  for (const auto& item : stats["series"]) {
    line(out, item["period"].get<std::string>(), item["start"].get<std::string>(),
         item["end"].get<std::string>(), item, small);
  }
  line(out, en ? "Total" : "Total", stats["from"].get<std::string>(),
       stats["to"].get<std::string>(), stats["totals"], small);
  return out;
}

}  // namespace cabinet::stats
