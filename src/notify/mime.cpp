#include "notify/mime.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <ctime>

namespace cabinet::notify {
namespace {

constexpr auto npos = std::string_view::npos;
constexpr std::size_t kHeaderLine = 78;  // RFC 5322 2.1.1, the length to aim for
constexpr std::size_t kQpLine = 76;      // RFC 2045 6.7 (5), a hard limit
// 39 bytes make 52 base64 characters: "Subject: =?UTF-8?B?...?=" stays within 78 columns.
constexpr std::size_t kWordBytes = 39;

unsigned char uc(char c) { return static_cast<unsigned char>(c); }
bool is_control(char c) { return uc(c) < 0x20 || uc(c) == 0x7f; }
bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return uc(c) < 0x80; });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A header value is one line: CR, LF and every other control character become a space.
std::string one_line(std::string_view value) {
  std::string out(value);
  std::replace_if(out.begin(), out.end(), is_control, ' ');
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// "=XY" at text[i], as its byte.
std::optional<char> hex_pair(std::string_view text, std::size_t i) {
  if (i + 2 >= text.size() || text[i] != '=') return std::nullopt;
  const int high = hex_value(text[i + 1]);
  const int low = hex_value(text[i + 2]);
  if (high < 0 || low < 0) return std::nullopt;
  return static_cast<char>(high * 16 + low);
}

std::string hex_escape(unsigned char c) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return {'=', kHex[c >> 4U], kHex[c & 0x0fU]};
}

std::string encode_base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

// RFC 2047 words of at most kWordBytes of `value` each, never splitting a UTF-8 sequence,
// one per folded line.
std::string encoded_words(std::string_view value) {
  std::string out;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = std::min(value.size(), start + kWordBytes);
    while (end < value.size() && end > start && (uc(value[end]) & 0xc0U) == 0x80U) --end;
    if (end == start) end = std::min(value.size(), start + kWordBytes);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + encode_base64(value.substr(start, end - start)) + "?=";
    start = end;
  }
  return out;
}

// One RFC 2047 word at value[pos] ("=?charset?B|Q?text?="); on success pos moves past it.
std::optional<std::string> decode_word(std::string_view value, std::size_t& pos) {
  const auto q1 = value.find('?', pos + 2);
  if (q1 == npos || q1 + 3 >= value.size() || value[q1 + 2] != '?') return std::nullopt;
  const auto end = value.find("?=", q1 + 3);
  if (end == npos) return std::nullopt;
  std::string_view charset = value.substr(pos + 2, q1 - pos - 2);
  charset = charset.substr(0, charset.find('*'));  // RFC 2231 language suffix
  const char encoding = value[q1 + 1];
  const std::string_view text = value.substr(q1 + 3, end - q1 - 3);
  if (text.find_first_of(" \t") != npos) return std::nullopt;
  std::string bytes;
  if (encoding == 'B' || encoding == 'b') {
    auto decoded = decode_base64(text);
    if (!decoded) return std::nullopt;
    bytes = std::move(*decoded);
  } else if (encoding == 'Q' || encoding == 'q') {
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (auto byte = hex_pair(text, i)) {
        bytes.push_back(*byte);
        i += 2;
      } else {
        bytes.push_back(text[i] == '_' ? ' ' : text[i]);
      }
    }
  } else {
    return std::nullopt;
  }
  pos = end + 2;
  return charset_to_utf8(std::move(bytes), charset);
}

void encode_qp_line(std::string_view line, std::string& out) {
  std::size_t column = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = uc(line[i]);
    const bool last = i + 1 == line.size();
    // Trailing whitespace would be stripped by some transports (RFC 2045 6.7 (3)).
    const bool escape = (c == ' ' || c == '\t') ? last : (c == '=' || c < 33 || c > 126);
    std::string token = escape ? hex_escape(c) : std::string(1, line[i]);
    // A soft line break takes one column for its '='; the last token of a line needs none.
    if (column + token.size() > (last ? kQpLine : kQpLine - 1)) {
      out += "=\r\n";
      column = 0;
    }
    // A '.' opening a line is fragile in SMTP (dot-stuffing); it costs nothing to escape.
    if (column == 0 && c == '.') token = hex_escape(c);
    out += token;
    column += token.size();
  }
}

}  // namespace

std::string encode_quoted_printable(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const auto end = text.find_first_of("\r\n", start);
    encode_qp_line(text.substr(start, end == npos ? npos : end - start), out);
    if (end == npos) return out;
    out += "\r\n";
    const bool crlf = text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n';
    start = end + (crlf ? 2 : 1);
  }
}

std::string decode_quoted_printable(std::string_view encoded) {
  std::string out;
  std::size_t start = 0;
  for (;;) {
    const auto nl = encoded.find('\n', start);
    std::string_view line = encoded.substr(start, nl == npos ? npos : nl - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    // Whitespace a transport added at the end of a line is not part of the text.
    while (line.ends_with(' ') || line.ends_with('\t')) line.remove_suffix(1);
    const bool soft = line.ends_with('=');
    if (soft) line.remove_suffix(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (auto byte = hex_pair(line, i)) {
        out.push_back(*byte);
        i += 2;
      } else {
        out.push_back(line[i]);  // a stray '=' is kept, as RFC 2045 6.7 (1) suggests
      }
    }
    if (nl == npos) return out;
    if (!soft) out.push_back('\n');
    start = nl + 1;
  }
}

std::string encode_base64_lines(std::string_view bytes) {
  const std::string all = encode_base64(bytes);
  std::string out;
  for (std::size_t i = 0; i < all.size(); i += 76) {
    if (i > 0) out += "\r\n";
    out += all.substr(i, 76);
  }
  return out;
}

std::optional<std::string> decode_base64(std::string_view text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), " \t\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

std::string charset_to_utf8(std::string bytes, std::string_view charset) {
  std::string name(trim(charset));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; });
  if (name != "iso-8859-1" && name != "latin1" && name != "iso-8859-15" && name != "windows-1252") {
    return bytes;
  }
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    if (uc(c) < 0x80) {
      out.push_back(c);
    } else {
      out.push_back(static_cast<char>(0xc0U | (uc(c) >> 6U)));
      out.push_back(static_cast<char>(0x80U | (uc(c) & 0x3fU)));
    }
  }
  return out;
}

std::string encode_unstructured_header(std::string_view name, std::string_view value) {
  const std::string clean = one_line(value);
  std::string out = fmt::format("{}:", name);
  if (clean.empty()) return out;
  // Plain ASCII folds at spaces; anything else, or a word too long to fold, is encoded.
  std::size_t longest = 0;
  for (std::size_t pos = 0; pos <= clean.size();) {
    const auto space = std::min(clean.find(' ', pos), clean.size());
    longest = std::max(longest, space - pos);
    pos = space + 1;
  }
  if (!is_ascii(clean) || clean.find("=?") != npos || longest + name.size() + 2 > kHeaderLine) {
    return out + " " + encoded_words(clean);
  }
  std::size_t column = out.size();
  for (std::size_t pos = 0; pos <= clean.size();) {
    const auto space = std::min(clean.find(' ', pos), clean.size());
    const auto word = std::string_view(clean).substr(pos, space - pos);
    // Folding turns a space into CRLF + space; unfolding gives the space back.
    if (column + 1 + word.size() > kHeaderLine && !word.empty() && pos > 0) {
      out += "\r\n";
      column = 0;
    }
    out += ' ';
    out += word;
    column += 1 + word.size();
    pos = space + 1;
  }
  return out;
}

std::string encode_address_header(std::string_view name, std::string_view value) {
  const std::string line = one_line(value);
  const std::string_view mailbox = trim(line);
  const auto lt = mailbox.rfind('<');
  if (lt == npos || !mailbox.ends_with('>')) return fmt::format("{}: {}", name, mailbox);
  std::string display(trim(mailbox.substr(0, lt)));
  const std::string_view address = mailbox.substr(lt);
  if (display.size() >= 2 && display.front() == '"' && display.back() == '"') {
    display = display.substr(1, display.size() - 2);
    std::erase(display, '\\');
  }
  if (display.empty()) return fmt::format("{}: {}", name, address);
  if (!is_ascii(display) || display.find("=?") != npos) {
    display = encoded_words(display);
  } else if (display.find_first_of("()<>[]:;@\\,.\"") != npos) {
    std::string quoted = "\"";
    for (char c : display) {
      if (c == '"' || c == '\\') quoted.push_back('\\');
      quoted.push_back(c);
    }
    display = quoted + "\"";
  }
  return fmt::format("{}: {} {}", name, display, address);
}

std::string decode_header_value(std::string_view value) {
  std::string out;
  std::string spaces;  // held back: whitespace between two encoded words is dropped
  bool after_word = false;
  for (std::size_t i = 0; i < value.size();) {
    if (value.substr(i, 2) == "=?") {
      if (auto word = decode_word(value, i)) {
        if (!after_word) out += spaces;
        spaces.clear();
        out += *word;
        after_word = true;
        continue;
      }
    }
    if (value[i] == ' ' || value[i] == '\t') {
      spaces.push_back(value[i++]);
      continue;
    }
    out += spaces;
    spaces.clear();
    out.push_back(value[i++]);
    after_word = false;
  }
  return out + spaces;
}

std::string format_rfc5322_date(std::int64_t unix_seconds) {
  static constexpr std::array<std::string_view, 7> kDays{"Sun", "Mon", "Tue", "Wed",
                                                         "Thu", "Fri", "Sat"};
  static constexpr std::array<std::string_view, 12> kMonths{
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{}, {:02} {} {} {:02}:{:02}:{:02} +0000", kDays.at(tm.tm_wday), tm.tm_mday,
                     kMonths.at(tm.tm_mon), tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

std::optional<std::int64_t> parse_rfc5322_date(std::string_view date) {
  // A trailing comment such as "(UTC)" carries nothing the numeric zone does not.
  const std::string text(trim(date.substr(0, date.find('('))));
  for (const char* format : {"%a, %d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M:%S %z",
                             "%a, %d %b %Y %H:%M %z", "%d %b %Y %H:%M %z"}) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (end == nullptr || *end != '\0') continue;
    const long offset = tm.tm_gmtoff;  // read first: timegm() normalises tm and clears it
    return std::int64_t{timegm(&tm)} - offset;
  }
  return std::nullopt;
}

}  // namespace cabinet::notify
