#pragma once

#include <string_view>

namespace cabinet {

enum class Locale { fr, en };

// Picks French or English from an Accept-Language header by q-value; French when the header
// is absent, malformed or asks for neither (the product is French first).
Locale parse_accept_language(std::string_view header);
std::string_view to_string(Locale locale);

}  // namespace cabinet
