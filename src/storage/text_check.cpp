#include "storage/text_check.hpp"

#include <string>

#include "core/utf8.hpp"

namespace cabinet::storage {

bool is_storable_text(std::string_view text) {
  return text.find('\0') == std::string_view::npos && is_valid_utf8(text);
}

Result<void> check_params(const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (const auto* s = std::get_if<std::string>(&params[i]);
        s != nullptr && !is_storable_text(*s)) {
      return Error::invalid("", "Le texte contient des caractères invalides.",
                            "The text contains invalid characters.")
          .with_detail("parameter $" + std::to_string(i + 1) + " is not valid UTF-8 text");
    }
  }
  return ok();
}

}  // namespace cabinet::storage
