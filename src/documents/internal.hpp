#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "accounts/store.hpp"
#include "booking/model.hpp"
#include "consultation/model.hpp"
#include "directory/store.hpp"
#include "documents/rendering.hpp"
#include "documents/service.hpp"

namespace date {
class time_zone;
}

// Shared by the documents feature's files (service.cpp, issue.cpp, compose.cpp, pharmacist.cpp);
// not part of its interface.
namespace cabinet::documents {

// What every document of one consultation names, read once per request.
struct Service::Context {
  Principal who;
  booking::View v;
  directory::store::Profile practitioner;
  accounts::store::Profile patient;
  nlohmann::json administrative;  // opened; reading it is audited (profile.administrative.read)
  const date::time_zone* zone = nullptr;
  std::int64_t now = 0;
  std::string today;  // YYYY-MM-DD in the practitioner's zone
  // The day the consultation took place, in that zone: when the patient was admitted (which may
  // be before the booked time), else the booked time. A close just after midnight still issues
  // an arrêt from the day of the call.
  std::string consultation_day;
  bool medecin_traitant = false;
  Prescriber prescriber;
  Patient person;  // as printed (without the NIR, which only the care sheet prints)
};

// One document ready to be stored: what it says, its PDF, and a prescription's registration.
struct Service::Issued {
  std::string kind;
  std::optional<std::string> close_part;
  nlohmann::json content;
  std::string pdf;
  bool standin = false;
  std::string number;     // prescriptions
  std::string key;        // prescriptions: the QR's secret, sealed before storing
  std::string payload;    // prescriptions: what the platform signs
  std::string signature;  // prescriptions
};

// Reading a part of the closing form with errors that name the full field
// ("prescription.drugs[0].posology"), in French and English.
class Reader {
 public:
  Reader(const nlohmann::json& body, std::string prefix)
      : body_(body), prefix_(std::move(prefix)) {}
  // Absent or null: empty (required: an error). At most `max` bytes of valid text.
  [[nodiscard]] Result<std::string> text(const std::string& field, std::size_t max,
                                         bool required = false) const;
  [[nodiscard]] Result<bool> flag(const std::string& field) const;
  [[nodiscard]] Result<int> number(const std::string& field, int min, int max, int fallback) const;
  // A list of lines of text, at most `items` of `max` bytes each, blank ones dropped.
  [[nodiscard]] Result<std::vector<std::string>> lines(const std::string& field, std::size_t items,
                                                       std::size_t max) const;
  [[nodiscard]] std::string name(const std::string& field) const { return prefix_ + field; }
  [[nodiscard]] const nlohmann::json& at(const std::string& field) const;

 private:
  const nlohmann::json& body_;
  std::string prefix_;
};

// Wording (compose.cpp): French dates and times as printed.
std::string french_date(std::string_view iso_date);                     // "7 décembre 2026"
std::string french_date(std::int64_t at, const date::time_zone* zone);  // same, from an instant
std::string french_time(std::int64_t at, const date::time_zone* zone);  // "10 h 02"
std::string title_of(std::string_view kind);                            // "Ordonnance"
std::string file_stem(std::string_view kind);                           // "ordonnance"

// The parts of a Rendering every document shares.
Rendering base_rendering(const Service::Context& ctx, Kind kind, bool standin);
Prescriber prescriber_of(const directory::store::Profile& p, const booking::View& v);
Patient person_of(const accounts::store::Profile& p);
ReportBody report_body(const Service::Context& ctx, const consultation::CallSummary& call,
                       const nlohmann::json& content);

}  // namespace cabinet::documents
