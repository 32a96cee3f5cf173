#include "core/utf8.hpp"

namespace cabinet {

std::size_t utf8_length(std::string_view text) {
  std::size_t n = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xc0U) != 0x80U) ++n;  // not a continuation byte
  }
  return n;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  const auto n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned min = 0;
    unsigned cp = 0;
    if ((c & 0xe0U) == 0xc0U) {
      len = 2, min = 0x80, cp = c & 0x1fU;
    } else if ((c & 0xf0U) == 0xe0U) {
      len = 3, min = 0x800, cp = c & 0x0fU;
    } else if ((c & 0xf8U) == 0xf0U) {
      len = 4, min = 0x10000, cp = c & 0x07U;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xc0U) != 0x80U) return false;
      cp = (cp << 6U) | (cc & 0x3fU);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return false;
    i += len;
  }
  return true;
}

bool has_invisible_formatting(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    unsigned cp = c;
    if ((c & 0xe0U) == 0xc0U) {
      len = 2, cp = c & 0x1fU;
    } else if ((c & 0xf0U) == 0xe0U) {
      len = 3, cp = c & 0x0fU;
    } else if ((c & 0xf8U) == 0xf0U) {
      len = 4, cp = c & 0x07U;
    }
    for (std::size_t k = 1; k < len && i + k < text.size(); ++k)
      cp = (cp << 6U) | (static_cast<unsigned char>(text[i + k]) & 0x3fU);
    i += len;
    if (cp == 0xad || cp == 0x61c || cp == 0x180e || cp == 0xfeff) return true;
    if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
        (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069))
      return true;
  }
  return false;
}

}  // namespace cabinet
