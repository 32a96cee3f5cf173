#include "messaging/rules.hpp"

#include <array>

#include "core/utf8.hpp"

namespace cabinet::messaging {
namespace {

constexpr std::array<std::string_view, 5> kReasons{"renewal", "result", "treatment",
                                                   "administrative", "other"};

// The code point at `i` of well-formed UTF-8, and its length.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    len = 1;
    return b;
  }
  len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
  char32_t cp = b & (0x3F >> (len - 1));
  for (std::size_t k = 1; k < len; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool bidi_control(char32_t cp) {
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

bool refused_control(char32_t cp) {
  if (cp == '\n' || cp == '\t') return false;
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool blank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

bool known_reason(std::string_view reason) {
  for (auto r : kReasons) {
    if (r == reason) return true;
  }
  return false;
}

Result<std::string> checked_text(std::string_view field, std::string_view input,
                                 bool may_be_empty) {
  const std::string name(field);
  if (!is_valid_utf8(input))
    return Error::invalid(name, "Le texte n'est pas valide.", "The text is not valid.");
  std::string text;
  text.reserve(input.size());
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\r' && i + 1 < input.size() && input[i + 1] == '\n') continue;
    text += input[i];
  }
  std::size_t start = 0;
  std::size_t end = text.size();
  while (start < end && blank(text[start])) ++start;
  while (end > start && blank(text[end - 1])) --end;
  text = text.substr(start, end - start);
  if (text.empty() && !may_be_empty)
    return Error::invalid(name, "Écrivez votre message.", "Write your message.");
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto cp = decode(text, i, len);
    if (refused_control(cp))
      return Error::invalid(name, "Le message contient un caractère de contrôle.",
                            "The message holds a control character.");
    if (bidi_control(cp))
      return Error::invalid(name,
                            "Le message contient un caractère invisible qui change le sens de "
                            "lecture ; retirez-le.",
                            "The message holds an invisible character that changes the reading "
                            "direction; remove it.");
    i += len;
  }
  if (utf8_length(text) > kMaxText)
    return Error::invalid(name, "5 000 caractères au plus.", "5,000 characters at most.");
  return text;
}

}  // namespace cabinet::messaging
