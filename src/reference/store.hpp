#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "reference/model.hpp"
#include "reference/pharmacies.hpp"
#include "reference/search.hpp"
#include "storage/database.hpp"

// Every statement of the reference lists (drugs, pharmacies).
namespace cabinet::reference::store {

using storage::Executor;

// Searches answer at most 20 rows (the statements say so).
Task<Result<std::int64_t>> count_drugs(Executor& db, const std::string& source);
// Deletes the drugs of one source and their words; returns how many drugs went.
Task<Result<std::int64_t>> delete_drugs(Executor& tx, const std::string& source);
// Inserts a drug and its search words.
Task<Result<void>> insert_drug(Executor& tx, const Drug& drug);
Task<Result<std::vector<Drug>>> search_drugs(Executor& db, const PrefixQuery& q);

Task<Result<std::int64_t>> count_pharmacies(Executor& db, const std::string& source);
// Inserts a pharmacy, or updates the one with the same FINESS number, with its search words.
Task<Result<void>> upsert_pharmacy(Executor& tx, const PharmacyRecord& p, std::int64_t now);
// By postcode (empty: any) and a name or city query (nullopt: any), by name.
Task<Result<std::vector<Pharmacy>>> search_pharmacies(Executor& db, const std::string& postcode,
                                                      const std::optional<PrefixQuery>& q);
Task<Result<std::optional<Pharmacy>>> pharmacy_by_public_id(Executor& db,
                                                            const std::string& public_id);

}  // namespace cabinet::reference::store
