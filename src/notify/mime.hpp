#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The MIME codecs behind eml.hpp (RFC 2045 quoted-printable and base64, RFC 2047 encoded
// words, RFC 5322 dates), separate so that each can be tested on its own edge cases.
namespace cabinet::notify {

// Line breaks (CRLF, LF or CR) become CRLF; lines stay within 76 columns with soft breaks;
// '=', controls, non-ASCII bytes, trailing whitespace and a leading '.' are escaped.
std::string encode_quoted_printable(std::string_view text);
// The bytes back, with "\n" for each hard line break; lenient with stray '=' and with
// whitespace that a transport added at the end of a line.
std::string decode_quoted_printable(std::string_view encoded);

std::optional<std::string> decode_base64(std::string_view text);  // whitespace is ignored
// Base64 in lines of 76 characters joined by CRLF (RFC 2045 6.8), for an attachment's body.
std::string encode_base64_lines(std::string_view bytes);

// `bytes` in `charset` as UTF-8: the Latin-1 family is converted, anything else kept.
std::string charset_to_utf8(std::string bytes, std::string_view charset);

// "Name: value", control characters replaced by spaces, folded to 78 columns, with RFC 2047
// UTF-8 words when value is not plain ASCII.
std::string encode_unstructured_header(std::string_view name, std::string_view value);
// "Name: Display <user@host>": the display name quoted or encoded as it needs.
std::string encode_address_header(std::string_view name, std::string_view value);
// Decodes RFC 2047 words (B and Q; UTF-8, ASCII, Latin-1) in an unfolded header value.
std::string decode_header_value(std::string_view value);

// "Thu, 01 Jan 2026 09:30:00 +0000"
std::string format_rfc5322_date(std::int64_t unix_seconds);
// Unix seconds of an RFC 5322 date, with or without the day of the week; numeric zones.
std::optional<std::int64_t> parse_rfc5322_date(std::string_view date);

}  // namespace cabinet::notify
