#include "reference/finess.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "geo/communes.hpp"
#include "reference/text.hpp"

namespace cabinet::reference {
namespace {

// Columns of a "structureet" line (0-based).
enum Column : std::size_t {
  kNumber = 1,        // nofinesset
  kName = 3,          // rs
  kLongName = 4,      // rslongue
  kStreetNo = 7,      // numvoie
  kStreetType = 8,    // typvoie
  kStreet = 9,        // voie
  kStreetNoExt = 10,  // compvoie: B (bis), T (ter)…
  kLocality = 11,     // lieuditbp
  kCommune = 12,      // commune: the INSEE code's last 3 characters
  kDepartment = 13,   // departement
  kPostLine = 15,     // ligneacheminement: "75011 PARIS"
  kPhone = 16,        // telephone
  kCategory = 18,     // categetab
  kMinColumns = 19,
};

// The usual abbreviations of typvoie, spelled out for people.
constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kStreetTypes{{
    {"R", "rue"},
    {"AV", "avenue"},
    {"BD", "boulevard"},
    {"PL", "place"},
    {"RTE", "route"},
    {"CHE", "chemin"},
    {"CHEM", "chemin"},
    {"ALL", "allée"},
    {"IMP", "impasse"},
    {"CRS", "cours"},
    {"QU", "quai"},
    {"QUAI", "quai"},
    {"SQ", "square"},
    {"FG", "faubourg"},
    {"PROM", "promenade"},
    {"LD", "lieu-dit"},
    {"PASS", "passage"},
    {"RPT", "rond-point"},
}};

// FINESS writes overseas départements as 9A…9F: Guadeloupe 971, Martinique 972, Guyane 973,
// La Réunion 974, Saint-Pierre-et-Miquelon 975, Mayotte 976.
std::string insee_code(const std::string& department, const std::string& commune) {
  if (commune.size() != 3) return {};
  if (department.size() == 2 && department[0] == '9' && department[1] >= 'A' &&
      department[1] <= 'F') {
    return "97" + commune;
  }
  if (department.size() != 2) return {};
  return department + commune;
}

// Paris, Lyon and Marseille by their arrondissements' codes: the communes table has the city.
std::string city_code(const std::string& insee) {
  if (insee.starts_with("751")) return "75056";
  if (insee.starts_with("6938")) return "69123";
  if (insee.starts_with("132")) return "13055";
  return insee;
}

std::string address_of(const std::vector<std::string>& f) {
  std::string out;
  const auto add = [&out](const std::string& part) {
    if (part.empty()) return;
    if (!out.empty()) out += ' ';
    out += part;
  };
  add(trim(f[kStreetNo]));
  add(trim(f[kStreetNoExt]));
  auto type = trim(f[kStreetType]);
  for (const auto& [abbreviation, word] : kStreetTypes) {
    if (type == abbreviation) {
      type = word;
      break;
    }
  }
  add(type);
  add(trim(f[kStreet]));
  if (out.empty()) out = trim(f[kLocality]);
  return out;
}

}  // namespace

FinessParse parse_finess(std::string_view bytes) {
  FinessParse out;
  out.report.file = "FINESS";
  const auto text = to_utf8(bytes);
  std::size_t n = 0;
  for (const auto line : lines_of(text)) {
    ++n;
    if (trim(line).empty()) continue;
    ++out.report.lines;
    auto f = split_semicolons(line);
    const auto kind = trim(f[0]);
    if (kind == "geolocalisation" || (n == 1 && kind == "finess")) {
      ++out.report.ignored;  // coordinates are not kept; the first line names the extract
      continue;
    }
    if (kind != "structureet") {
      out.report.error(n, "unknown record \"" + kind.substr(0, 20) + "\"");
      continue;
    }
    if (f.size() < kMinColumns) {
      out.report.error(n, "expected at least " + std::to_string(kMinColumns) +
                              " ';'-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    if (trim(f[kCategory]) != kFinessPharmacyCategory) {
      ++out.report.ignored;
      continue;
    }
    const auto number = trim(f[kNumber]);
    if (number.size() != 9 || !std::all_of(number.begin(), number.end(), [](char c) {
          return std::isalnum(static_cast<unsigned char>(c)) != 0;
        })) {
      out.report.error(n, "the FINESS number \"" + number.substr(0, 20) + "\" is not 9 characters");
      continue;
    }
    const auto post_line = trim(f[kPostLine]);
    const auto postcode = post_line.substr(0, 5);
    if (post_line.size() < 5 || !all_digits(postcode)) {
      out.report.error(n, "no postcode at the start of \"" + post_line.substr(0, 40) + "\"");
      continue;
    }
    auto name = trim(f[kLongName]);
    if (name.empty()) name = trim(f[kName]);
    if (name.empty()) {
      out.report.error(n, "no name");
      continue;
    }
    PharmacyRecord p;
    p.public_id = "ph" + lower_fr(number);
    p.finess = number;
    p.name = std::move(name);
    p.address = address_of(f);
    p.postcode = postcode;
    const auto insee = insee_code(trim(f[kDepartment]), trim(f[kCommune]));
    const auto* commune =
        insee.empty() ? nullptr : geo::Communes::instance().by_code(city_code(insee));
    if (!insee.empty()) p.commune_code = insee;
    if (commune != nullptr) {
      p.city = commune->name;
    } else {
      // "13001 MARSEILLE CEDEX 01" -> "MARSEILLE": a CEDEX is a mail route, not a place.
      auto city = trim(std::string_view(post_line).substr(5));
      if (const auto cedex = city.find(" CEDEX"); cedex != std::string::npos) city.resize(cedex);
      p.city = trim(city);
    }
    std::string phone;
    for (const char c : f[kPhone])
      if (c >= '0' && c <= '9') phone.push_back(c);
    if (phone.size() == 10) p.phone = phone;
    p.source = "finess";
    ++out.report.used;
    out.pharmacies.push_back(std::move(p));
  }
  return out;
}

}  // namespace cabinet::reference
