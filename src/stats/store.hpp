#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement of the statistics: the few columns each figure needs, never a name, a
// reason or a document's content. `partner` 0 reads everything.
namespace cabinet::stats::store {

using storage::Executor;

struct Bounds {
  std::int64_t begin = 0;  // [begin, end), Unix seconds
  std::int64_t end = 0;
  std::int64_t partner = 0;
};

struct Appointment {
  std::int64_t id = 0;
  std::int64_t start_at = 0;
  std::string status;  // confirmed, cancelled, no_show, done
  std::optional<std::int64_t> started_at;
  std::optional<std::int64_t> ended_at;
  std::string specialty;
};
Task<Result<std::vector<Appointment>>> appointments(Executor& db, const Bounds& b);

// The appointments switched to a phone call at least once, with their time.
Task<Result<std::vector<std::int64_t>>> phone_fallbacks(Executor& db, const Bounds& b);

struct CallReport {
  std::int64_t appointment_id = 0;
  std::int64_t start_at = 0;
  std::int64_t setup_ms = 0;
  bool relayed = false;
  bool audio_only = false;
};
Task<Result<std::vector<CallReport>>> call_reports(Executor& db, const Bounds& b);

struct QueueEntry {
  std::int64_t joined_at = 0;
  std::optional<std::int64_t> called_at;
};
Task<Result<std::vector<QueueEntry>>> queue_entries(Executor& db, const Bounds& b);

struct Document {
  std::int64_t issued_at = 0;
  std::string kind;
};
// First versions only: a corrected document is still one document.
Task<Result<std::vector<Document>>> documents(Executor& db, const Bounds& b);

// A partner's id from its public id (nullopt when unknown).
Task<Result<std::optional<std::int64_t>>> partner_id(Executor& db, const std::string& public_id);
Task<Result<std::optional<std::string>>> partner_public_id(Executor& db, std::int64_t id);

// A participant's side of a consultation (patient or practitioner) and whether the call may
// still be reported (confirmed or done); nullopt when the account takes no part in it.
struct Side {
  std::int64_t appointment_id = 0;
  std::string side;
  std::string status;
};
Task<Result<std::optional<Side>>> side_of(Executor& db, const std::string& consultation,
                                          std::int64_t account);
// The first report of a side is kept; a later one may only add that the call was relayed or
// went audio-only (a reconnection).
Task<Result<void>> upsert_call_report(Executor& db, const Side& side, std::int64_t setup_ms,
                                      bool relayed, bool audio_only, std::int64_t now);

}  // namespace cabinet::stats::store
