#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The queue's tables (migrations/V016__queue.sql; docs/queue.md): the entries, the
// practitioners on duty, and what the estimate measures.
namespace cabinet::queue::store {

using storage::Executor;
using storage::Transaction;

struct Entry {
  std::int64_t id = 0;
  std::string public_id;
  std::string specialty;
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string sealed_reason;
  std::string commune_code;
  std::string department;
  double lat = 0;
  double lng = 0;
  int age_years = 0;
  int price_cents = 0;
  int fee_cents = 0;
  std::string state = "joining";  // joining, waiting, called, taken, left, removed
  int skips = 0;
  std::string hold_key;
  std::optional<std::string> hold_id;
  std::string hold_state = "authorizing";  // authorizing, held, failed, transferred, voided
  std::optional<std::string> card_brand;
  std::optional<std::string> card_last4;
  std::optional<std::int64_t> practitioner_id;
  std::optional<std::int64_t> appointment_id;
  std::int64_t joined_at = 0;
  std::optional<std::int64_t> called_at;
  std::int64_t seen_at = 0;
  std::optional<std::int64_t> ended_at;
  std::optional<std::string> end_reason;
  // Joined for the views: the profile's names and the appointment's public id.
  std::string profile_public_id;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> appointment_public_id;
  std::optional<std::string> appointment_status;
};

// Inserts an entry in state 'joining'. ErrorCode::conflict when the profile already has a live
// entry (the unique index).
Task<Result<std::int64_t>> insert(Executor& db, const Entry& e, std::int64_t now);
Task<Result<std::optional<Entry>>> find(Executor& db, const std::string& public_id);
Task<Result<std::optional<Entry>>> find_id(Executor& db, std::int64_t id);
// The account's live entries (joining, waiting, called).
Task<Result<std::vector<Entry>>> live_of(Executor& db, std::int64_t account);
// A specialty's waiting entries, in queue order (joined_at, id).
Task<Result<std::vector<Entry>>> waiting(Executor& db, const std::string& specialty);
// Entries in `state` (any specialty), for the sweep.
Task<Result<std::vector<Entry>>> in_state(Executor& db, const std::string& state,
                                          std::size_t limit);
// The practitioner's called or taken entries whose appointment is not over.
Task<Result<std::vector<Entry>>> current_of(Executor& db, std::int64_t practitioner);

// joining → waiting with the hold; false when it was no longer joining.
Task<Result<bool>> held(Executor& db, std::int64_t id, const std::string& hold_id,
                        const std::string& brand, const std::string& last4, std::int64_t now);
// Ends a live entry (left, removed) with its reason; false when it had ended already.
Task<Result<bool>> end(Executor& db, std::int64_t id, const std::string& state,
                       const std::string& reason, std::int64_t now);
Task<Result<void>> set_hold_state(Executor& db, std::int64_t id, const std::string& state,
                                  std::int64_t now);
// waiting → called by `practitioner` into `appointment`; false when someone else took it.
Task<Result<bool>> call(Executor& db, std::int64_t id, std::int64_t practitioner,
                        std::int64_t appointment, std::int64_t now);
// called → taken (the patient joined the room), the hold passed to the appointment.
Task<Result<bool>> taken(Executor& db, std::int64_t id, std::int64_t now);
// called → waiting again at the same place, one skip more (did not answer).
Task<Result<bool>> skip(Executor& db, std::int64_t id, std::int64_t now);
// The entry called into `appointment`, if any.
Task<Result<std::optional<Entry>>> of_appointment(Executor& db, std::int64_t appointment);
// The page watching these entries is open: seen now.
Task<Result<void>> touch(Executor& db, const std::vector<std::int64_t>& ids, std::int64_t now);

// Duty.
struct Duty {
  std::int64_t practitioner_id = 0;
  std::string specialty;
  std::int64_t since = 0;
  std::string department;
  double lat = 0;
  double lng = 0;
};
Task<Result<void>> set_duty(Executor& db, std::int64_t practitioner, const std::string& specialty,
                            std::int64_t now);
Task<Result<void>> clear_duty(Executor& db, std::int64_t practitioner);
Task<Result<std::optional<Duty>>> duty_of(Executor& db, std::int64_t practitioner);
Task<Result<std::vector<Duty>>> on_duty(Executor& db, const std::string& specialty);

// What may put a practitioner on duty: verified, their specialty, where they practise.
struct Practitioner {
  std::int64_t account_id = 0;
  std::string status;
  std::string specialty;
  bool video = false;
  std::optional<std::string> department;
  std::optional<double> lat;
  std::optional<double> lng;
  std::string timezone;
};
Task<Result<std::optional<Practitioner>>> practitioner(Executor& db, std::int64_t account);

// The practitioner's motif for the queue (archived: never offered for booking).
struct Motif {
  std::int64_t id = 0;
  std::string public_id;
  std::string label;
  int duration_min = 15;
  int price_cents = 0;
};
Task<Result<std::optional<Motif>>> immediate_motif(Executor& db, std::int64_t practitioner);
Task<Result<std::int64_t>> add_immediate_motif(Executor& db, std::int64_t practitioner,
                                               const Motif& m, std::int64_t now);
Task<Result<void>> set_motif_price(Executor& db, std::int64_t motif, int price_cents);

// The durations (seconds) of the specialty's last `limit` consultations taken from a queue.
Task<Result<std::vector<std::int64_t>>> service_times(Executor& db, const std::string& specialty,
                                                      std::size_t limit);

}  // namespace cabinet::queue::store
