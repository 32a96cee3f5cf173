// Communes::resolve: places as people type them ("Lyon 69003", "Paris XIe", "st etienne",
// "Bordeux"). The text is normalised, split into words, and read in a few ways (a name alone, a
// name with a postcode, with an arrondissement, with the start of a postcode); the first reading
// that names a place wins, so a plain name is never taken apart.
#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <utility>

#include "geo/communes.hpp"

namespace cabinet::geo {
namespace {

constexpr std::size_t kMaxText = 100;  // as search(): longer than any name with a postcode
constexpr std::size_t kPostcodeLength = 5;
constexpr std::size_t kMinPostcodeStart = 2;  // one digit is more likely an arrondissement
constexpr std::size_t kMinPrefix = 2;         // as search(): "l" would list thousands
// Shorter names have too many neighbours one typo away ("pau": "pan", "pal", "eau"…).
constexpr std::size_t kMinTypoLetters = 5;

// Communes whose postcodes are those of their arrondissements: the last two digits of each
// are the arrondissement's number (75016 and 75116 are both the 16e). The INSEE table has no
// other city divided this way.
constexpr std::array<std::string_view, 3> kArrondissementCities = {"13055", "69123", "75056"};

constexpr std::array<std::string_view, 20> kRoman = {
    "i",  "ii",  "iii",  "iv",  "v",  "vi",  "vii",  "viii",  "ix",  "x",
    "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"};
// What follows an ordinal once normalised: 1er, 1re, 1ère, 2e, 2ème, 2eme, 2em, 2me, 2nd, 2nde.
constexpr std::array<std::string_view, 10> kOrdinalSuffixes = {"",    "e",  "er", "re", "ere",
                                                               "eme", "em", "me", "nd", "nde"};
constexpr std::string_view kArrondissement = "arrondissement";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::ranges::all_of(s, is_digit); }
bool is_postcode(std::string_view w) { return w.size() == kPostcodeLength && all_digits(w); }
bool is_postcode_start(std::string_view w) {
  return w.size() >= kMinPostcodeStart && w.size() < kPostcodeLength && all_digits(w);
}

bool is_ordinal_suffix(std::string_view s) {
  return std::ranges::find(kOrdinalSuffixes, s) != kOrdinalSuffixes.end();
}

// "3", "3e", "3ème", "1er", "IIIe", "XVI": the number, if the word is one of 1 to 99 (romans
// up to 20, as far as arrondissements go).
std::optional<int> ordinal(std::string_view word) {
  const auto digits =
      static_cast<std::size_t>(std::ranges::find_if_not(word, is_digit) - word.begin());
  if (digits > 0) {
    if (digits > 2 || !is_ordinal_suffix(word.substr(digits))) return std::nullopt;
    const int n = digits == 1 ? word[0] - '0' : (word[0] - '0') * 10 + (word[1] - '0');
    return n > 0 ? std::optional(n) : std::nullopt;
  }
  // The longest numeral that leaves a suffix: "xie" is xi + e, not x + ie.
  std::optional<int> found;
  std::size_t longest = 0;
  for (std::size_t i = 0; i < kRoman.size(); ++i) {
    const std::string_view r = kRoman.at(i);
    if (r.size() > longest && word.starts_with(r) && is_ordinal_suffix(word.substr(r.size()))) {
      found = static_cast<int>(i + 1);
      longest = r.size();
    }
  }
  return found;
}

// "arrondissement" or a start of it ("arr", and "a" while it is being typed), "arrt", "ardt".
bool is_arrondissement_word(std::string_view w) {
  return (!w.empty() && kArrondissement.starts_with(w)) || w == "arrt" || w == "arrdt" ||
         w == "ardt";
}

std::vector<std::string_view> split_words(std::string_view normalised) {
  std::vector<std::string_view> words;
  while (!normalised.empty()) {
    const std::size_t end = std::min(normalised.find(' '), normalised.size());
    words.push_back(normalised.substr(0, end));
    normalised.remove_prefix(end == normalised.size() ? end : end + 1);
  }
  return words;
}

// One way to read the words: a name, what its postcode starts with ("" for any) and its
// arrondissement (0 for any).
struct Reading {
  std::string_view name;
  std::string_view postcode;
  int arrondissement = 0;
};

// Most likely first: the name alone; a full postcode at either end; an arrondissement at either
// end ("Lyon 3e arr.", "3e arrondissement de Lyon"); the start of a postcode at either end,
// after the arrondissement so that "Marseille 13" is the 13e and not the Bouches-du-Rhône.
std::vector<Reading> readings(const std::vector<std::string_view>& words) {
  // The words [b, e) as one view of the normalised text they come from.
  const auto span = [&](std::size_t b, std::size_t e) -> std::string_view {
    if (b >= e) return {};
    return {words[b].data(),
            static_cast<std::size_t>(words[e - 1].data() + words[e - 1].size() - words[b].data())};
  };
  std::vector<Reading> out;
  const auto add_arrondissement = [&](std::size_t b, std::size_t e, std::string_view postcode) {
    std::size_t end = e;
    if (end - b > 2 && is_arrondissement_word(words[end - 1])) --end;
    if (end - b >= 2) {
      if (const auto n = ordinal(words[end - 1])) out.push_back({span(b, end - 1), postcode, *n});
    }
    if (e - b >= 2) {
      if (const auto n = ordinal(words[b])) {
        std::size_t start = b + 1;
        if (e - start > 1 && is_arrondissement_word(words[start])) ++start;
        if (e - start > 1 && words[start] == "de") ++start;
        out.push_back({span(start, e), postcode, *n});
      }
    }
  };
  const std::size_t n = words.size();
  out.push_back({span(0, n), {}, 0});
  if (n == 1) {
    if (is_postcode(words[0])) out.push_back({{}, words[0], 0});
    return out;
  }
  if (is_postcode(words.back())) {
    out.push_back({span(0, n - 1), words.back(), 0});
    add_arrondissement(0, n - 1, words.back());
  }
  if (is_postcode(words.front())) {
    out.push_back({span(1, n), words.front(), 0});
    add_arrondissement(1, n, words.front());
  }
  add_arrondissement(0, n, {});
  if (is_postcode_start(words.back())) out.push_back({span(0, n - 1), words.back(), 0});
  if (is_postcode_start(words.front())) out.push_back({span(1, n), words.front(), 0});
  return out;
}

// Damerau-Levenshtein distance exactly 1 (one letter changed, added, removed, or two neighbours
// swapped), on bytes: the names are ASCII once normalised, but for the rare letter outside
// Latin-1.
bool one_typo_apart(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  if (a.size() - b.size() > 1 || a == b) return false;
  const auto [ia, ib] = std::ranges::mismatch(a, b);
  const auto i = static_cast<std::size_t>(ia - a.begin());
  if (a.size() != b.size()) return a.substr(i + 1) == b.substr(i);
  if (a.substr(i + 1) == b.substr(i + 1)) return true;
  return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] &&
         a.substr(i + 2) == b.substr(i + 2);
}

bool less_backwards(std::string_view a, std::string_view b) {
  return std::lexicographical_compare(a.rbegin(), a.rend(), b.rbegin(), b.rend());
}

int arrondissement_of(std::string_view postcode) {
  return (postcode[3] - '0') * 10 + (postcode[4] - '0');
}

}  // namespace

std::vector<Place> Communes::resolve(std::string_view text, std::size_t limit) const {
  auto out = resolve_as(text, Match::exact, limit);
  if (out.empty()) out = resolve_as(text, Match::typo, limit);
  return out;
}

std::vector<Place> Communes::resolve_as(std::string_view text, Match match,
                                        std::size_t limit) const {
  if (limit == 0 || text.size() > kMaxText) return {};
  const std::string normalised = normalise(text);
  if (normalised.empty()) return {};
  for (const auto& r : readings(split_words(normalised))) {
    // A name alone being typed is search_name()'s, which knows that a last "st" may be
    // "Strasbourg".
    if (match == Match::prefix && r.postcode.empty() && r.arrondissement == 0) continue;
    auto places = places_of(r.name, r.postcode, r.arrondissement, match, limit);
    if (!places.empty()) return places;
  }
  return {};
}

std::vector<Place> Communes::places_of(std::string_view name, std::string_view postcode,
                                       int arrondissement, Match match, std::size_t limit) const {
  std::vector<Place> out;
  if (name.empty()) {
    if (match != Match::exact || arrondissement != 0 || postcode.size() != kPostcodeLength)
      return out;
    out = by_postcode(postcode);
    if (out.size() > limit) out.resize(limit);
    return out;
  }
  for (const auto i : named(name, match)) {
    const Commune& c = communes_[i];
    if (arrondissement != 0 &&
        std::ranges::find(kArrondissementCities, c.code) == kArrondissementCities.end())
      continue;
    for (const auto& p : c.postcodes) {
      if (!p.starts_with(postcode)) continue;
      if (arrondissement != 0 && arrondissement_of(p) != arrondissement) continue;
      if (out.size() == limit) return out;
      out.push_back({&c, p});
    }
  }
  return out;
}

std::vector<std::uint32_t> Communes::named(std::string_view name, Match match) const {
  std::vector<std::uint32_t> found;
  switch (match) {
    case Match::exact: {
      // names_ is ordered by rank among equal names.
      auto it = std::ranges::lower_bound(names_, name, {}, &NameEntry::name);
      for (; it != names_.end() && it->name == name; ++it) found.push_back(it->commune);
      return found;
    }
    case Match::prefix: {
      if (name.size() < kMinPrefix) return found;
      auto it = std::ranges::lower_bound(names_, name, {}, &NameEntry::name);
      for (; it != names_.end() && it->name.starts_with(name); ++it) found.push_back(it->commune);
      break;
    }
    case Match::typo:
      found = one_typo_from(name);
      break;
  }
  std::ranges::sort(found, [&](std::uint32_t a, std::uint32_t b) { return rank_[a] < rank_[b]; });
  return found;
}

std::vector<std::uint32_t> Communes::one_typo_from(std::string_view name) const {
  std::vector<std::uint32_t> found;
  if (static_cast<std::size_t>(std::ranges::count_if(name, [](char c) { return c != ' '; })) <
      kMinTypoLetters)
    return found;
  // Whatever the typo, the name and its neighbour share at least m - 2 letters at their two
  // ends together (m = the name's length; a swap keeps the fewest). So for any h they share the
  // first h letters or the last m - 1 - h: two ranges of sorted tables instead of 35,000
  // comparisons. h is chosen to make them short, as "saint " starts 3,900 names.
  // Iterator pairs rather than std::ranges::equal_range, whose subrange clang-tidy 14 cannot
  // read with libstdc++ 12.
  const std::size_t m = name.size();
  const auto starting = [&](std::size_t h) {
    const auto head = [h](const NameEntry& e) { return std::string_view(e.name).substr(0, h); };
    const std::string_view start = name.substr(0, h);
    return std::pair{std::ranges::lower_bound(names_, start, {}, head),
                     std::ranges::upper_bound(names_, start, {}, head)};
  };
  const auto ending = [&](std::size_t k) {
    const auto tail = [&, k](std::uint32_t i) {
      const std::string_view n = names_[i].name;
      return n.substr(n.size() - std::min(k, n.size()));
    };
    const std::string_view end = name.substr(m - k);
    return std::pair{std::ranges::lower_bound(by_suffix_, end, less_backwards, tail),
                     std::ranges::upper_bound(by_suffix_, end, less_backwards, tail)};
  };
  const auto size = [](const auto& range) {
    return static_cast<std::size_t>(range.second - range.first);
  };
  std::size_t best = 1;
  std::size_t fewest = std::numeric_limits<std::size_t>::max();
  for (std::size_t h = 1; h + 1 < m; ++h) {
    const std::size_t n = size(starting(h)) + size(ending(m - 1 - h));
    if (n < fewest) fewest = n, best = h;
  }
  for (auto [it, end] = starting(best); it != end; ++it) {
    if (one_typo_apart(name, it->name)) found.push_back(it->commune);
  }
  for (auto [it, end] = ending(m - 1 - best); it != end; ++it) {
    if (one_typo_apart(name, names_[*it].name)) found.push_back(names_[*it].commune);
  }
  std::ranges::sort(found);
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

}  // namespace cabinet::geo
