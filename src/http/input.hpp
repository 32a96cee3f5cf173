#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::http {

// Reading fields of a JSON request body with errors that name the field, in French and
// English. Strings are trimmed of nothing: validators decide what is acceptable.
class Input {
 public:
  explicit Input(const nlohmann::json& body) : body_(body) {}

  // A required string of at most `max_bytes`.
  [[nodiscard]] Result<std::string> text(std::string_view field, std::size_t max_bytes = 200) const;
  // Absent or null gives nullopt; present must be a string.
  [[nodiscard]] Result<std::optional<std::string>> optional_text(std::string_view field,
                                                                 std::size_t max_bytes = 200) const;
  [[nodiscard]] Result<std::optional<bool>> optional_bool(std::string_view field) const;
  [[nodiscard]] bool has(std::string_view field) const {
    return body_.is_object() && body_.contains(field);
  }
  [[nodiscard]] const nlohmann::json& object(std::string_view field) const;

 private:
  const nlohmann::json& body_;
};

Error missing_field(std::string_view field);
Error invalid_field(std::string_view field, std::string fr, std::string en);

}  // namespace cabinet::http
