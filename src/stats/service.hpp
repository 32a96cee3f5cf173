#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "audit/log.hpp"
#include "core/clock.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "storage/database.hpp"

// The operator's statistics (ADM2, docs/operator.md "Statistics"): bookings, consultations
// held, no-shows, cancellations, queue waits, call quality and documents by day, ISO week or
// month of Paris time, all partners or one; never clinical content, small counts suppressed.
// Also what a browser reports of its own call (set-up time, relayed or not, audio only).
namespace cabinet::stats {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  const audit::Log& audit;
  std::int64_t min_count = 5;  // stats.min_count
};

struct Query {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::string> by;
  std::optional<std::string> partner;
  std::string format = "json";  // json, csv: as written in the audit entry
  std::string ip;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(deps) {}

  // Operators: everything or one partner; partner administrators: their own partner only
  // (forbidden for another). Every read is audited.
  Task<Result<nlohmann::json>> read(const Principal& who, const Query& q, Locale locale);

  // {"setup_ms", "relayed", "audio_only"?} from the patient's or the practitioner's browser.
  Task<Result<void>> report_call(const Principal& who, const std::string& consultation,
                                 const nlohmann::json& body);

  [[nodiscard]] std::int64_t min_count() const { return d_.min_count; }

 private:
  Deps d_;
};

}  // namespace cabinet::stats
