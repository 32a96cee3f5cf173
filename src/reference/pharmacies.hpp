#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/async.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

// What other features (documents: sending a prescription) may read of a pharmacy.
namespace cabinet::reference {

struct Pharmacy {
  std::int64_t id = 0;
  std::string public_id;
  std::string finess;  // empty for demo pharmacies
  std::string name;
  std::string address;
  std::string postcode;
  std::string city;
  std::string phone;    // digits, empty when unknown
  std::string mssante;  // secure mail address, empty when unknown
};

// The pharmacy with that public id (the API's "id"); nullopt when there is none.
Task<Result<std::optional<Pharmacy>>> pharmacy(storage::Database& db, const std::string& public_id);

}  // namespace cabinet::reference
