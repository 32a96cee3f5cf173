#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

// The messaging's pure rules (docs/messaging.md "Limits"), unit-tested in rules_test.cpp.
namespace cabinet::messaging {

inline constexpr std::size_t kMaxText = 5000;  // characters (code points)

// renewal, result, treatment, administrative, other.
bool known_reason(std::string_view reason);

// A message as typed: trimmed, CRLF as LF, 1–5,000 characters (0 allowed with `may_be_empty`,
// for an attachment sent alone). Refused, with a 400 naming `field`: text that is not UTF-8,
// control characters other than newlines and tabs, and the bidirectional controls that names
// refuse too (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which can make a sentence read
// as another. Zero-width joiners stay: emoji sequences need them.
Result<std::string> checked_text(std::string_view field, std::string_view input,
                                 bool may_be_empty = false);

}  // namespace cabinet::messaging
