#pragma once

#include <cstdint>
#include <string>

#include "audit/log.hpp"
#include "consultation/model.hpp"

// What the consultation's files share; not part of its API.
namespace cabinet::consultation {

// 409: nothing more may be added to a closed consultation.
inline Error consultation_over() {
  Error e(ErrorCode::conflict, "consultation over");
  e.message_fr = "La consultation est terminée.";
  e.message_en = "The consultation is over.";
  return e;
}

// The audit entry of an access to the record by a participant with an account.
inline audit::Entry record_entry(const View& v, std::int64_t actor, const std::string& role,
                                 std::string action, std::string detail = {}) {
  audit::Entry e;
  e.actor_account_id = actor;
  e.actor_role = role;
  e.profile_id = v.a.profile_id;
  e.action = std::move(action);
  e.object = v.a.public_id;
  e.detail = std::move(detail);
  return e;
}

}  // namespace cabinet::consultation
