#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

// French communes (metropolitan France, Corsica and the overseas départements): INSEE code,
// name, postcodes and coordinates, generated at build time by scripts/build-communes.mjs and
// embedded in the binary. Sources and licences: data/ATTRIBUTION.md.
namespace cabinet::geo {

struct Commune {
  std::string code;  // INSEE, "69123", "2A004"
  std::string name;
  std::string department;              // "69", "2A", "974"
  std::vector<std::string> postcodes;  // ascending, at least one
  double lat;
  double lng;
  std::int64_t population;
};

// One (commune, postcode) pair: what an address or a search result names.
struct Place {
  const Commune* commune;
  std::string postcode;
};

class Communes {
 public:
  // The embedded table, parsed on first use (thread-safe). Throws std::runtime_error if the
  // embedded table is malformed, which is a build bug.
  static const Communes& instance();

  // Parses the TSV that scripts/build-communes.mjs writes; throws std::runtime_error on a
  // malformed line.
  explicit Communes(std::string_view tsv);

  const Commune* by_code(std::string_view insee) const;
  // Exact postcode; larger communes first.
  std::vector<Place> by_postcode(std::string_view postcode) const;
  // Autocomplete. `q` is the start of a name, compared after normalise() (so accents, case,
  // hyphens, apostrophes and "St"/"Ste" do not matter; a last word "st" still being typed also
  // matches "Strasbourg"; a single letter matches whole names only, as "Y" in the Somme), or
  // the start of a postcode (2 to 5 digits). Larger population first, then name. A postcode
  // query yields one Place per matching (commune, postcode); a name query one per commune with
  // its postcode, or each of its postcodes when it has several (Lyon 69001…69009), up to
  // `limit` in all.
  //
  // It also understands what resolve() does ("Lyon 69003", "Paris 11e"): the places the text
  // names exactly come first; then, by population, the names that start with `q` and, if no
  // name matched exactly, those one typo away (each once, with its first postcode), so that the
  // first suggestion is the best guess ("Toulouze": Toulouse before Toulouzette); then a name
  // being typed next to a postcode ("69003 Ly").
  std::vector<Place> search(std::string_view q, std::size_t limit) const;
  // A place as people type it in full, best first; nothing rather than a guess when the text
  // names no place. Understood: a postcode alone ("97400"), a name (compared after normalise())
  // with a postcode or the start of one before or after it ("Lyon 69003", "69003 Lyon",
  // "Saint-Denis 93"), and an arrondissement of Paris, Lyon or Marseille in most spellings
  // ("Paris 11e", "Lyon 3ème", "Paris XIe", "Marseille 1er arr.", "2e arrondissement de Lyon").
  // A postcode or arrondissement that the named commune does not have yields nothing ("Paris
  // 21e", "Lyon 75001"). Homonyms come by population; each commune comes with the postcodes the
  // text allows, ascending. When no name matches exactly, a name of 5 letters or more may be
  // one typo away (Damerau-Levenshtein distance 1: "Bordeux", "Toulouze", "Nantse"): exact
  // matches always win, then the most populated.
  std::vector<Place> resolve(std::string_view text, std::size_t limit) const;
  std::size_t size() const { return communes_.size(); }
  const std::vector<Commune>& all() const { return communes_; }  // by code

 private:
  struct NameEntry {
    std::string name;  // normalised
    std::uint32_t commune;
  };
  struct PostcodeEntry {
    std::string postcode;
    std::uint32_t commune;
  };

  // How a name is compared in resolve(): equal, starting with it (what is being typed), or one
  // typo away.
  enum class Match { exact, prefix, typo };

  std::vector<Place> search_postcode(std::string_view prefix, std::size_t limit) const;
  std::vector<Place> search_name(std::string_view q, std::size_t limit) const;
  // The places of the first reading of `text` that names any (resolve.cpp).
  std::vector<Place> resolve_as(std::string_view text, Match match, std::size_t limit) const;
  // The postcodes of the communes called `name` that start with `postcode` and, unless it is 0,
  // belong to that arrondissement.
  std::vector<Place> places_of(std::string_view name, std::string_view postcode, int arrondissement,
                               Match match, std::size_t limit) const;
  // Communes whose normalised name matches `name`, by rank.
  std::vector<std::uint32_t> named(std::string_view name, Match match) const;
  std::vector<std::uint32_t> one_typo_from(std::string_view name) const;

  std::vector<Commune> communes_;         // by code
  std::vector<std::uint32_t> rank_;       // per commune: 0 for the most populated
  std::vector<NameEntry> names_;          // by name, then rank
  std::vector<std::uint32_t> by_suffix_;  // indices into names_, by name read backwards
  std::vector<PostcodeEntry> postcodes_;  // by postcode, then rank
};

// Great-circle distance (haversine, mean Earth radius 6371.0088 km).
double distance_km(double lat1, double lng1, double lat2, double lng2);

// Lower case, accents removed from French (Latin-1) letters, œ/æ spelled out, any run of
// other punctuation or spaces one space, trimmed, and the words "st"/"ste" as
// "saint"/"sainte": "Saint-Étienne", "ST ETIENNE" and "st-étienne" are all "saint etienne".
// Other non-ASCII characters are kept as they are; bytes that are not UTF-8 are separators.
std::string normalise(std::string_view text);

}  // namespace cabinet::geo
