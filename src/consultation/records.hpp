#pragma once

// The pure part of the consultation record (records.cpp): the patient's age, unit-tested in
// records_test.cpp. Shared files' names are in file_names.hpp.
#include <optional>
#include <string_view>

#include "agenda/local_time.hpp"

namespace cabinet::consultation {

// Whole years from `birth_date` (YYYY-MM-DD) to `today`; nullopt when malformed or later than
// today. Someone born on 29 February is a year older on 1 March of common years.
std::optional<int> age_on(std::string_view birth_date, agenda::LocalDate today);

}  // namespace cabinet::consultation
