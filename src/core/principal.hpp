#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cabinet {

// `guest` is never an account's role: it marks a person invited to one consultation by a link
// (docs/consultation.md, "Guests"), who holds no session and reaches only what names it.
// `partner_admin` is stored as an `operator` account with a partner (accounts.partner_id): it
// administers that white-label partner only (docs/operator.md, "Partners").
enum class Role : std::uint8_t {
  patient,
  practitioner,
  assistant,
  operator_,
  guest,
  partner_admin
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view name);

// Who is asking: set by the authenticator from the session cookie, read by handlers and the
// audit log. `profile_id` is the profile the patient is acting for (the profile switch).
struct Principal {
  std::int64_t account_id = 0;
  std::string account_public_id;
  Role role = Role::patient;
  std::string status;  // active, pending (practitioner awaiting verification)…
  std::int64_t session_id = 0;
  std::optional<std::int64_t> profile_id;
  // A partner administrator's partner (role partner_admin); 0 otherwise.
  std::int64_t partner_id = 0;

  // Set only for a guest (role `guest`, account_id 0): the invitation it claimed, which names
  // the one consultation it may enter.
  struct Guest {
    std::int64_t id = 0;  // the invitation's id
    std::string name;
    std::string kind;  // guest, interpreter
    std::int64_t appointment = 0;
    std::string consultation;  // the appointment's public id
  };
  std::optional<Guest> guest;
};

}  // namespace cabinet
