#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "documents/rendering.hpp"

// The few words the PDF composes itself from the Rendering's fields, in French. Pure, so that
// they are tested without drawing.
namespace cabinet::documents::pdf {

// "25,00 €", "1 234,50 €", "-3,00 €": no-break spaces, so that "€" never starts a line.
std::string euros(std::int64_t cents);

// "Femme", "Homme", or "—" when unknown or other (the form has no third box).
std::string sex_label(std::string_view sex);

// "1 jour", "3 jours".
std::string days(int n);

// "Paracétamol 1 g — comprimé": the strength and the form, unless the name already says them.
std::string drug_heading(const Drug& d);

// Text fit for pango: invalid UTF-8 replaced, control characters (but newline and tab) made
// spaces. Content comes from practitioners' typing; none of it may stop the PDF.
std::string clean(std::string_view text);

// clean(), then escaped for pango markup.
std::string escape(std::string_view text);

}  // namespace cabinet::documents::pdf
