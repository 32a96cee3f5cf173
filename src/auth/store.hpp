#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// Every SQL statement of the auth feature: sessions and rate-limit windows (STYLE.md "SQL:
// owned by the store").
namespace cabinet::auth::store {

using storage::Executor;
using storage::Transaction;

struct NewSessionRow {
  std::string public_id;
  std::string token_hash;
  std::int64_t account_id = 0;
  std::optional<std::int64_t> profile_id;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t idle_seconds = 0;
  std::string ip;
  std::string user_agent;
};

// A session found by its token, with what authentication needs of its account.
struct SessionRow {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::optional<std::int64_t> profile_id;
  std::int64_t last_seen_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t idle_seconds = 0;
  bool revoked = false;
  std::string account_public_id;
  std::string role;
  std::string account_status;
  std::int64_t partner_id = 0;  // set for a partner administrator (an operator with a partner)
};

// A live session as its account sees it in the list of its devices.
struct ActiveSession {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::string ip;
  std::string user_agent;
};

Task<Result<void>> insert_session(Transaction& tx, const NewSessionRow& s);
Task<Result<std::optional<SessionRow>>> session_by_token_hash(Executor& db,
                                                              const std::string& token_hash);
Task<Result<void>> touch_session(Executor& db, std::int64_t session, std::int64_t now);
// Unrevoked, unexpired and not idle at `now`, the most recently seen first.
Task<Result<std::vector<ActiveSession>>> active_sessions(Executor& db, std::int64_t account,
                                                         std::int64_t now);
// False when the account has no such unrevoked session.
Task<Result<bool>> revoke_session(Executor& db, std::int64_t account, const std::string& public_id,
                                  std::int64_t now);
Task<Result<void>> revoke_session_id(Executor& db, std::int64_t session, std::int64_t now);
// Every unrevoked session of the account but `keep`.
Task<Result<void>> revoke_sessions_except(Executor& db, std::int64_t account, std::int64_t keep,
                                          std::int64_t now);
Task<Result<void>> set_session_profile(Executor& db, std::int64_t session, std::int64_t profile);

// Counts one hit in the bucket's window; the hits counted so far, this one included.
Task<Result<std::int64_t>> hit_rate_window(Executor& db, const std::string& bucket,
                                           std::int64_t window_start);
Task<Result<void>> delete_rate_windows_before(Executor& db, std::int64_t before);

// A streak of failures in a row (RateLimiter): how many, and when the last one was.
struct Streak {
  std::int64_t failures = 0;
  std::int64_t last_at = 0;
};
Task<Result<std::optional<Streak>>> streak(Executor& db, const std::string& bucket);
// One more failure at `now`.
Task<Result<void>> bump_streak(Executor& db, const std::string& bucket, std::int64_t now);
Task<Result<void>> delete_rate_bucket(Executor& db, const std::string& bucket);

}  // namespace cabinet::auth::store
