#include "documents/pdf_text.hpp"

#include <glib.h>

#include <memory>

namespace cabinet::documents::pdf {
namespace {

constexpr std::string_view kNoBreakSpace = "\u00a0";

bool contains_folded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  const std::unique_ptr<char, decltype(&g_free)> h(
      g_utf8_casefold(haystack.data(), static_cast<gssize>(haystack.size())), g_free);
  const std::unique_ptr<char, decltype(&g_free)> n(
      g_utf8_casefold(needle.data(), static_cast<gssize>(needle.size())), g_free);
  return std::string_view(h.get()).find(n.get()) != std::string_view::npos;
}

}  // namespace

std::string euros(std::int64_t cents) {
  const bool negative = cents < 0;
  // Through unsigned so that INT64_MIN has a magnitude too.
  const std::uint64_t magnitude =
      negative ? ~static_cast<std::uint64_t>(cents) + 1 : static_cast<std::uint64_t>(cents);
  const std::string units = std::to_string(magnitude / 100);
  std::string out = negative ? "-" : "";
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) out += kNoBreakSpace;
    out += units[i];
  }
  const auto rest = magnitude % 100;
  out += ',';
  out += static_cast<char>('0' + rest / 10);
  out += static_cast<char>('0' + rest % 10);
  out += kNoBreakSpace;
  out += "€";
  return out;
}

std::string sex_label(std::string_view sex) {
  if (sex == "female") return "Femme";
  if (sex == "male") return "Homme";
  return "—";
}

std::string days(int n) { return std::to_string(n) + (n > 1 || n < -1 ? " jours" : " jour"); }

std::string drug_heading(const Drug& d) {
  std::string out = clean(d.name);
  const auto strength = clean(d.strength);
  const auto form = clean(d.form);
  if (!strength.empty() && !contains_folded(out, strength)) out += " " + strength;
  if (!form.empty() && !contains_folded(out, form)) out += " — " + form;
  return out;
}

std::string clean(std::string_view text) {
  const std::unique_ptr<char, decltype(&g_free)> valid(
      g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())), g_free);
  std::string out(valid.get());
  for (char& c : out) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) c = ' ';
  }
  return out;
}

std::string escape(std::string_view text) {
  const auto cleaned = clean(text);
  const std::unique_ptr<char, decltype(&g_free)> escaped(
      g_markup_escape_text(cleaned.data(), static_cast<gssize>(cleaned.size())), g_free);
  return escaped.get();
}

}  // namespace cabinet::documents::pdf
