#pragma once

#include <cstddef>
#include <string_view>

namespace cabinet {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Characters as a person counts them (code points) in well-formed UTF-8: limits shown to users
// ("200 caractères au plus") are in these, not in bytes.
std::size_t utf8_length(std::string_view text);

// True when well-formed UTF-8 `text` holds an invisible formatting character: the bidi
// controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which make "Zoé" display as a
// reversed or reordered other name, and the zero-width and invisible ones (U+00AD, U+180E,
// U+200B–U+200D, U+2060–U+2064, U+FEFF), which make two different names look the same.
bool has_invisible_formatting(std::string_view text);

}  // namespace cabinet
