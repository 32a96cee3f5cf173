#include "auth/sessions.hpp"

#include "auth/store.hpp"
#include "crypto/keyring.hpp"

namespace cabinet::auth {
namespace {

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
  store::NewSessionRow row{s.public_id,
                           crypto::sha256_hex(s.token),
                           account_id,
                           profile_id,
                           now,
                           now + s.max_age,
                           static_cast<std::int64_t>(idle_timeout(role).count()),
                           std::string(ip),
                           std::string(user_agent.substr(0, 300))};
  if (auto r = co_await store::insert_session(tx, row); !r) co_return std::move(r).error();
  co_return s;
}

Task<Result<std::optional<Principal>>> Sessions::authenticate(http::Request& request) {
  const auto token = request.cookie(kSessionCookie);
  if (!token || token->empty() || token->size() > 128) co_return std::optional<Principal>{};
  const auto hash = crypto::sha256_hex(*token);
  auto found = co_await store::session_by_token_hash(db_, hash);
  if (!found) co_return std::move(found).error();
  if (!*found) co_return Error(ErrorCode::session_expired);
  const auto& row = **found;
  const auto now = clock_.unix_seconds();
  const auto last_seen = row.last_seen_at;
  const bool expired = row.revoked || now >= row.expires_at || now - last_seen >= row.idle_seconds;
  const auto& status = row.account_status;
  if (expired || status == "deleted" || status == "suspended")
    co_return Error(ErrorCode::session_expired);
  Principal p;
  p.session_id = row.id;
  p.account_id = row.account_id;
  p.profile_id = row.profile_id;
  p.account_public_id = row.account_public_id;
  p.role = parse_role(row.role).value_or(Role::patient);
  if (p.role == Role::operator_ && row.partner_id != 0) {
    p.role = Role::partner_admin;
    p.partner_id = row.partner_id;
  }
  p.status = status;
  if (now - last_seen >= kTouchEvery) {
    if (auto t = co_await store::touch_session(db_, p.session_id, now); !t)
      co_return std::move(t).error();
  }
  co_return std::optional<Principal>(std::move(p));
}

Task<Result<std::vector<SessionInfo>>> Sessions::list(std::int64_t account_id,
                                                      std::int64_t current_session) {
  auto rows = co_await store::active_sessions(db_, account_id, clock_.unix_seconds());
  if (!rows) co_return std::move(rows).error();
  std::vector<SessionInfo> out;
  for (auto& r : *rows) {
    out.push_back({std::move(r.public_id), r.created_at, r.last_seen_at, std::move(r.ip),
                   std::move(r.user_agent), r.id == current_session});
  }
  co_return out;
}

Task<Result<void>> Sessions::revoke(std::int64_t account_id, std::string_view public_id) {
  const std::string id(public_id);
  auto revoked = co_await store::revoke_session(db_, account_id, id, clock_.unix_seconds());
  if (!revoked) co_return std::move(revoked).error();
  if (!*revoked) co_return Error(ErrorCode::not_found);
  co_return ok();
}

Task<Result<void>> Sessions::revoke_current(std::int64_t session_id) {
  co_return co_await store::revoke_session_id(db_, session_id, clock_.unix_seconds());
}

Task<Result<void>> Sessions::revoke_all(storage::Executor& db, std::int64_t account_id,
                                        std::int64_t keep) {
  co_return co_await store::revoke_sessions_except(db, account_id, keep, clock_.unix_seconds());
}

Task<Result<void>> Sessions::set_profile(std::int64_t session_id, std::int64_t profile_id) {
  co_return co_await store::set_session_profile(db_, session_id, profile_id);
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
