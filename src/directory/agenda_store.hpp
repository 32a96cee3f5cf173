#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement about the agendas: weekly hours, agenda exceptions, and the booked time
// read from the booking's appointments.
namespace cabinet::directory::store {

using storage::Executor;
using storage::Transaction;

struct Hours {
  int weekday = 1;
  std::string mode;
  int start_min = 0;
  int end_min = 0;
  std::int64_t practitioner_id = 0;
};

struct Exception {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t practitioner_id = 0;
  std::string kind;  // absence, block, extra
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::optional<std::string> mode;
  std::optional<std::string> note;
};

Task<Result<std::vector<Hours>>> hours(Executor& db, std::optional<std::int64_t> account);
Task<Result<void>> replace_hours(Transaction& tx, std::int64_t account,
                                 const std::vector<Hours>& hours);

// Exceptions ending after `after` and starting before `before`.
Task<Result<std::vector<Exception>>> exceptions(Executor& db, std::optional<std::int64_t> account,
                                                std::int64_t after, std::int64_t before);
Task<Result<void>> insert_exception(Executor& db, const Exception& e, std::int64_t created_by,
                                    std::int64_t now);
Task<Result<bool>> delete_exception(Executor& db, std::int64_t account, const std::string& id);

// The appointments as agendas see them (the booking's table, read here so that the directory
// never includes booking, which is built on it).
// [start, end) of every active appointment (of one practitioner, or all) ending after `from`.
struct Busy {
  std::int64_t practitioner_id;
  std::int64_t start_at;
  std::int64_t end_at;
};
Task<Result<std::vector<Busy>>> busy(Executor& db, std::optional<std::int64_t> practitioner,
                                     std::int64_t from);
// One appointment in the practitioner's day and week views.
struct AgendaAppointment {
  std::string public_id;
  std::int64_t start_at = 0;
  std::int64_t end_at = 0;
  std::string mode;
  std::string status;
  std::string patient_first_name;
  std::string patient_last_name;
  std::optional<std::string> patient_birth_date;
  std::string motif_public_id;
  std::string motif_label;
  int price_cents = 0;
  std::string payment_state;
  int captured_cents = 0;
};
// A practitioner's appointments overlapping [from, to), every status but expired, by start.
Task<Result<std::vector<AgendaAppointment>>> agenda_appointments(Executor& db,
                                                                 std::int64_t practitioner,
                                                                 std::int64_t from,
                                                                 std::int64_t to);

}  // namespace cabinet::directory::store
