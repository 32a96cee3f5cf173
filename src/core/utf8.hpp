#pragma once

#include <cstddef>
#include <string_view>

namespace cabinet {

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view text);

// Characters as a person counts them (code points) in well-formed UTF-8: limits shown to users
// ("200 caractères au plus") are in these, not in bytes.
std::size_t utf8_length(std::string_view text);

}  // namespace cabinet
