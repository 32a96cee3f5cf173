#include "partners/rules.hpp"

#include "agenda/local_time.hpp"

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

// Quotas count by calendar year in France: New Year's Eve after 23:00 UTC is already the next
// year in Paris.
int year_of(std::int64_t unix_seconds) {
  return agenda::local_date(unix_seconds, agenda::zone("Europe/Paris")).year;
}

std::pair<std::int64_t, std::int64_t> year_bounds(int year) {
  const auto* paris = agenda::zone("Europe/Paris");
  return {agenda::to_instant_lenient(agenda::LocalDate{year, 1, 1}, 0, paris),
          agenda::to_instant_lenient(agenda::LocalDate{year + 1, 1, 1}, 0, paris)};
}

}  // namespace cabinet::partners
