#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "reference/model.hpp"

// The "Base de données publique des médicaments" (ANSM, HAS, UNCAM) as downloaded from
// base-donnees-publique.medicaments.gouv.fr: tab-separated text files, no header, one row per
// line (docs/reference-data.md lists the columns we read).
namespace cabinet::reference {

// The raw bytes of the three files (any encoding to_utf8() reads).
struct BdpmFiles {
  std::string specialties;    // CIS_bdpm.txt
  std::string compositions;   // CIS_COMPO_bdpm.txt
  std::string presentations;  // CIS_CIP_bdpm.txt
};

struct BdpmParse {
  std::vector<Drug> drugs;
  std::vector<FileReport> files;  // in the order of BdpmFiles
};

// Reads the three files of `dir`; a missing or unreadable file is invalid_request naming it.
Result<BdpmFiles> read_bdpm_dir(const std::filesystem::path& dir);

// One drug per marketed specialty that has a presentation: its name (the denomination before
// the form), form, strength (the dosages of its active substances) and substances. Bad lines
// are counted and described, never fatal here.
BdpmParse parse_bdpm(const BdpmFiles& files);

// Lines of a file as the report names them.
inline constexpr std::string_view kBdpmSpecialties = "CIS_bdpm.txt";
inline constexpr std::string_view kBdpmCompositions = "CIS_COMPO_bdpm.txt";
inline constexpr std::string_view kBdpmPresentations = "CIS_CIP_bdpm.txt";

}  // namespace cabinet::reference
