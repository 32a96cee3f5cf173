#include "app/config_values.hpp"

#include <cctype>
#include <charconv>
#include <sstream>

namespace cabinet::app::config_values {

Error bad(const std::string& what) { return Error(ErrorCode::invalid_request, what); }

Result<std::uint64_t> parse_uint(const std::string& text) {
  std::uint64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size()) return bad("expected a whole number");
  return v;
}

Result<std::size_t> parse_size(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
    ++digits;
  auto number = parse_uint(text.substr(0, digits));
  if (!number || digits == 0) return bad("expected a size such as 1048576, 64KiB or 1MiB");
  const std::string unit = text.substr(digits);
  std::uint64_t scale = 0;
  if (unit.empty() || unit == "B") scale = 1;
  if (unit == "KiB" || unit == "K") scale = 1024;
  if (unit == "MiB" || unit == "M") scale = 1024UL * 1024;
  if (unit == "GiB" || unit == "G") scale = 1024UL * 1024 * 1024;
  if (scale == 0) return bad("unknown size unit '" + unit + "' (use B, KiB, MiB or GiB)");
  return static_cast<std::size_t>(*number * scale);
}

Result<std::chrono::milliseconds> parse_duration(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
    ++digits;
  auto number = parse_uint(text.substr(0, digits));
  if (!number || digits == 0) return bad("expected a duration such as 30s, 500ms or 2m");
  const std::string unit = text.substr(digits);
  const auto n = static_cast<std::int64_t>(*number);
  if (unit == "ms") return std::chrono::milliseconds(n);
  if (unit.empty() || unit == "s") return std::chrono::milliseconds(n * 1000);
  if (unit == "m") return std::chrono::milliseconds(n * 60'000);
  if (unit == "h") return std::chrono::milliseconds(n * 3'600'000);
  return bad("unknown duration unit '" + unit + "' (use ms, s, m or h)");
}

Result<bool> parse_bool(const std::string& text) {
  if (text == "true" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "0" || text == "no") return false;
  return bad("expected true or false");
}

std::vector<std::string> parse_list(const std::string& v) {
  std::vector<std::string> items;
  std::stringstream in(v);
  for (std::string item; std::getline(in, item, ',');) {
    const auto first = item.find_first_not_of(' ');
    if (first == std::string::npos) continue;
    items.push_back(item.substr(first, item.find_last_not_of(' ') - first + 1));
  }
  return items;
}

Result<std::string> parse_media_types(const std::string& v) {
  std::string list;
  for (auto item : parse_list(v)) {
    for (auto& ch : item)  // libmagic names types in lower case
      ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    const auto slash = item.find('/');
    if (slash == 0 || slash == std::string::npos || slash + 1 == item.size() ||
        item.find_first_of(" ;*") != std::string::npos)
      return bad("'" + item + "' is not a media type such as application/pdf");
    list += (list.empty() ? "" : ",") + item;
  }
  if (list.empty()) return bad("name at least one type");
  return list;
}

}  // namespace cabinet::app::config_values
