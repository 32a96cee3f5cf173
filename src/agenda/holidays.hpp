#pragma once

#include <optional>
#include <string_view>

#include "agenda/local_time.hpp"

namespace cabinet::agenda {

struct Holiday {
  std::string_view fr;
  std::string_view en;
};

// French public holidays (jours fériés, Code du travail L3133-1) for a département code ("75",
// "2A", "57", "971"…): the eleven national ones; Good Friday and 26 December in Moselle,
// Bas-Rhin and Haut-Rhin (57, 67, 68); the abolition of slavery in 971 (27 May), 972 (22 May),
// 973 (10 June), 974 (20 December) and 976 (27 April).
std::optional<Holiday> public_holiday(LocalDate d, std::string_view department);

// Easter Sunday of a Gregorian year (anonymous algorithm, Meeus/Jones/Butcher).
LocalDate easter_sunday(int year);

// IANA zone of a département: the overseas ones have their own, everything else is Europe/Paris.
std::string_view zone_for_department(std::string_view department);

}  // namespace cabinet::agenda
