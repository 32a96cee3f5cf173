#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The statements of the statistics' demo activity (stats/demo.cpp).
namespace cabinet::stats::demo_store {

using storage::Executor;

Task<Result<std::optional<std::int64_t>>> account_by_email(Executor& db, const std::string& email);
// A patient account that cannot sign in, with its holder profile: {account, profile}.
Task<Result<std::pair<std::int64_t, std::int64_t>>> insert_account(Executor& tx,
                                                                   const std::string& public_id,
                                                                   const std::string& profile_id,
                                                                   const std::string& email,
                                                                   std::int64_t now);

struct Motif {
  std::int64_t practitioner = 0;
  std::int64_t id = 0;
  std::int64_t duration_min = 0;
  std::int64_t price_cents = 0;
};
// Video motifs of verified practitioners, one per practitioner, at most `limit`.
Task<Result<std::vector<Motif>>> video_motifs(Executor& db, std::int64_t limit);

struct Appointment {
  std::string public_id;
  Motif motif;
  std::int64_t patient = 0;
  std::int64_t profile = 0;
  std::int64_t start = 0;
  std::string status;
  std::optional<std::int64_t> started;
  std::optional<std::int64_t> ended;
  std::string origin = "booking";
};
Task<Result<std::int64_t>> insert_appointment(Executor& tx, const Appointment& a);

Task<Result<void>> insert_call_report(Executor& tx, std::int64_t appointment, const char* side,
                                      std::int64_t setup_ms, bool relayed, bool audio_only,
                                      std::int64_t at);
Task<Result<void>> insert_phone_switch(Executor& tx, std::int64_t appointment,
                                       std::int64_t practitioner, std::int64_t at);

struct QueueEntry {
  std::string public_id;
  std::int64_t account = 0;
  std::int64_t profile = 0;
  std::string sealed_reason;
  std::int64_t joined = 0;
  std::optional<std::int64_t> called;
  std::optional<std::int64_t> practitioner;
  std::optional<std::int64_t> appointment;
};
Task<Result<void>> insert_queue_entry(Executor& tx, const QueueEntry& e);

}  // namespace cabinet::stats::demo_store
