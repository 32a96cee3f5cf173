#include "geo/communes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <numeric>
#include <span>
#include <stdexcept>

#include "core/embedded.hpp"

namespace cabinet::embedded {
// Generated from the build's communes.tsv (src/CMakeLists.txt). Declared here rather than in
// core/embedded.hpp because nothing else reads it.
std::span<const File> communes();
}  // namespace cabinet::embedded

namespace cabinet::geo {
namespace {

// Longer than any commune name (the longest has 45 letters): anything beyond is not a prefix.
constexpr std::size_t kMaxQuery = 100;
constexpr std::size_t kPostcodeLength = 5;
constexpr std::size_t kMinPostcodePrefix = 2;
// A shorter name query matches whole names only: "Y" (Somme) but not every name in y….
constexpr std::size_t kMinNamePrefix = 2;

// U+00C0…U+00FF folded to lower case without accents; " " marks × and ÷, which separate.
constexpr std::array<std::string_view, 64> kLatin1 = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0
    "d", "n", "o", "o", "o", "o", "o",  " ", "o", "u", "u", "u", "u", "y", "th", "y"};  // F0

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_alnum(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool all_digits(std::string_view s) { return std::ranges::all_of(s, is_digit); }

// Length of the well-formed UTF-8 sequence at the start of `s` and its code point, or 0.
std::size_t decode_utf8(std::string_view s, char32_t& cp) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(0);
  std::size_t len = 0;
  char32_t min = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2, cp = lead & 0x1FU, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3, cp = lead & 0x0FU, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4, cp = lead & 0x07U, min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  for (std::size_t i = 1; i < len; ++i) {
    if ((byte(i) & 0xC0U) != 0x80U) return 0;
    cp = (cp << 6U) | (byte(i) & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// normalise(), except that a last word "st"/"ste" is left as typed when `expand_last` is
// false: while it is being typed it may be the start of "Strasbourg" or "Stenay".
std::string fold(std::string_view text, bool expand_last) {
  std::string folded;
  folded.reserve(text.size());
  const auto separate = [&] {
    if (!folded.empty() && folded.back() != ' ') folded.push_back(' ');
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (is_ascii_alnum(c)) {
        folded.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      } else {
        separate();
      }
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text.substr(i), cp);
    if (len == 0) {
      separate();
      ++i;
      continue;
    }
    if (cp >= 0xC0 && cp <= 0xFF) {
      const std::string_view letters = kLatin1[cp - 0xC0];
      if (letters == " ") {
        separate();
      } else {
        folded += letters;
      }
    } else if (cp == 0x152 || cp == 0x153) {  // Œ œ
      folded += "oe";
    } else if (cp == 0x178) {  // Ÿ
      folded += 'y';
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F)) {
      separate();  // no-break space, « », ’, dashes, …
    } else {
      folded.append(text.substr(i, len));
    }
    i += len;
  }
  if (!folded.empty() && folded.back() == ' ') folded.pop_back();

  std::string out;
  out.reserve(folded.size() + 8);
  std::string_view rest = folded;
  while (!rest.empty()) {
    const std::size_t end = std::min(rest.find(' '), rest.size());
    const std::string_view word = rest.substr(0, end);
    rest.remove_prefix(end == rest.size() ? end : end + 1);
    const bool expand = expand_last || !rest.empty();
    if (!out.empty()) out.push_back(' ');
    if (expand && word == "st") {
      out += "saint";
    } else if (expand && word == "ste") {
      out += "sainte";
    } else {
      out += word;
    }
  }
  return out;
}

[[noreturn]] void malformed(std::size_t line, const std::string& what) {
  throw std::runtime_error("communes.tsv line " + std::to_string(line) + ": " + what);
}

template <typename Number>
Number parse_number(std::string_view field, std::size_t line) {
  Number value{};
  const auto* end = field.data() + field.size();
  const auto [ptr, ec] = std::from_chars(field.data(), end, value);
  if (ec != std::errc() || ptr != end) malformed(line, "bad number '" + std::string(field) + "'");
  return value;
}

bool is_postcode(std::string_view s) { return s.size() == kPostcodeLength && all_digits(s); }

Commune parse_line(std::string_view line, std::size_t line_no) {
  std::array<std::string_view, 7> fields;
  std::size_t n = 0;
  for (std::string_view rest = line;; ++n) {
    const std::size_t tab = rest.find('\t');
    if (n == fields.size()) malformed(line_no, "more than 7 fields");
    fields.at(n) = rest.substr(0, tab);
    if (tab == std::string_view::npos) break;
    rest.remove_prefix(tab + 1);
  }
  if (n + 1 != fields.size()) malformed(line_no, "fewer than 7 fields");
  const auto [code, name, department, population, lat, lng, postcodes] = fields;
  Commune c{std::string(code),
            std::string(name),
            std::string(department),
            {},
            parse_number<double>(lat, line_no),
            parse_number<double>(lng, line_no),
            parse_number<std::int64_t>(population, line_no)};
  if (c.code.size() != kPostcodeLength || c.name.empty() || c.department.empty()) {
    malformed(line_no, "bad code, name or département");
  }
  if (!(std::abs(c.lat) <= 90 && std::abs(c.lng) <= 180)) malformed(line_no, "bad coordinates");
  for (std::string_view rest = postcodes;;) {
    const std::size_t comma = rest.find(',');
    const std::string_view postcode = rest.substr(0, comma);
    if (!is_postcode(postcode)) malformed(line_no, "bad postcode '" + std::string(postcode) + "'");
    c.postcodes.emplace_back(postcode);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return c;
}

}  // namespace

std::string normalise(std::string_view text) { return fold(text, true); }

double distance_km(double lat1, double lng1, double lat2, double lng2) {
  constexpr double kEarthRadiusKm = 6371.0088;
  constexpr double kRadians = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * kRadians;
  const double dlng = (lng2 - lng1) * kRadians;
  const double h = std::pow(std::sin(dlat / 2), 2) + std::cos(lat1 * kRadians) *
                                                         std::cos(lat2 * kRadians) *
                                                         std::pow(std::sin(dlng / 2), 2);
  return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

const Communes& Communes::instance() {
  static const Communes kCommunes = [] {
    for (const auto& file : embedded::communes()) {
      if (file.name == "communes.tsv") return Communes(file.data);
    }
    throw std::logic_error("communes.tsv is not embedded");
  }();
  return kCommunes;
}

Communes::Communes(std::string_view tsv) {
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const std::size_t eol = std::min(tsv.find('\n'), tsv.size());
    const std::string_view line = tsv.substr(0, eol);
    tsv.remove_prefix(eol == tsv.size() ? eol : eol + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    communes_.push_back(parse_line(line, line_no));
  }
  std::ranges::sort(communes_, {}, &Commune::code);
  const auto duplicate = std::ranges::adjacent_find(communes_, {}, &Commune::code);
  if (duplicate != communes_.end()) {
    throw std::runtime_error("communes.tsv: commune " + duplicate->code + " appears twice");
  }

  const auto count = static_cast<std::uint32_t>(communes_.size());
  std::vector<std::string> normalised;
  normalised.reserve(count);
  for (const auto& c : communes_) normalised.push_back(normalise(c.name));

  // Larger population first, then name; the code makes the order total.
  std::vector<std::uint32_t> order(count);
  std::iota(order.begin(), order.end(), 0U);
  std::ranges::sort(order, [&](std::uint32_t a, std::uint32_t b) {
    const auto& ca = communes_[a];
    const auto& cb = communes_[b];
    if (ca.population != cb.population) return ca.population > cb.population;
    if (normalised[a] != normalised[b]) return normalised[a] < normalised[b];
    return ca.code < cb.code;
  });
  rank_.resize(count);
  for (std::uint32_t r = 0; r < count; ++r) rank_[order[r]] = r;

  names_.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) names_.push_back({std::move(normalised[i]), i});
  std::ranges::sort(names_, [&](const NameEntry& a, const NameEntry& b) {
    return a.name != b.name ? a.name < b.name : rank_[a.commune] < rank_[b.commune];
  });

  // For the typos at the start of a name, which a look-up by its end still finds.
  by_suffix_.resize(count);
  std::iota(by_suffix_.begin(), by_suffix_.end(), 0U);
  std::ranges::sort(by_suffix_, [&](std::uint32_t a, std::uint32_t b) {
    const std::string_view x = names_[a].name;
    const std::string_view y = names_[b].name;
    return std::lexicographical_compare(x.rbegin(), x.rend(), y.rbegin(), y.rend());
  });

  for (std::uint32_t i = 0; i < count; ++i) {
    for (const auto& postcode : communes_[i].postcodes) postcodes_.push_back({postcode, i});
  }
  std::ranges::sort(postcodes_, [&](const PostcodeEntry& a, const PostcodeEntry& b) {
    return a.postcode != b.postcode ? a.postcode < b.postcode : rank_[a.commune] < rank_[b.commune];
  });
}

const Commune* Communes::by_code(std::string_view insee) const {
  const auto it = std::ranges::lower_bound(communes_, insee, {}, &Commune::code);
  return it != communes_.end() && it->code == insee ? &*it : nullptr;
}

std::vector<Place> Communes::by_postcode(std::string_view postcode) const {
  std::vector<Place> out;
  if (!is_postcode(postcode)) return out;
  auto it = std::ranges::lower_bound(postcodes_, postcode, {}, &PostcodeEntry::postcode);
  for (; it != postcodes_.end() && it->postcode == postcode; ++it) {
    out.push_back({&communes_[it->commune], it->postcode});
  }
  return out;
}

std::vector<Place> Communes::search(std::string_view q, std::size_t limit) const {
  if (limit == 0 || q.size() > kMaxQuery) return {};
  const auto first = q.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  const std::string_view trimmed = q.substr(first, q.find_last_not_of(' ') - first + 1);
  if (all_digits(trimmed)) {
    if (trimmed.size() < kMinPostcodePrefix || trimmed.size() > kPostcodeLength) return {};
    return search_postcode(trimmed, limit);
  }
  // Each list is cut at `limit` and may repeat the previous ones: keeping the first of each
  // place makes search(q, n) the first n of search(q, more).
  std::vector<Place> out = resolve_as(q, Match::exact, limit);
  const auto add = [&](const std::vector<Place>& more) {
    for (const auto& p : more) {
      if (out.size() == limit) return;
      const bool seen = std::ranges::any_of(
          out, [&](const Place& o) { return o.commune == p.commune && o.postcode == p.postcode; });
      if (!seen) out.push_back(p);
    }
  };
  // Names that start with `q` and names one typo away, by population: "Toulouze" is Toulouse
  // before Toulouzette, "Bordea" (Bordeaux on its way) Bordeaux before Bordes. A commune one
  // typo away comes once, so that Lyon's nine postcodes do not hide Lyons-la-Forêt ("Lyons").
  // Its neighbours are few, so they are all taken: cutting them would break the rule above.
  // As in resolve(), no typos once a name matched exactly.
  std::vector<Place> typos;
  if (out.empty()) {
    for (auto& p : resolve_as(q, Match::typo, std::numeric_limits<std::size_t>::max())) {
      if (typos.empty() || typos.back().commune != p.commune) typos.push_back(std::move(p));
    }
  }
  const auto rank = [&](const Place& p) {
    return rank_[static_cast<std::size_t>(p.commune - communes_.data())];
  };
  std::vector<Place> started_or_typos;
  std::ranges::merge(search_name(q, limit), typos, std::back_inserter(started_or_typos), {}, rank,
                     rank);
  add(started_or_typos);
  add(resolve_as(q, Match::prefix, limit));
  return out;
}

std::vector<Place> Communes::search_postcode(std::string_view prefix, std::size_t limit) const {
  // Indices into postcodes_, whose order is (postcode, rank): ordering them by (rank, index)
  // lists each commune's postcodes in ascending order.
  std::vector<std::uint32_t> found;
  const auto begin = std::ranges::lower_bound(postcodes_, prefix, {}, &PostcodeEntry::postcode);
  for (auto it = begin; it != postcodes_.end() && it->postcode.starts_with(prefix); ++it) {
    found.push_back(static_cast<std::uint32_t>(it - postcodes_.begin()));
  }
  const std::size_t n = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                    [&](std::uint32_t a, std::uint32_t b) {
                      const auto ra = rank_[postcodes_[a].commune];
                      const auto rb = rank_[postcodes_[b].commune];
                      return ra != rb ? ra < rb : a < b;
                    });
  std::vector<Place> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto& entry = postcodes_[found[i]];
    out.push_back({&communes_[entry.commune], entry.postcode});
  }
  return out;
}

std::vector<Place> Communes::search_name(std::string_view q, std::size_t limit) const {
  std::vector<std::string> prefixes{fold(q, true)};
  if (prefixes.front().empty()) return {};
  const char last = q.back();
  if (static_cast<unsigned char>(last) >= 0x80 || is_ascii_alnum(last)) {
    std::string typed = fold(q, false);
    if (typed != prefixes.front()) prefixes.push_back(std::move(typed));
  }
  // The prefixes differ in their last word and neither extends the other ("…saint" and
  // "…st"), so their ranges are disjoint and no commune is found twice.
  std::vector<std::uint32_t> found;
  for (const auto& prefix : prefixes) {
    const bool whole = prefix.size() < kMinNamePrefix;
    auto it = std::ranges::lower_bound(names_, prefix, {}, &NameEntry::name);
    for (; it != names_.end() && (whole ? it->name == prefix : it->name.starts_with(prefix));
         ++it) {
      found.push_back(it->commune);
    }
  }
  const std::size_t n = std::min(limit, found.size());
  std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(n), found.end(),
                    [&](std::uint32_t a, std::uint32_t b) { return rank_[a] < rank_[b]; });
  std::vector<Place> out;
  for (std::size_t i = 0; i < n && out.size() < limit; ++i) {
    const Commune& commune = communes_[found[i]];
    for (const auto& postcode : commune.postcodes) {
      if (out.size() == limit) break;
      out.push_back({&commune, postcode});
    }
  }
  return out;
}

}  // namespace cabinet::geo
