#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Appointments and the granules that make double booking impossible (BKG3). Issue 5 builds
// the booking service on these; nothing is routed yet.
namespace cabinet::booking::store {

using storage::Executor;
using storage::Transaction;

inline constexpr std::int64_t kGranule = 300;  // seconds: agendas run on a 5-minute grid

struct Appointment {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t practitioner_id = 0;
  std::int64_t patient_account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t motif_id = 0;
  std::string mode;  // video, in_person
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::string status;  // pending_payment, confirmed, cancelled, expired, no_show, done
  std::optional<std::int64_t> hold_expires_at;
  int price_cents = 0;
};

// Inserts the appointment and claims its granules, in `tx`. A granule already owned by an
// active appointment of that practitioner makes the whole transaction fail with
// ErrorCode::conflict (detail "slot_taken"); nothing is left behind. Starts and ends must lie
// on the 5-minute grid (ErrorCode::invalid_request otherwise).
Task<Result<std::int64_t>> hold(Transaction& tx, const Appointment& a, std::int64_t now);
// Gives the granules back and records the new status (cancelled, expired, no_show).
Task<Result<bool>> release(Transaction& tx, std::int64_t appointment, const std::string& status,
                           std::int64_t now);
// Active (pending or confirmed) appointments of a practitioner overlapping [from, to).
Task<Result<std::vector<Appointment>>> active_between(Executor& db, std::int64_t practitioner,
                                                      std::int64_t from, std::int64_t to);

}  // namespace cabinet::booking::store
