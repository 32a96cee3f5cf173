#include "partners/rules.hpp"

#include <array>
#include <chrono>
#include <cstdint>

namespace cabinet::partners {
namespace {

// 32 symbols: no 0/O nor 1/I, which people misread from a card or a letter.
constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kCodeLength = 12;

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::optional<std::string> color(std::string_view input) {
  if (input.size() != 7 || input.front() != '#') return std::nullopt;
  std::string out = "#";
  for (char c : input.substr(1)) {
    c = lower(c);
    if (!is_hex(c)) return std::nullopt;
    out += c;
  }
  return out;
}

std::optional<std::string> host_name(std::string_view input) {
  if (input.empty() || input.size() > 253) return std::nullopt;
  std::string out;
  std::size_t label = 0;
  bool letter = false;  // a name with only digits and dots is an IP address
  for (std::size_t i = 0; i < input.size(); ++i) {
    const char c = lower(input[i]);
    if (c == '.') {
      if (label == 0 || out.back() == '-') return std::nullopt;
      label = 0;
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
      if (c == '-' && label == 0) return std::nullopt;
      if (++label > 63) return std::nullopt;
      letter = letter || (c >= 'a' && c <= 'z');
    } else {
      return std::nullopt;
    }
    out += c;
  }
  if (label == 0 || out.back() == '-' || !letter) return std::nullopt;
  if (out.find('.') == std::string::npos) return std::nullopt;  // "localhost" is the platform's
  return out;
}

std::string host_of_header(std::string_view header) {
  std::string out;
  if (!header.empty() && header.front() == '[') return out;  // an IPv6 literal is no partner
  for (char c : header) {
    if (c == ':') break;
    out += lower(c);
  }
  if (!out.empty() && out.back() == '.') out.pop_back();
  return out;
}

std::string new_code(Random& random) {
  std::array<std::uint8_t, kCodeLength> bytes{};
  random.fill(bytes);
  std::string out;
  for (std::size_t i = 0; i < kCodeLength; ++i) {
    if (i > 0 && i % 4 == 0) out += '-';
    out += kAlphabet[bytes[i] % kAlphabet.size()];  // 256 is a multiple of 32: no bias
  }
  return out;
}

std::string normalize_code(std::string_view input) {
  std::string out;
  if (input.size() > 40) return out;
  for (char c : input) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (kAlphabet.find(c) == std::string_view::npos) return {};
    out += c;
  }
  return out.size() == kCodeLength ? out : std::string();
}

int year_of(std::int64_t unix_seconds) {
  const std::chrono::sys_days day{std::chrono::floor<std::chrono::days>(
      std::chrono::sys_seconds{std::chrono::seconds{unix_seconds}})};
  return static_cast<int>(std::chrono::year_month_day{day}.year());
}

std::pair<std::int64_t, std::int64_t> year_bounds(int year) {
  using std::chrono::January;
  const auto start = std::chrono::sys_days{std::chrono::year{year} / January / 1};
  const auto end = std::chrono::sys_days{std::chrono::year{year + 1} / January / 1};
  return {std::chrono::duration_cast<std::chrono::seconds>(start.time_since_epoch()).count(),
          std::chrono::duration_cast<std::chrono::seconds>(end.time_since_epoch()).count()};
}

}  // namespace cabinet::partners
