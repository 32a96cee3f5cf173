#include "accounts_admin/rpps.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/validators.hpp"
#include "geo/communes.hpp"
#include "reference/text.hpp"

namespace cabinet::accounts_admin {
namespace {

// The columns read, as the header names them.
constexpr std::string_view kIdType = "Type d'identifiant PP";
constexpr std::string_view kId = "Identifiant PP";
constexpr std::string_view kLastName = "Nom d'exercice";
constexpr std::string_view kFirstName = "Prénom d'exercice";
constexpr std::string_view kProfessionCode = "Code profession";
constexpr std::string_view kProfession = "Libellé profession";
constexpr std::string_view kSpecialty = "Libellé savoir-faire";
// "8": the identifier is an RPPS number (0 would be an ADELI number).
constexpr std::string_view kRppsType = "8";
constexpr std::size_t kMaxField = 200;

std::vector<std::string_view> split_pipes(std::string_view line) {
  std::vector<std::string_view> out;
  for (;;) {
    const auto bar = line.find('|');
    out.push_back(line.substr(0, bar));
    if (bar == std::string_view::npos) break;
    line.remove_prefix(bar + 1);
  }
  return out;
}

Error bad_file(const std::string& fr, const std::string& en) {
  return Error::invalid("file", fr, en);
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  const auto folded = geo::normalise(text);
  std::size_t i = 0;
  while (i < folded.size()) {
    const auto space = std::min(folded.find(' ', i), folded.size());
    if (space > i) out.emplace_back(folded.substr(i, space - i));
    i = space + 1;
  }
  return out;
}

bool contains(const std::vector<std::string>& haystack, const std::string& word) {
  return std::find(haystack.begin(), haystack.end(), word) != haystack.end();
}

// The professions whose specialty is the profession itself, by "Code profession".
struct Profession {
  std::string_view specialty;
  std::string_view code;
};
constexpr std::array kProfessions{
    Profession{"dentistry", "40"},     Profession{"midwifery", "50"},
    Profession{"physiotherapy", "70"}, Profession{"psychology", "93"},
    Profession{"dietetics", "95"},
};
constexpr std::string_view kPhysician = "10";

}  // namespace

Result<ParsedExtract> parse_extract(std::string_view bytes) {
  const auto text = reference::to_utf8(bytes);
  const auto lines = reference::lines_of(text);
  if (lines.empty()) return bad_file("Le fichier est vide.", "The file is empty.");
  const auto header = split_pipes(lines.front());
  std::map<std::string_view, std::size_t> column;
  for (std::size_t i = 0; i < header.size(); ++i) column.emplace(header[i], i);
  for (const auto name : {kId, kLastName, kFirstName, kProfessionCode, kProfession, kSpecialty}) {
    if (!column.contains(name)) {
      return bad_file("Ce n'est pas un extrait PS_LibreAcces_Personne_activite : la colonne « " +
                          std::string(name) + " » manque dans la première ligne.",
                      "This is not a PS_LibreAcces_Personne_activite extract: the column \"" +
                          std::string(name) + "\" is missing from the first line.");
    }
  }
  const auto type_column = column.find(kIdType);
  std::size_t needed = 0;
  for (const auto& [name, i] : column) needed = std::max(needed, i + 1);
  ParsedExtract out;
  std::map<std::string, std::size_t> index;  // RPPS -> position in out.people
  for (std::size_t n = 1; n < lines.size(); ++n) {
    if (lines[n].empty()) continue;
    ++out.lines;
    const auto f = split_pipes(lines[n]);
    const auto field = [&](std::string_view name) {
      return reference::trim(f[column.at(name)].substr(0, kMaxField));
    };
    if (f.size() < needed) {
      ++out.skipped;
      continue;
    }
    const bool rpps_type = type_column == column.end() || field(kIdType) == kRppsType;
    auto rpps = field(kId);
    if (!rpps_type || rpps.size() != 11 || !reference::all_digits(rpps)) {
      ++out.skipped;
      continue;
    }
    const auto specialty = field(kSpecialty);
    auto [at, fresh] = index.emplace(rpps, out.people.size());
    if (fresh) {
      out.people.push_back({std::move(rpps), field(kLastName), field(kFirstName),
                            field(kProfessionCode), field(kProfession), specialty});
      continue;
    }
    auto& person = out.people[at->second];
    if (!specialty.empty() && person.specialties.find(specialty) == std::string::npos &&
        person.specialties.size() < 1000) {
      person.specialties += person.specialties.empty() ? specialty : "; " + specialty;
    }
  }
  if (out.people.empty()) {
    return bad_file("Aucune ligne RPPS dans ce fichier.", "No RPPS line in this file.");
  }
  return out;
}

bool rpps_key_ok(std::string_view rpps) { return validate::rpps(rpps).has_value(); }

bool names_match(const ExtractPerson& p, std::string_view first_name, std::string_view last_name) {
  if (words(p.last_name) != words(last_name)) return false;
  const auto theirs = words(p.first_name);
  const auto ours = words(first_name);
  if (ours.empty()) return false;
  return std::all_of(ours.begin(), ours.end(),
                     [&](const std::string& w) { return contains(theirs, w); });
}

bool specialty_matches(const ExtractPerson& p, std::string_view specialty_code,
                       std::string_view specialty_name_fr) {
  for (const auto& prof : kProfessions) {
    if (prof.specialty == specialty_code) return p.profession_code == prof.code;
  }
  if (p.profession_code != kPhysician) return false;
  const auto theirs = words(p.specialties);
  const auto ours = words(specialty_name_fr);
  // "de", "et", "la" do not tell specialties apart; a short name ("ORL") is all short words.
  std::vector<std::string> significant;
  for (const auto& w : ours)
    if (w.size() >= 4) significant.push_back(w);
  if (significant.empty()) significant = ours;
  if (significant.empty()) return false;
  return std::all_of(significant.begin(), significant.end(),
                     [&](const std::string& w) { return contains(theirs, w); });
}

}  // namespace cabinet::accounts_admin
