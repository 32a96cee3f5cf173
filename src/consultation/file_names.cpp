// Names of the files shared in a consultation, as they arrive and as they leave (file_names.hpp).
#include "consultation/file_names.hpp"

#include <cstdio>

#include "core/utf8.hpp"
#include "http/message.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::string_view kDefaultFileName = "fichier";

std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if ((lead >> 5U) == 0x6) return 2;
  if ((lead >> 4U) == 0xE) return 3;
  return 4;
}

// The code point of one well-formed UTF-8 sequence.
std::uint32_t code_point(std::string_view s) {
  const auto b = [&](std::size_t i) { return static_cast<std::uint32_t>(s[i]) & 0xFFU; };
  switch (s.size()) {
    case 1:
      return b(0);
    case 2:
      return ((b(0) & 0x1FU) << 6U) | (b(1) & 0x3FU);
    case 3:
      return ((b(0) & 0x0FU) << 12U) | ((b(1) & 0x3FU) << 6U) | (b(2) & 0x3FU);
    default:
      return ((b(0) & 0x07U) << 18U) | ((b(1) & 0x3FU) << 12U) | ((b(2) & 0x3FU) << 6U) |
             (b(3) & 0x3FU);
  }
}

// Control characters, and the invisible ones that reorder or hide text ("photo<U+202E>gnp.exe").
bool hidden_or_control(std::uint32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

}  // namespace

std::string uploaded_file_name(std::string_view header) {
  auto decoded = http::percent_decode(header);
  if (!decoded || !is_valid_utf8(*decoded)) return std::string(kDefaultFileName);
  std::string_view name = *decoded;
  if (auto cut = name.find_last_of("/\\"); cut != std::string_view::npos)
    name = name.substr(cut + 1);
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size() && count < kMaxFileName;) {
    const auto piece = name.substr(i, sequence_length(static_cast<unsigned char>(name[i])));
    i += piece.size();
    if (hidden_or_control(code_point(piece))) continue;
    out += piece;
    ++count;
  }
  const auto first = out.find_first_not_of(' ');
  if (first == std::string::npos) return std::string(kDefaultFileName);
  out = out.substr(first, out.find_last_not_of(' ') - first + 1);
  // "." and ".." name no file.
  if (out.find_first_not_of('.') == std::string::npos) return std::string(kDefaultFileName);
  return out;
}

std::string attachment_disposition(std::string_view name) {
  constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
  std::string out = "attachment; filename*=UTF-8''";
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        kAttrChars.find(ch) != std::string_view::npos) {
      out += ch;
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

}  // namespace cabinet::consultation
