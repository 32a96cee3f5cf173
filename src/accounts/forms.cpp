#include "accounts/forms.hpp"

#include "http/input.hpp"

namespace cabinet::accounts {

using http::Input;

Result<SignupForm> signup_form(const nlohmann::json& body, Role role) {
  const Input in(body);
  SignupForm f;
  if (role != Role::assistant) {
    auto email = in.text("email", 254);
    if (!email) return std::move(email).error();
    f.email = *email;
  } else {
    auto token = in.text("token", 100);
    if (!token) return std::move(token).error();
    f.invitation = *token;
  }
  for (auto [field, target] :
       {std::pair{"password", &f.password}, std::pair{"phone", &f.phone},
        std::pair{"first_name", &f.first_name}, std::pair{"last_name", &f.last_name}}) {
    auto v = in.text(field, std::string_view(field) == "password" ? kPasswordMax : 200);
    if (!v) return std::move(v).error();
    *target = *v;
  }
  if (role == Role::patient) {
    auto born = in.optional_text("birth_date", 20);
    if (!born) return std::move(born).error();
    f.birth_date = *born;
  }
  if (role == Role::practitioner) {
    auto rpps = in.text("rpps", 20);
    if (!rpps) return std::move(rpps).error();
    auto specialty = in.text("specialty", 60);
    if (!specialty) return std::move(specialty).error();
    f.rpps = *rpps;
    f.specialty = *specialty;
  }
  return f;
}

Result<RelativeForm> relative_form(const nlohmann::json& body) {
  const Input in(body);
  RelativeForm f;
  for (auto [field, target] :
       {std::pair{"first_name", &f.first_name}, std::pair{"last_name", &f.last_name},
        std::pair{"birth_date", &f.birth_date}, std::pair{"sex", &f.sex},
        std::pair{"relationship", &f.relationship}}) {
    auto v = in.optional_text(field, 200);
    if (!v) return std::move(v).error();
    *target = *v;
  }
  return f;
}

}  // namespace cabinet::accounts
