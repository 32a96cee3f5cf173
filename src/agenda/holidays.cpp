#include "agenda/holidays.hpp"

#include <array>

namespace cabinet::agenda {
namespace {

struct FixedHoliday {
  unsigned month;
  unsigned day;
  Holiday names;
};

constexpr std::array<FixedHoliday, 8> kNational{{
    {1, 1, {"Jour de l'an", "New Year's Day"}},
    {5, 1, {"Fête du Travail", "Labour Day"}},
    {5, 8, {"Victoire 1945", "Victory in Europe Day"}},
    {7, 14, {"Fête nationale", "Bastille Day"}},
    {8, 15, {"Assomption", "Assumption Day"}},
    {11, 1, {"Toussaint", "All Saints' Day"}},
    {11, 11, {"Armistice 1918", "Armistice Day"}},
    {12, 25, {"Noël", "Christmas Day"}},
}};

constexpr Holiday kAbolition{"Abolition de l'esclavage", "Abolition of Slavery Day"};

struct RegionalHoliday {
  std::string_view department;
  unsigned month;
  unsigned day;
};

// Décret 83-1003 and the local laws that followed it.
constexpr std::array<RegionalHoliday, 5> kAbolitionDays{{
    {"971", 5, 27},
    {"972", 5, 22},
    {"973", 6, 10},
    {"974", 12, 20},
    {"976", 4, 27},
}};

bool alsace_moselle(std::string_view department) {
  return department == "57" || department == "67" || department == "68";
}

}  // namespace

LocalDate easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int n = h + l - 7 * m + 114;
  return {year, static_cast<unsigned>(n / 31), static_cast<unsigned>(n % 31 + 1)};
}

std::optional<Holiday> public_holiday(LocalDate d, std::string_view department) {
  for (const auto& h : kNational) {
    if (h.month == d.month && h.day == d.day) return h.names;
  }
  if (alsace_moselle(department) && d.month == 12 && d.day == 26) {
    return Holiday{"Saint-Étienne", "St Stephen's Day"};
  }
  for (const auto& h : kAbolitionDays) {
    if (h.department == department && h.month == d.month && h.day == d.day) return kAbolition;
  }
  // Movable feasts fall between 20 March (Good Friday) and 14 June (Whit Monday).
  if (d.month < 3 || d.month > 6) return std::nullopt;
  const LocalDate easter = easter_sunday(d.year);
  if (alsace_moselle(department) && d == add_days(easter, -2)) {
    return Holiday{"Vendredi saint", "Good Friday"};
  }
  if (d == add_days(easter, 1)) return Holiday{"Lundi de Pâques", "Easter Monday"};
  if (d == add_days(easter, 39)) return Holiday{"Ascension", "Ascension Day"};
  if (d == add_days(easter, 50)) return Holiday{"Lundi de Pentecôte", "Whit Monday"};
  return std::nullopt;
}

std::string_view zone_for_department(std::string_view department) {
  if (department == "971") return "America/Guadeloupe";
  if (department == "972") return "America/Martinique";
  if (department == "973") return "America/Cayenne";
  if (department == "974") return "Indian/Reunion";
  if (department == "975") return "America/Miquelon";
  if (department == "976") return "Indian/Mayotte";
  if (department == "977") return "America/St_Barthelemy";
  if (department == "978") return "America/Marigot";
  return "Europe/Paris";
}

}  // namespace cabinet::agenda
