#include "app/config_values.hpp"

#include <cctype>
#include <charconv>
#include <sstream>

namespace cabinet::app::config_values {
namespace {

constexpr std::uint64_t kMaxSize = 1024ULL * 1024 * 1024 * 1024;     // 1 TiB
constexpr std::uint64_t kMaxDurationMs = 366ULL * 24 * 3600 * 1000;  // a year

}  // namespace

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
  // A size past a tebibyte is a typo, and a larger product would wrap around to a small one.
  if (*number > kMaxSize / scale) return bad("size too large (at most 1TiB)");
  return static_cast<std::size_t>(*number * scale);
}

Result<std::chrono::milliseconds> parse_duration(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits])) != 0)
    ++digits;
  auto number = parse_uint(text.substr(0, digits));
  if (!number || digits == 0) return bad("expected a duration such as 30s, 500ms or 2m");
  const std::string unit = text.substr(digits);
  std::uint64_t scale = 0;
  if (unit == "ms") scale = 1;
  if (unit.empty() || unit == "s") scale = 1000;
  if (unit == "m") scale = 60'000;
  if (unit == "h") scale = 3'600'000;
  if (scale == 0) return bad("unknown duration unit '" + unit + "' (use ms, s, m or h)");
  // Found by the config fuzzer: 18375061779640571298s overflowed the milliseconds (undefined
  // behaviour). No setting needs more than a year; a larger value is a typo.
  if (*number > kMaxDurationMs / scale) return bad("duration too large (at most a year)");
  return std::chrono::milliseconds(static_cast<std::int64_t>(*number * scale));
}

std::string format_duration(std::chrono::milliseconds d) {
  const auto ms = d.count();
  if (ms % 1000 != 0) return std::to_string(ms) + "ms";
  const auto s = ms / 1000;
  if (s != 0 && s % 3600 == 0) return std::to_string(s / 3600) + "h";
  if (s != 0 && s % 60 == 0) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

std::string format_size(std::size_t bytes) {
  constexpr std::size_t kKiB = 1024;
  if (bytes != 0 && bytes % (kKiB * kKiB * kKiB) == 0)
    return std::to_string(bytes / (kKiB * kKiB * kKiB)) + "GiB";
  if (bytes != 0 && bytes % (kKiB * kKiB) == 0)
    return std::to_string(bytes / (kKiB * kKiB)) + "MiB";
  if (bytes != 0 && bytes % kKiB == 0) return std::to_string(bytes / kKiB) + "KiB";
  return std::to_string(bytes);
}

std::string format_window(int start_min, int end_min) {
  auto hhmm = [](int m) {
    std::string out = std::to_string(m / 60);
    if (out.size() < 2) out.insert(0, "0");
    const auto minutes = std::to_string(m % 60);
    return out + ":" + (minutes.size() < 2 ? "0" + minutes : minutes);
  };
  return hhmm(start_min) + "-" + hhmm(end_min);
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
