#include "core/principal.hpp"

namespace cabinet {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::patient:
      return "patient";
    case Role::practitioner:
      return "practitioner";
    case Role::assistant:
      return "assistant";
    case Role::operator_:
      return "operator";
    case Role::guest:
      return "guest";
    case Role::partner_admin:
      return "partner_admin";
  }
  return "patient";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "patient") return Role::patient;
  if (name == "practitioner") return Role::practitioner;
  if (name == "assistant") return Role::assistant;
  if (name == "operator") return Role::operator_;
  return std::nullopt;
}

}  // namespace cabinet
