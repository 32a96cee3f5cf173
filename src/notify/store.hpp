#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement of the outbox (STYLE.md "SQL: owned by the store").
namespace cabinet::notify::store {

using storage::Executor;
using storage::Transaction;

struct NewMessage {
  std::string message_id;
  std::string channel;  // "email" or "sms"
  std::string recipient;
  std::optional<std::string> subject;
  std::string body_text;
  std::optional<std::string> body_html;
  std::int64_t created_at = 0;  // also the first attempt's time
  std::optional<std::string> attachment_name;
  std::optional<std::string> attachment_type;
  std::optional<std::string> attachment_body;
};

// A message leased to this node for one delivery attempt.
struct DueMessage {
  std::int64_t id = 0;
  std::string message_id;
  std::string channel;
  std::string recipient;
  std::string subject;  // empty when there is none
  std::string body_text;
  std::string body_html;  // empty when there is none
  std::int64_t created_at = 0;
  std::int64_t attempts = 0;  // this one included
  std::optional<std::string> attachment_name;
  std::optional<std::string> attachment_type;
  std::optional<std::string> attachment_body;
};

Task<Result<void>> insert_message(Transaction& tx, const NewMessage& m);
// Leases up to `batch` undelivered messages due at `now` and not leased by another node, until
// `lease_until`, counting one more attempt for each.
Task<Result<std::vector<DueMessage>>> claim_due(Executor& db, std::int64_t now,
                                                std::int64_t lease_until, std::int64_t batch);
// Each of these ends the lease; the first and the last also erase the message's body.
Task<Result<void>> mark_delivered(Executor& db, std::int64_t id, std::int64_t at);
Task<Result<void>> schedule_retry(Executor& db, std::int64_t id, std::int64_t next_attempt_at,
                                  const std::string& error);
Task<Result<void>> mark_failed(Executor& db, std::int64_t id, std::int64_t at,
                               const std::string& error);

}  // namespace cabinet::notify::store
