#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/model.hpp"
#include "storage/database.hpp"

// Appointments and the granules that make double booking impossible (BKG3), and idempotent
// requests (docs/booking.md). The ledger of card authorizations is in ledger_store.hpp, the
// durable jobs in jobs_store.hpp.
namespace cabinet::booking::store {

using storage::Executor;
using storage::Transaction;

inline constexpr std::int64_t kGranule = 300;  // seconds: agendas run on a 5-minute grid

// The appointment and its view are booking's model (model.hpp), named here as before.
using booking::Appointment;
using booking::View;

// Inserts the appointment and claims its granules, in `tx`. A granule already owned by an
// active appointment of that practitioner makes the whole transaction fail with
// ErrorCode::slot_taken; nothing is left behind. Starts and ends must lie
// on the 5-minute grid (ErrorCode::invalid_request otherwise). Pending appointments of that
// practitioner whose payment window is over and which overlap are expired first, so that an
// abandoned payment never blocks the slot past its window.
Task<Result<std::int64_t>> hold(Transaction& tx, const Appointment& a, std::int64_t now);
// Gives the granules back and records the new status (cancelled, expired, no_show). False
// when the appointment was no longer active.
Task<Result<bool>> release(Transaction& tx, std::int64_t appointment, const std::string& status,
                           const std::optional<std::string>& by, std::int64_t now);
// Active (pending or confirmed) appointments of a practitioner overlapping [from, to).
Task<Result<std::vector<Appointment>>> active_between(Executor& db, std::int64_t practitioner,
                                                      std::int64_t from, std::int64_t to);
Task<Result<std::optional<View>>> find(Executor& db, const std::string& public_id);
Task<Result<std::optional<View>>> find_id(Executor& db, std::int64_t id);
// A patient's appointments (all profiles, or one), pending ones with a live window included,
// expired ones left out.
Task<Result<std::vector<View>>> of_patient(Executor& db, std::int64_t account,
                                           std::optional<std::int64_t> profile);
// A practitioner's appointments overlapping [from, to), every status but expired.
Task<Result<std::vector<View>>> of_practitioner(Executor& db, std::int64_t practitioner,
                                                std::int64_t from, std::int64_t to);

// Payment fields of an appointment (and its status when given).
struct PaymentUpdate {
  std::optional<std::string> status;
  std::string payment_state;
  std::optional<std::string> saved_method;
  std::optional<std::string> card_brand;
  std::optional<std::string> card_last4;
  int captured_cents = 0;
};
// Applies `u` when the appointment's status is `expected`; false otherwise.
Task<Result<bool>> update_payment(Executor& db, std::int64_t appointment,
                                  const std::string& expected, const PaymentUpdate& u,
                                  std::int64_t now);
// payment_state `from` → `to` (a voided or refused hold).
Task<Result<void>> set_payment_state(Executor& db, std::int64_t appointment,
                                     const std::string& from, const std::string& to,
                                     std::int64_t now);
Task<Result<bool>> mark_started(Executor& db, std::int64_t appointment, std::int64_t now);
Task<Result<void>> mark_ended(Executor& db, std::int64_t appointment, std::int64_t now);
// Gives back the granules of an appointment from `from` on (a consultation taken from a queue
// and closed early: the agenda has that time again).
Task<Result<void>> trim_granules(Executor& db, std::int64_t appointment, std::int64_t from);
// Pending appointments whose payment window is over (a batch), to expire.
Task<Result<std::vector<std::int64_t>>> overdue_pending(Executor& db, std::int64_t now,
                                                        std::size_t limit);

// Idempotent requests: claim(key) inserts a placeholder or finds the stored answer.
struct StoredAnswer {
  std::string request_hash;
  int status = 0;  // 0: the first request has not finished
  std::string body;
};
Task<Result<std::optional<StoredAnswer>>> stored_answer(Executor& db, std::int64_t account,
                                                        const std::string& key);
Task<Result<void>> store_answer(Executor& db, std::int64_t account, const std::string& key,
                                const std::string& hash, int status, const std::string& body,
                                std::int64_t now);
Task<Result<void>> forget_answers_before(Executor& db, std::int64_t before);

}  // namespace cabinet::booking::store
