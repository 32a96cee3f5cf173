#pragma once

#include <string_view>
#include <vector>

#include "reference/model.hpp"

// The FINESS extract of établissements that the Ministry publishes on data.gouv.fr ("FINESS
// Extraction du Fichier des établissements", the etalab file): ';'-separated, a header line,
// then one "structureet" line per établissement and one "geolocalisation" line with its
// coordinates (docs/reference-data.md lists the columns we read).
namespace cabinet::reference {

// The FINESS category of a pharmacie d'officine.
inline constexpr std::string_view kFinessPharmacyCategory = "620";

struct FinessParse {
  std::vector<PharmacyRecord> pharmacies;
  FileReport report;
};

// The pharmacies (category 620) of the extract, with their address, postcode, city (the
// commune's name when its INSEE code is known), INSEE code and phone. Other établissements and
// the geolocation lines are ignored; bad lines are counted and described, never fatal here.
FinessParse parse_finess(std::string_view bytes);

}  // namespace cabinet::reference
