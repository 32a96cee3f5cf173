#include "core/validators.hpp"

#include <array>
#include <cctype>

#include "core/utf8.hpp"

namespace cabinet::validate {
namespace {

std::string strip(std::string_view input, std::string_view drop) {
  std::string out;
  out.reserve(input.size());
  for (char c : input) {
    if (drop.find(c) == std::string_view::npos) out.push_back(c);
  }
  return out;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) return false;
  }
  return !s.empty();
}

int two_digits(std::string_view s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

}  // namespace

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

std::optional<std::string> nir(std::string_view input) {
  std::string s = strip(input, " .-");
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (s.size() != 15) return std::nullopt;
  // Sex (or status for temporary numbers: 3, 4, 7, 8), then year, month, département.
  if (std::string_view("123478").find(s[0]) == std::string_view::npos) return std::nullopt;
  std::string number = s.substr(0, 13);
  const std::string dept = s.substr(5, 2);
  if (dept == "2A" || dept == "2B") {
    // INSEE: for the key, Corsica's 2A and 2B are replaced by 19 and 18.
    number.replace(5, 2, dept == "2A" ? "19" : "18");
  }
  if (!all_digits(number) || !all_digits(s.substr(13, 2))) return std::nullopt;
  const int month = two_digits(s.substr(3, 2));
  const bool month_ok = (month >= 1 && month <= 12) || (month >= 20 && month <= 42) ||
                        (month >= 50 && month <= 99);  // INSEE codes for unknown months
  if (!month_ok) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : number) n = n * 10 + static_cast<std::uint64_t>(c - '0');
  const int key = two_digits(s.substr(13, 2));
  if (key != static_cast<int>(97 - n % 97)) return std::nullopt;
  return s;
}

std::optional<std::string> rpps(std::string_view input) {
  std::string s = strip(input, " ");
  if (s.size() != 11 || !all_digits(s)) return std::nullopt;
  int sum = 0;
  bool twice = false;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    int d = *it - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  if (sum % 10 != 0) return std::nullopt;
  return s;
}

std::optional<std::string> email(std::string_view input) {
  const auto s = trim(input);
  if (s.size() < 3 || s.size() > 254) return std::nullopt;
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  const auto local = s.substr(0, at);
  const auto domain = s.substr(at + 1);
  if (local.size() > 64 || domain.size() < 3) return std::nullopt;
  const auto dot = domain.rfind('.');
  // A top-level domain has at least two letters.
  if (dot == std::string_view::npos || dot == 0 || dot + 3 > domain.size()) return std::nullopt;
  if (domain.find("..") != std::string_view::npos || local.front() == '.' || local.back() == '.') {
    return std::nullopt;
  }
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f ||
        std::string_view("\"(),:;<>[\\]").find(c) != std::string_view::npos) {
      return std::nullopt;  // ASCII addresses only: no quoted locals, no internationalised forms
    }
  }
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::optional<std::string> mobile_phone(std::string_view input) {
  std::string s = strip(trim(input), " .-()");
  if (s.starts_with("00")) s = "+" + s.substr(2);
  if (s.starts_with("+")) {
    const auto digits = std::string_view(s).substr(1);
    if (digits.size() < 8 || digits.size() > 15 || !all_digits(digits) || digits[0] == '0') {
      return std::nullopt;
    }
    if (digits.starts_with("33")) {
      // A French number must then be a mobile one: +33 6… or +33 7…, 9 digits after 33.
      if (digits.size() != 11 || (digits[2] != '6' && digits[2] != '7')) return std::nullopt;
    }
    return s;
  }
  if (s.size() != 10 || !all_digits(s) || s[0] != '0') return std::nullopt;
  // Overseas mobile prefixes dialled from France map to their own country codes.
  struct Overseas {
    std::string_view prefix;
    std::string_view code;
  };
  static constexpr std::array kOverseas{Overseas{"0639", "+262"}, Overseas{"0692", "+262"},
                                        Overseas{"0693", "+262"}, Overseas{"0690", "+590"},
                                        Overseas{"0691", "+590"}, Overseas{"0694", "+594"},
                                        Overseas{"0696", "+596"}, Overseas{"0697", "+596"}};
  for (const auto& o : kOverseas) {
    if (s.starts_with(o.prefix)) return std::string(o.code) + s.substr(1);
  }
  if (s[1] != '6' && s[1] != '7') return std::nullopt;
  return "+33" + s.substr(1);
}

std::optional<std::chrono::year_month_day> date(std::string_view input) {
  if (input.size() != 10 || input[4] != '-' || input[7] != '-') return std::nullopt;
  if (!all_digits(input.substr(0, 4)) || !all_digits(input.substr(5, 2)) ||
      !all_digits(input.substr(8, 2))) {
    return std::nullopt;
  }
  const int y = two_digits(input.substr(0, 2)) * 100 + two_digits(input.substr(2, 2));
  const std::chrono::year_month_day d{
      std::chrono::year(y),
      std::chrono::month(static_cast<unsigned>(two_digits(input.substr(5, 2)))),
      std::chrono::day(static_cast<unsigned>(two_digits(input.substr(8, 2))))};
  if (!d.ok()) return std::nullopt;
  return d;
}

int age_on(std::chrono::year_month_day birth, std::chrono::year_month_day today) {
  int age = static_cast<int>(today.year()) - static_cast<int>(birth.year());
  if (std::chrono::month_day(today.month(), today.day()) <
      std::chrono::month_day(birth.month(), birth.day())) {
    --age;
  }
  return age;
}

std::optional<std::string> person_name(std::string_view input) {
  const auto s = trim(input);
  if (s.empty() || !is_valid_utf8(s) || has_invisible_formatting(s)) return std::nullopt;
  bool has_letter = false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      has_letter = true;  // accented letters; control and markup characters are ASCII
      continue;
    }
    if (std::isalpha(u) != 0) {
      has_letter = true;
    } else if (std::string_view(" -'.").find(c) == std::string_view::npos) {
      return std::nullopt;
    }
  }
  if (!has_letter || utf8_length(s) > 80) return std::nullopt;
  return std::string(s);
}

}  // namespace cabinet::validate
