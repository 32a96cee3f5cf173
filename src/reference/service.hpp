#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/async.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "reference/bdpm.hpp"
#include "reference/model.hpp"
#include "reference/pharmacies.hpp"
#include "storage/database.hpp"

// The reference lists the closing form needs (issue 14, docs/reference-data.md): drugs (a
// built-in list, or the BDPM when imported) and pharmacies (demo data, or the FINESS extract).
namespace cabinet::reference {

class Service {
 public:
  Service(storage::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // GET /api/v1/drugs: {"items": [...]}, at most 20; invalid_request (field q) under 2
  // letters or digits.
  Task<Result<nlohmann::json>> drugs(const std::string& q);
  // GET /api/v1/pharmacies: by a name or city (q) and/or a postcode; at least one of them.
  Task<Result<nlohmann::json>> pharmacies(const std::string& q, const std::string& postcode);
  // For other features (documents): the pharmacy with that public id.
  Task<Result<std::optional<Pharmacy>>> pharmacy(const std::string& public_id);

  // Writes data/drugs.json's list unless the table holds it already (same count): at start-up,
  // so that a default install works offline. Returns how many drugs were written.
  Task<Result<std::size_t>> ensure_builtin_drugs();
  // Replaces the previous BDPM import in one transaction. A file too damaged to trust (no
  // specialty, or more than 5% of its lines bad) is refused and the previous rows stay.
  Task<Result<ImportReport>> import_bdpm(const BdpmFiles& files);
  // Inserts or updates the FINESS extract's pharmacies by FINESS number, in one transaction;
  // refused, with nothing written, when the file is too damaged to trust.
  Task<Result<ImportReport>> import_finess(std::string_view bytes);
  // The demo pharmacies, unless there are some already. Returns how many were added.
  Task<Result<std::size_t>> seed_demo_pharmacies();

 private:
  Task<Result<std::size_t>> write_pharmacies(const std::vector<PharmacyRecord>& pharmacies);

  storage::Database& db_;
  const Clock& clock_;
};

// An import refused, with what its report says (the command prints it).
std::string describe(const FileReport& report);

}  // namespace cabinet::reference
