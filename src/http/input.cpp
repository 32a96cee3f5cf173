#include "http/input.hpp"

namespace cabinet::http {

Error missing_field(std::string_view field) {
  return Error::invalid(std::string(field), "Ce champ est obligatoire.", "This field is required.");
}

Error invalid_field(std::string_view field, std::string fr, std::string en) {
  return Error::invalid(std::string(field), std::move(fr), std::move(en));
}

Result<std::string> Input::text(std::string_view field, std::size_t max_bytes) const {
  auto v = optional_text(field, max_bytes);
  if (!v) return std::move(v).error();
  if (!*v || (*v)->empty()) return missing_field(field);
  return std::move(**v);
}

Result<std::optional<std::string>> Input::optional_text(std::string_view field,
                                                        std::size_t max_bytes) const {
  if (!body_.is_object()) {
    return Error::invalid("", "Le corps de la requête doit être un objet JSON.",
                          "The request body must be a JSON object.");
  }
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return std::optional<std::string>{};
  if (!it->is_string()) {
    return invalid_field(field, "Ce champ doit être un texte.", "This field must be a string.");
  }
  auto value = it->get<std::string>();
  if (value.size() > max_bytes) {
    return invalid_field(field, "Ce champ est trop long.", "This field is too long.");
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::optional<bool>> Input::optional_bool(std::string_view field) const {
  if (!body_.is_object()) return std::optional<bool>{};
  auto it = body_.find(field);
  if (it == body_.end() || it->is_null()) return std::optional<bool>{};
  if (!it->is_boolean()) {
    return invalid_field(field, "Ce champ doit valoir vrai ou faux.",
                         "This field must be true or false.");
  }
  return std::optional<bool>(it->get<bool>());
}

const nlohmann::json& Input::object(std::string_view field) const {
  static const nlohmann::json kNull;
  if (!body_.is_object()) return kNull;
  auto it = body_.find(field);
  return it == body_.end() ? kNull : *it;
}

}  // namespace cabinet::http
