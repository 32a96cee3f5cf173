#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/locale.hpp"

namespace cabinet::notify {

struct Rendered {
  std::string subject;
  std::string text;
  std::string html;
};

using Variables = std::map<std::string, std::string, std::less<>>;

// Every message the platform sends, in French and English (NTF3). Variables are written
// {{name}}; in the HTML part they are escaped. An unknown template or a missing variable is a
// bug and throws std::logic_error.
Rendered render(std::string_view name, Locale locale, const Variables& vars);

// SMS texts (no HTML, short).
std::string render_sms(std::string_view name, Locale locale, const Variables& vars);

}  // namespace cabinet::notify
