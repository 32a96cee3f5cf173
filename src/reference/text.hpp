#pragma once

#include <string>
#include <string_view>
#include <vector>

// Reading the public files the operator downloads (BDPM, FINESS): their encoding and their
// fields. Pure functions, unit-tested in text_test.cpp.
namespace cabinet::reference {

// The text as UTF-8. Well-formed UTF-8 is kept (without a byte-order mark); anything else is
// read as Windows-1252, the superset of ISO-8859-1 these files have historically used (its
// 0x80–0x9F are printable: ’ œ € …, where Latin-1 has control codes nobody writes).
std::string to_utf8(std::string_view bytes);

// The lines of a text, without their "\n" or "\r\n".
std::vector<std::string_view> lines_of(std::string_view text);

// Tab-separated fields, as the BDPM writes them: no quoting, every tab separates.
std::vector<std::string_view> split_tabs(std::string_view line);

// ';'-separated fields, as the FINESS extract writes them. A field may be quoted ("a;b"), with
// "" for a quote inside; an unclosed quote runs to the end of the line.
std::vector<std::string> split_semicolons(std::string_view line);

// Spaces (and non-breaking spaces) trimmed at both ends.
std::string trim(std::string_view text);

// French lower case for display: A–Z and the accented capitals of Latin-1, Œ and Ÿ
// ("PARACÉTAMOL" -> "paracétamol"). Other characters are kept.
std::string lower_fr(std::string_view text);

bool all_digits(std::string_view text);

}  // namespace cabinet::reference
