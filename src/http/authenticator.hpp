#pragma once

#include <optional>

#include "core/async.hpp"
#include "core/principal.hpp"
#include "core/result.hpp"
#include "http/message.hpp"

namespace cabinet::http {

// Resolves who is asking from the request (its session cookie). Implemented by the auth
// feature; the dispatcher calls it for routes that need a signed-in caller.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  // nullopt when the request carries no session; session_expired when it carries one that is
  // no longer valid; unavailable when the store cannot answer.
  virtual Task<Result<std::optional<Principal>>> authenticate(Request& request) = 0;
};

}  // namespace cabinet::http
