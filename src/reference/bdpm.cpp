#include "reference/bdpm.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "geo/communes.hpp"
#include "reference/text.hpp"

namespace cabinet::reference {
namespace {

// A CIS code is 8 digits.
bool is_cis(std::string_view s) { return s.size() == 8 && all_digits(s); }

struct Component {
  std::string substance;
  std::string dosage;
  bool fraction = false;  // FT: the therapeutic moiety, preferred to its salt (SA)
};

struct Specialty {
  std::string name;
  std::string form;
  // By link number (column 8): the SA and FT rows of one substance share it.
  std::map<std::string, Component> components;
  std::vector<std::string> component_order;
  bool presented = false;
};

// "DOLIPRANE 500 mg, comprimé" -> "DOLIPRANE 500 mg": the form is a column of its own.
std::string name_of(std::string_view denomination) {
  const auto comma = denomination.find(", ");
  return trim(denomination.substr(0, comma));
}

void read_specialties(std::string_view text, std::map<std::string, Specialty>& out,
                      FileReport& report) {
  std::size_t n = 0;
  for (const auto line : lines_of(text)) {
    ++n;
    if (trim(line).empty()) continue;
    ++report.lines;
    const auto f = split_tabs(line);
    if (f.size() < 3) {
      report.error(n,
                   "expected at least 3 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    const auto cis = trim(f[0]);
    if (!is_cis(cis)) {
      report.error(n, "the CIS code \"" + cis.substr(0, 20) + "\" is not 8 digits");
      continue;
    }
    auto name = name_of(f[1]);
    if (name.empty()) {
      report.error(n, "no denomination");
      continue;
    }
    // Column 7, "État de commercialisation": a drug no longer sold is not prescribed.
    if (f.size() >= 7 && geo::normalise(f[6]).starts_with("non commercialise")) {
      ++report.ignored;
      continue;
    }
    if (out.contains(cis)) {
      report.error(n, "CIS " + cis + " appears twice");
      continue;
    }
    ++report.used;
    out[cis] = Specialty{std::move(name), trim(f[2]), {}, {}, false};
  }
}

void read_compositions(std::string_view text, std::map<std::string, Specialty>& specialties,
                       FileReport& report) {
  std::size_t n = 0;
  for (const auto line : lines_of(text)) {
    ++n;
    if (trim(line).empty()) continue;
    ++report.lines;
    const auto f = split_tabs(line);
    if (f.size() < 7) {
      report.error(n,
                   "expected at least 7 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    const auto cis = trim(f[0]);
    if (!is_cis(cis)) {
      report.error(n, "the CIS code \"" + cis.substr(0, 20) + "\" is not 8 digits");
      continue;
    }
    const auto nature = trim(f[6]);
    if (nature != "SA" && nature != "FT") {
      report.error(n, "the nature \"" + nature.substr(0, 10) + "\" is neither SA nor FT");
      continue;
    }
    auto substance = lower_fr(trim(f[3]));
    if (substance.empty()) {
      report.error(n, "no substance name");
      continue;
    }
    const auto it = specialties.find(cis);
    if (it == specialties.end()) {  // a specialty not kept (withdrawn, or a bad line)
      ++report.ignored;
      continue;
    }
    ++report.used;
    const auto link = f.size() >= 8 ? trim(f[7]) : std::string();
    auto& sp = it->second;
    // Without a link number each row is a substance of its own.
    const auto key = link.empty() ? "#" + std::to_string(n) : link;
    Component c{std::move(substance), trim(f[4]), nature == "FT"};
    const auto existing = sp.components.find(key);
    if (existing == sp.components.end()) {
      sp.component_order.push_back(key);
      sp.components.emplace(key, std::move(c));
    } else if (c.fraction && !existing->second.fraction) {
      existing->second = std::move(c);
    }
  }
}

void read_presentations(std::string_view text, std::map<std::string, Specialty>& specialties,
                        FileReport& report) {
  std::size_t n = 0;
  for (const auto line : lines_of(text)) {
    ++n;
    if (trim(line).empty()) continue;
    ++report.lines;
    const auto f = split_tabs(line);
    if (f.size() < 3) {
      report.error(n,
                   "expected at least 3 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    const auto cis = trim(f[0]);
    if (!is_cis(cis)) {
      report.error(n, "the CIS code \"" + cis.substr(0, 20) + "\" is not 8 digits");
      continue;
    }
    const auto it = specialties.find(cis);
    if (it == specialties.end()) {
      ++report.ignored;
      continue;
    }
    ++report.used;
    it->second.presented = true;
  }
}

std::string strength_of(const Specialty& sp) {
  std::string out;
  std::vector<std::string> seen;
  for (const auto& key : sp.component_order) {
    const auto& dosage = sp.components.at(key).dosage;
    if (dosage.empty() || std::find(seen.begin(), seen.end(), dosage) != seen.end()) continue;
    seen.push_back(dosage);
    if (!out.empty()) out += " / ";
    out += dosage;
  }
  return out;
}

Result<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error(ErrorCode::invalid_request, "cannot read " + path.string());
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

void FileReport::error(std::size_t line, const std::string& what) {
  ++bad;
  if (errors.size() < kMaxErrors) errors.push_back("line " + std::to_string(line) + ": " + what);
}

Result<BdpmFiles> read_bdpm_dir(const std::filesystem::path& dir) {
  BdpmFiles files;
  auto specialties = read_file(dir / kBdpmSpecialties);
  if (!specialties) return std::move(specialties).error();
  auto compositions = read_file(dir / kBdpmCompositions);
  if (!compositions) return std::move(compositions).error();
  auto presentations = read_file(dir / kBdpmPresentations);
  if (!presentations) return std::move(presentations).error();
  files.specialties = std::move(*specialties);
  files.compositions = std::move(*compositions);
  files.presentations = std::move(*presentations);
  return files;
}

BdpmParse parse_bdpm(const BdpmFiles& files) {
  BdpmParse out;
  out.files = {FileReport{std::string(kBdpmSpecialties)},
               FileReport{std::string(kBdpmCompositions)},
               FileReport{std::string(kBdpmPresentations)}};
  std::map<std::string, Specialty> specialties;
  read_specialties(to_utf8(files.specialties), specialties, out.files[0]);
  read_compositions(to_utf8(files.compositions), specialties, out.files[1]);
  read_presentations(to_utf8(files.presentations), specialties, out.files[2]);
  for (auto& [cis, sp] : specialties) {
    // No presentation: nothing a pharmacy can dispense.
    if (!sp.presented) continue;
    Drug d;
    d.public_id = cis;
    d.strength = strength_of(sp);
    // The denomination usually repeats the strength: "DOLIPRANE 500 mg".
    if (!d.strength.empty() && sp.name.size() > d.strength.size() &&
        sp.name.ends_with(" " + d.strength)) {
      sp.name.resize(sp.name.size() - d.strength.size() - 1);
    }
    d.name = std::move(sp.name);
    d.form = std::move(sp.form);
    for (const auto& key : sp.component_order) {
      const auto& substance = sp.components.at(key).substance;
      if (std::find(d.substances.begin(), d.substances.end(), substance) == d.substances.end())
        d.substances.push_back(substance);
    }
    d.source = "bdpm";
    out.drugs.push_back(std::move(d));
  }
  return out;
}

}  // namespace cabinet::reference
