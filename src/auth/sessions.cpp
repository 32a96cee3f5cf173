#include "auth/sessions.hpp"

#include "crypto/keyring.hpp"

namespace cabinet::auth {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO sessions (public_id, token_hash, account_id, profile_id, created_at, last_seen_at,"
    " expires_at, idle_seconds, ip, user_agent) VALUES ($1, $2, $3, $4, $5, $5, $6, $7, $8, $9)";
constexpr std::string_view kFind =
    "SELECT s.id, s.account_id, s.profile_id, s.last_seen_at, s.expires_at, s.idle_seconds,"
    " s.revoked_at, a.public_id, a.role, a.status"
    " FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = $1";
constexpr std::string_view kTouch = "UPDATE sessions SET last_seen_at = $1 WHERE id = $2";
constexpr std::string_view kList =
    "SELECT id, public_id, created_at, last_seen_at, ip, user_agent FROM sessions"
    " WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > $2"
    " AND last_seen_at + idle_seconds > $2 ORDER BY last_seen_at DESC";
constexpr std::string_view kRevokeOne =
    "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND public_id = $3"
    " AND revoked_at IS NULL";
constexpr std::string_view kRevokeId =
    "UPDATE sessions SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL";
constexpr std::string_view kRevokeAll =
    "UPDATE sessions SET revoked_at = $1 WHERE account_id = $2 AND id <> $3 AND revoked_at IS NULL";
constexpr std::string_view kSetProfile = "UPDATE sessions SET profile_id = $1 WHERE id = $2";

// Writing last_seen on every request would make every read a write; a minute of slack on a
// 15-minute idle timeout is invisible to users.
constexpr std::int64_t kTouchEvery = 60;

}  // namespace

std::chrono::seconds idle_timeout(Role role) {
  return role == Role::practitioner || role == Role::assistant ? std::chrono::minutes(15)
                                                               : std::chrono::minutes(30);
}

Task<Result<NewSession>> Sessions::create(storage::Transaction& tx, std::int64_t account_id,
                                          Role role, std::optional<std::int64_t> profile_id,
                                          std::string_view ip, std::string_view user_agent) {
  NewSession s;
  s.token = crypto::random_token(random_);
  s.public_id = random_base32(random_, 12);
  s.max_age = std::chrono::duration_cast<std::chrono::seconds>(kAbsoluteLifetime).count();
  const auto now = clock_.unix_seconds();
  storage::Params params{s.public_id,
                         crypto::sha256_hex(s.token),
                         account_id,
                         storage::optional(profile_id),
                         now,
                         now + s.max_age,
                         static_cast<std::int64_t>(idle_timeout(role).count()),
                         std::string(ip),
                         std::string(user_agent.substr(0, 300))};
  auto r = co_await tx.query(kInsert, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return s;
}

Task<Result<std::optional<Principal>>> Sessions::authenticate(http::Request& request) {
  const auto token = request.cookie(kSessionCookie);
  if (!token || token->empty() || token->size() > 128) co_return std::optional<Principal>{};
  storage::Params params{crypto::sha256_hex(*token)};
  auto rows = co_await db_.query(kFind, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::session_expired);
  const auto row = rows->row(0);
  const auto now = clock_.unix_seconds();
  const auto last_seen = row.integer(3);
  const bool expired =
      !row.is_null(6) || now >= row.integer(4) || now - last_seen >= row.integer(5);
  const auto status = row.text(9);
  if (expired || status == "deleted" || status == "suspended")
    co_return Error(ErrorCode::session_expired);
  Principal p;
  p.session_id = row.integer(0);
  p.account_id = row.integer(1);
  p.profile_id = row.opt_integer(2);
  p.account_public_id = row.text(7);
  p.role = parse_role(row.text(8)).value_or(Role::patient);
  p.status = status;
  if (now - last_seen >= kTouchEvery) {
    storage::Params touch{now, p.session_id};
    if (auto t = co_await db_.query(kTouch, std::move(touch)); !t) co_return std::move(t).error();
  }
  co_return std::optional<Principal>(std::move(p));
}

Task<Result<std::vector<SessionInfo>>> Sessions::list(std::int64_t account_id,
                                                      std::int64_t current_session) {
  storage::Params params{account_id, clock_.unix_seconds()};
  auto rows = co_await db_.query(kList, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<SessionInfo> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    out.push_back({r.text(1), r.integer(2), r.integer(3), r.opt_text(4).value_or(""),
                   r.opt_text(5).value_or(""), r.integer(0) == current_session});
  }
  co_return out;
}

Task<Result<void>> Sessions::revoke(std::int64_t account_id, std::string_view public_id) {
  storage::Params params{clock_.unix_seconds(), account_id, std::string(public_id)};
  auto r = co_await db_.query(kRevokeOne, std::move(params));
  if (!r) co_return std::move(r).error();
  if (r->affected == 0) co_return Error(ErrorCode::not_found);
  co_return ok();
}

Task<Result<void>> Sessions::revoke_current(std::int64_t session_id) {
  storage::Params params{clock_.unix_seconds(), session_id};
  auto r = co_await db_.query(kRevokeId, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> Sessions::revoke_all(storage::Executor& db, std::int64_t account_id,
                                        std::int64_t keep) {
  storage::Params params{clock_.unix_seconds(), account_id, keep};
  auto r = co_await db.query(kRevokeAll, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<void>> Sessions::set_profile(std::int64_t session_id, std::int64_t profile_id) {
  storage::Params params{profile_id, session_id};
  auto r = co_await db_.query(kSetProfile, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

std::string Sessions::cookie(const NewSession& session, bool secure) {
  return std::string(kSessionCookie) + "=" + session.token +
         "; Path=/; Max-Age=" + std::to_string(session.max_age) + "; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

std::string Sessions::clear_cookie(bool secure) {
  return std::string(kSessionCookie) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax" +
         (secure ? "; Secure" : "");
}

}  // namespace cabinet::auth
