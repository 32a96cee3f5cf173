#include "auth/store.hpp"

#include "storage/query.hpp"

namespace cabinet::auth::store {
namespace {

using storage::Params;

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (public_id, token_hash, account_id, profile_id, created_at, last_seen_at,"
    " expires_at, idle_seconds, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9)";
constexpr std::string_view kSessionByToken =
    "SELECT s.id, s.account_id, s.profile_id, s.last_seen_at, s.expires_at, s.idle_seconds,"
    " s.revoked_at, a.public_id, a.role, a.status, a.partner_id"
    " FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = $1 WHERE id = $2";
constexpr std::string_view kActiveSessions =
    "SELECT id, public_id, created_at, last_seen_at, ip, user_agent FROM sessions"
    " WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > $2"
    " AND last_seen_at + idle_seconds > $2 ORDER BY last_seen_at DESC";
constexpr std::string_view kRevokeSession =
    "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND public_id = $3"
    " AND revoked_at IS NULL";
constexpr std::string_view kRevokeSessionId =
    "UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL";
constexpr std::string_view kRevokeSessionsExcept =
    "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND id <> $3 AND revoked_at IS NULL";
constexpr std::string_view kSetSessionProfile = "UPDATE sessions SET profile_id = $1 WHERE id = $2";

constexpr std::string_view kHitRateWindow =
    "INSERT INTO rate_limits (bucket, window_start, hits) VALUES ($1, $2, 1)"
    " ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limits.hits + 1"
    " RETURNING hits";
constexpr std::string_view kDeleteRateWindows = "DELETE FROM rate_limits WHERE window_start < $1";
constexpr std::string_view kStreak =
    "SELECT hits, window_start FROM rate_limits WHERE bucket = $1"
    " ORDER BY window_start DESC LIMIT 1";
// Moves the newest row of the streak to `now`; two first failures racing may have left two.
constexpr std::string_view kBumpStreak =
    "UPDATE rate_limits SET hits = hits + 1, window_start = $2 WHERE bucket = $1"
    " AND window_start = (SELECT MAX(window_start) FROM rate_limits WHERE bucket = $1)"
    " AND window_start <= $2";
constexpr std::string_view kDeleteRateBucket = "DELETE FROM rate_limits WHERE bucket = $1";

SessionRow session_from(const storage::Row& r) {
  SessionRow s;
  s.id = r.integer(0);
  s.account_id = r.integer(1);
  s.profile_id = r.opt_integer(2);
  s.last_seen_at = r.integer(3);
  s.expires_at = r.integer(4);
  s.idle_seconds = r.integer(5);
  s.revoked = !r.is_null(6);
  s.account_public_id = r.text(7);
  s.role = r.text(8);
  s.account_status = r.text(9);
  s.partner_id = r.opt_integer(10).value_or(0);
  return s;
}

ActiveSession active_session_from(const storage::Row& r) {
  return {r.integer(0),
          r.text(1),
          r.integer(2),
          r.integer(3),
          r.opt_text(4).value_or(""),
          r.opt_text(5).value_or("")};
}

std::int64_t first_integer(const storage::Row& r) { return r.integer(0); }

Streak streak_from(const storage::Row& r) { return Streak{r.integer(0), r.integer(1)}; }

}  // namespace

Task<Result<void>> insert_session(Transaction& tx, const NewSessionRow& s) {
  Params params{s.public_id,  s.token_hash, s.account_id,   storage::optional(s.profile_id),
                s.created_at, s.expires_at, s.idle_seconds, s.ip,
                s.user_agent};
  co_return co_await storage::run(tx, kInsertSession, std::move(params));
}

Task<Result<std::optional<SessionRow>>> session_by_token_hash(Executor& db,
                                                              const std::string& token_hash) {
  Params params{token_hash};
  co_return co_await storage::first(db, kSessionByToken, std::move(params), session_from);
}

Task<Result<void>> touch_session(Executor& db, std::int64_t session, std::int64_t now) {
  Params params{now, session};
  co_return co_await storage::run(db, kTouchSession, std::move(params));
}

Task<Result<std::vector<ActiveSession>>> active_sessions(Executor& db, std::int64_t account,
                                                         std::int64_t now) {
  Params params{account, now};
  co_return co_await storage::all(db, kActiveSessions, std::move(params), active_session_from);
}

Task<Result<bool>> revoke_session(Executor& db, std::int64_t account, const std::string& public_id,
                                  std::int64_t now) {
  Params params{now, account, public_id};
  auto changed = co_await storage::execute(db, kRevokeSession, std::move(params));
  if (!changed) co_return std::move(changed).error();
  co_return *changed != 0;
}

Task<Result<void>> revoke_session_id(Executor& db, std::int64_t session, std::int64_t now) {
  Params params{now, session};
  co_return co_await storage::run(db, kRevokeSessionId, std::move(params));
}

Task<Result<void>> revoke_sessions_except(Executor& db, std::int64_t account, std::int64_t keep,
                                          std::int64_t now) {
  Params params{now, account, keep};
  co_return co_await storage::run(db, kRevokeSessionsExcept, std::move(params));
}

Task<Result<void>> set_session_profile(Executor& db, std::int64_t session, std::int64_t profile) {
  Params params{profile, session};
  co_return co_await storage::run(db, kSetSessionProfile, std::move(params));
}

Task<Result<std::int64_t>> hit_rate_window(Executor& db, const std::string& bucket,
                                           std::int64_t window_start) {
  Params params{bucket, window_start};
  auto hits = co_await storage::first(db, kHitRateWindow, std::move(params), first_integer);
  if (!hits) co_return std::move(hits).error();
  if (!*hits) co_return Error(ErrorCode::internal, "INSERT returned no hits");
  co_return **hits;
}

Task<Result<void>> delete_rate_windows_before(Executor& db, std::int64_t before) {
  Params params{before};
  co_return co_await storage::run(db, kDeleteRateWindows, std::move(params));
}

Task<Result<std::optional<Streak>>> streak(Executor& db, const std::string& bucket) {
  Params params{bucket};
  co_return co_await storage::first(db, kStreak, std::move(params), streak_from);
}

Task<Result<void>> bump_streak(Executor& db, const std::string& bucket, std::int64_t now) {
  Params params{bucket, now};
  auto changed = co_await storage::execute(db, kBumpStreak, std::move(params));
  if (!changed) co_return std::move(changed).error();
  if (*changed != 0) co_return ok();
  // The first failure (or a node whose clock is behind the last one): a row at `now`.
  auto hits = co_await hit_rate_window(db, bucket, now);
  if (!hits) co_return std::move(hits).error();
  co_return ok();
}

Task<Result<void>> delete_rate_bucket(Executor& db, const std::string& bucket) {
  Params params{bucket};
  co_return co_await storage::run(db, kDeleteRateBucket, std::move(params));
}

}  // namespace cabinet::auth::store
