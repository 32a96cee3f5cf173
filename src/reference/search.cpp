#include "reference/search.hpp"

#include <algorithm>

#include "geo/communes.hpp"

namespace cabinet::reference {

std::vector<std::string> search_words(std::string_view text) {
  std::vector<std::string> out;
  const auto normalised = geo::normalise(text);
  std::string_view rest = normalised;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    const auto word = rest.substr(0, space);
    if (!word.empty() && std::find(out.begin(), out.end(), word) == out.end())
      out.emplace_back(word);
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return out;
}

std::string search_key(std::string_view text) { return " " + geo::normalise(text); }

std::optional<PrefixQuery> prefix_query(std::string_view q) {
  auto words = search_words(q);
  std::size_t letters = 0;
  for (const auto& w : words) letters += w.size();
  if (letters < 2) return std::nullopt;
  // The longest word narrows the index range the most.
  std::stable_sort(words.begin(), words.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  PrefixQuery out;
  out.from = words[0];
  // Every string that starts with `from` sorts below `from` + U+10FFFF, byte-wise (SQLite's
  // BINARY, PostgreSQL's "C"), and the bound is still valid UTF-8.
  out.to = words[0] + "\xF4\x8F\xBF\xBF";
  for (std::size_t i = 1; i < words.size() && i <= out.more.size(); ++i)
    out.more[i - 1] = "% " + words[i] + "%";
  return out;
}

}  // namespace cabinet::reference
