// The sign-in policy key (docs/security.md, "Passkeys"; docs/configuration.md).
#include "app/config.hpp"
#include "app/config_values.hpp"

namespace cabinet::app::config_values {

void add_security_keys(std::vector<KeyInfo>& k) {
  k.push_back(
      {"security.strong_factor_roles", "",
       "roles that must sign in with a passkey or an authenticator app, comma-separated, among "
       "practitioner, assistant and operator; the emailed code alone is then refused once the "
       "account has one (empty: nobody is required to)",
       [](Config& c, const std::string& v) -> Result<void> {
         std::vector<Role> roles;
         for (const auto& item : parse_list(v)) {
           const auto role = parse_role(item);
           if (!role || (*role != Role::practitioner && *role != Role::assistant &&
                         *role != Role::operator_))
             return bad("each role must be practitioner, assistant or operator");
           roles.push_back(*role);
         }
         c.security.strong_factor_roles = std::move(roles);
         return ok();
       }});
  k.push_back({"security.password_min_length", "12",
               "the fewest characters of a new password (ACC2; 12 to 64: the other rules of "
               "docs/security.md apply whatever the length)",
               count(&Config::security, &Config::Security::password_min_length, 12, 64)});
}

}  // namespace cabinet::app::config_values
