#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "http/authenticator.hpp"
#include "storage/database.hpp"

namespace cabinet::auth {

inline constexpr std::string_view kSessionCookie = "cabinet_session";
inline constexpr std::chrono::hours kAbsoluteLifetime{12};

// Idle timeout per role (ACC8): 30 minutes for patients and operators, 15 for practitioners
// and assistants, whose screens show other people's health data.
std::chrono::seconds idle_timeout(Role role);

struct NewSession {
  std::string token;  // goes into the cookie; only its hash is stored
  std::string public_id;
  std::int64_t max_age = 0;
};

struct SessionInfo {
  std::string id;
  std::int64_t created_at = 0;
  std::int64_t last_seen_at = 0;
  std::string ip;
  std::string user_agent;
  bool current = false;
};

// Server-side sessions: a 256-bit random token in an HttpOnly cookie, stored as its SHA-256.
class Sessions final : public http::Authenticator {
 public:
  Sessions(storage::Database& db, const Clock& clock, Random& random)
      : db_(db), clock_(clock), random_(random) {}

  Task<Result<NewSession>> create(storage::Transaction& tx, std::int64_t account_id, Role role,
                                  std::optional<std::int64_t> profile_id, std::string_view ip,
                                  std::string_view user_agent);
  Task<Result<std::optional<Principal>>> authenticate(http::Request& request) override;

  Task<Result<std::vector<SessionInfo>>> list(std::int64_t account_id,
                                              std::int64_t current_session);
  // Revokes one session of the account; not_found when it is not theirs.
  Task<Result<void>> revoke(std::int64_t account_id, std::string_view public_id);
  Task<Result<void>> revoke_current(std::int64_t session_id);
  // Every session of the account except `keep` (0: all of them).
  Task<Result<void>> revoke_all(storage::Executor& db, std::int64_t account_id, std::int64_t keep);
  Task<Result<void>> set_profile(std::int64_t session_id, std::int64_t profile_id);

  // "Set-Cookie" values; `secure` outside localhost.
  static std::string cookie(const NewSession& session, bool secure);
  static std::string clear_cookie(bool secure);

 private:
  storage::Database& db_;
  const Clock& clock_;
  Random& random_;
};

}  // namespace cabinet::auth
