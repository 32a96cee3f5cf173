#pragma once

#include <string>
#include <string_view>

namespace cabinet {

enum class Locale { fr, en };

// Picks French or English from an Accept-Language header by q-value; French when the header
// is absent, malformed or asks for neither (the product is French first).
Locale parse_accept_language(std::string_view header);
std::string_view to_string(Locale locale);
// "janvier" / "January" for a month from 1 to 12 (dates written out in emails and pages).
std::string_view month_name(unsigned month, Locale locale);
// Escapes & < > " ' for HTML text and attribute values.
std::string escape_html(std::string_view text);

}  // namespace cabinet
