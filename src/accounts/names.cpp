#include "accounts/names.hpp"

#include "core/utf8.hpp"
#include "core/validators.hpp"
#include "http/input.hpp"

namespace cabinet::accounts {

Result<std::string> checked_name(std::string_view field, std::string_view input) {
  const bool first = field == "first_name";
  if (auto name = validate::person_name(input)) return *name;
  if (is_valid_utf8(input) && has_invisible_formatting(input)) {
    return http::invalid_field(
        field,
        std::string(first ? "Le prénom" : "Le nom") +
            " contient un caractère invisible ou de sens d'écriture (copié-collé ?) : "
            "retapez-le.",
        std::string(first ? "The first name" : "The last name") +
            " contains an invisible or text-direction character (pasted?): type it again.");
  }
  if (first) return http::invalid_field(field, "Prénom invalide.", "Invalid first name.");
  return http::invalid_field(field, "Nom invalide.", "Invalid last name.");
}

}  // namespace cabinet::accounts
