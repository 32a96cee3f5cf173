#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "core/async.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/result.hpp"

namespace date {
class time_zone;
}
namespace cabinet::billing {
struct Patient;
}

// What other features (the consultation room first) may ask of the booking lifecycle, without
// its store or its service: an appointment as the caller may see it, that it started, its JSON,
// and the news that the practitioner closed it. booking::Service implements it.
namespace cabinet::booking {

class Appointments {
 public:
  virtual ~Appointments() = default;
  // The patient's own appointment, or one of the agenda a practitioner or assistant keeps;
  // not_found for anyone else, as if it did not exist.
  virtual Task<Result<View>> visible_to(const Principal& who, const std::string& id) = 0;
  virtual Task<Result<std::optional<View>>> find(const std::string& public_id) = 0;
  virtual Task<Result<std::optional<View>>> find_id(std::int64_t id) = 0;
  // A practitioner's appointments overlapping [from, to), every status but expired.
  virtual Task<Result<std::vector<View>>> of_practitioner(std::int64_t practitioner,
                                                          std::int64_t from, std::int64_t to) = 0;
  // The consultation began: the appointment will not become a no-show (BKG6).
  virtual Task<Result<void>> started(std::int64_t appointment) = 0;
  // The practitioner closes the consultation: captures body's `amount_cents` (at most the
  // hold) or voids the hold. A closed appointment answers its JSON again, capturing nothing.
  virtual Task<Result<nlohmann::json>> close(const Principal& who, const std::string& id,
                                             const nlohmann::json& body, Locale locale) = 0;
  // The appointment's JSON (start, end, practitioner, motif, payment) in `locale`.
  [[nodiscard]] virtual nlohmann::json to_json(const View& v, Locale locale) const = 0;
  // Runs with the appointment's public id once the practitioner closed it; a wiring-time call.
  virtual void on_closed(std::function<void(const std::string&)> hook) = 0;
};

// "Dr Prénom Nom", as every screen and message names the practitioner.
std::string practitioner_name(const View& v);
// The reimbursement engine's view of a profile's administrative data (docs/accounts.md): age on
// `today` (YYYY-MM-DD), coverage, médecin traitant, NIR. The estimate and the care sheet.
billing::Patient patient_facts(const nlohmann::json& administrative,
                               const std::optional<std::string>& birth_date,
                               const std::string& today);
// The practitioner's time zone by name; Paris when unknown.
const date::time_zone* zone_named(const std::string& name);

}  // namespace cabinet::booking
