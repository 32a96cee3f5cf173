#include "core/locale.hpp"

#include <array>

#include <cctype>
#include <charconv>

namespace cabinet {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) {
    s.remove_prefix(1);
  }
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) {
    s.remove_suffix(1);
  }
  return s;
}

bool starts_with_language(std::string_view tag, std::string_view lang) {
  if (tag.size() < lang.size()) return false;
  for (std::size_t i = 0; i < lang.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(tag[i])) != lang[i]) return false;
  }
  return tag.size() == lang.size() || tag[lang.size()] == '-' || tag[lang.size()] == '_';
}

// q-values are parsed as thousandths to stay exact ("q=0.8" -> 800).
int parse_q(std::string_view params) {
  int q = 1000;
  while (!params.empty()) {
    auto semi = params.find(';');
    auto param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') continue;
    auto value = param.substr(2);
    auto dot = value.find('.');
    int whole = 0;
    std::from_chars(value.data(),
                    value.data() + (dot == std::string_view::npos ? value.size() : dot), whole);
    int frac = 0;
    if (dot != std::string_view::npos) {
      auto digits = value.substr(dot + 1, 3);
      int scale = 100;
      for (char c : digits) {
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) break;
        frac += (c - '0') * scale;
        scale /= 10;
      }
    }
    q = whole >= 1 ? 1000 : frac;
  }
  return q;
}

}  // namespace

Locale parse_accept_language(std::string_view header) {
  int best_fr = -1;
  int best_en = -1;
  int order = 0;
  int fr_order = 0;
  int en_order = 0;
  while (!header.empty()) {
    auto comma = header.find(',');
    auto item = trim(header.substr(0, comma));
    header = comma == std::string_view::npos ? std::string_view{} : header.substr(comma + 1);
    auto semi = item.find(';');
    auto tag = trim(item.substr(0, semi));
    int q = semi == std::string_view::npos ? 1000 : parse_q(item.substr(semi + 1));
    ++order;
    if (q <= 0) continue;
    if (starts_with_language(tag, "fr") && q > best_fr) {
      best_fr = q;
      fr_order = order;
    } else if (starts_with_language(tag, "en") && q > best_en) {
      best_en = q;
      en_order = order;
    }
  }
  if (best_en > best_fr) return Locale::en;
  if (best_en == best_fr && best_en >= 0 && en_order < fr_order) return Locale::en;
  return Locale::fr;
}

std::string_view to_string(Locale locale) { return locale == Locale::en ? "en" : "fr"; }

std::string_view month_name(unsigned month, Locale locale) {
  static constexpr std::array<std::string_view, 12> kFr{
      "janvier", "février", "mars",      "avril",   "mai",      "juin",
      "juillet", "août",    "septembre", "octobre", "novembre", "décembre"};
  static constexpr std::array<std::string_view, 12> kEn{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  return (locale == Locale::en ? kEn : kFr).at(month - 1);
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace cabinet
