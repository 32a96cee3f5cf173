#include "reference/text.hpp"

#include <array>

#include "core/utf8.hpp"

namespace cabinet::reference {
namespace {

// Windows-1252's 0x80–0x9F; 0 where the code page leaves a byte undefined.
constexpr std::array<char32_t, 32> kCp1252High{
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string to_utf8(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (const char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {
      out.push_back(c);
    } else if (b < 0xA0) {
      const char32_t cp = kCp1252High[b - 0x80];
      append_utf8(out, cp == 0 ? char32_t{0xFFFD} : cp);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const auto eol = text.find('\n');
    auto line = text.substr(0, eol);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out.push_back(line);
    if (eol == std::string_view::npos) break;
    text.remove_prefix(eol + 1);
  }
  return out;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line.remove_prefix(tab + 1);
  }
}

std::vector<std::string> split_semicolons(std::string_view line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  bool at_start = true;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c != '"') {
        out.back().push_back(c);
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        out.back().push_back('"');
        ++i;
      } else {
        quoted = false;
      }
      continue;
    }
    if (c == ';') {
      out.emplace_back();
      at_start = true;
      continue;
    }
    if (c == '"' && at_start) {
      quoted = true;
      at_start = false;
      continue;
    }
    at_start = false;
    out.back().push_back(c);
  }
  return out;
}

std::string trim(std::string_view text) {
  static constexpr std::string_view kNbsp = "\xC2\xA0";
  for (;;) {
    if (text.starts_with(' ') || text.starts_with('\t')) {
      text.remove_prefix(1);
    } else if (text.starts_with(kNbsp)) {
      text.remove_prefix(kNbsp.size());
    } else {
      break;
    }
  }
  for (;;) {
    if (text.ends_with(' ') || text.ends_with('\t')) {
      text.remove_suffix(1);
    } else if (text.ends_with(kNbsp)) {
      text.remove_suffix(kNbsp.size());
    } else {
      break;
    }
  }
  return std::string(text);
}

std::string lower_fr(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 'A' && b <= 'Z') {
      out.push_back(static_cast<char>(b - 'A' + 'a'));
    } else if (b == 0xC3 && i + 1 < text.size()) {
      // U+00C0–U+00DE are C3 80–C3 9E; their small letters are 0x20 further, except ×.
      auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97)
        next = static_cast<unsigned char>(next + 0x20);
      out.push_back(static_cast<char>(b));
      out.push_back(static_cast<char>(next));
      ++i;
    } else if (b == 0xC5 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x92) {
      out += "\xC5\x93";  // Œ -> œ
      ++i;
    } else if (b == 0xC5 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0xB8) {
      out += "\xC3\xBF";  // Ÿ -> ÿ
      ++i;
    } else {
      out.push_back(static_cast<char>(b));
    }
  }
  return out;
}

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace cabinet::reference
