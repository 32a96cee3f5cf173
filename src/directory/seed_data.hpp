#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/random.hpp"
#include "directory/agenda_store.hpp"
#include "directory/store.hpp"
#include "geo/communes.hpp"

// What the demo practitioners are made of (directory/seed.cpp writes them): a seeded PRNG,
// names, the specialty mix with its fees and share of video, RPPS numbers, communes weighted by
// population, opening hours and motifs. Nothing here touches the database.
namespace cabinet::directory::seed_data {

// Same seed, same data: a PRNG whose sequence is fixed by the standard (mt19937_64), used
// for every choice and every public id.
class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}
  void fill(std::span<std::uint8_t> out) override {
    for (auto& b : out) b = static_cast<std::uint8_t>(engine_() >> 56U);
  }
  std::uint64_t next() { return engine_(); }
  // Uniform enough for demo data, and identical on every standard library.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(engine_() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }

 private:
  std::mt19937_64 engine_;
};

inline constexpr std::array kFirstNames{
    "Camille", "Léa",     "Manon",   "Chloé",    "Emma",     "Inès",    "Sarah",    "Julie",
    "Claire",  "Anne",    "Sophie",  "Nathalie", "Isabelle", "Céline",  "Hélène",   "Élise",
    "Aurélie", "Marion",  "Pauline", "Lucie",    "Mathilde", "Agathe",  "Nadia",    "Yasmine",
    "Thomas",  "Nicolas", "Julien",  "Antoine",  "Maxime",   "Pierre",  "Hugo",     "Lucas",
    "Louis",   "Paul",    "Arthur",  "Mathieu",  "Olivier",  "Vincent", "François", "Éric",
    "Karim",   "Mehdi",   "Samir",   "Yann",     "Gaël",     "Romain",  "Benoît",   "Jérôme"};
inline constexpr std::array kLastNames{
    "Martin",     "Bernard",   "Dubois",   "Thomas",  "Robert",  "Richard",  "Petit",
    "Durand",     "Leroy",     "Moreau",   "Simon",   "Laurent", "Lefebvre", "Michel",
    "Garcia",     "David",     "Bertrand", "Roux",    "Vincent", "Fournier", "Morel",
    "Girard",     "André",     "Lefèvre",  "Mercier", "Dupont",  "Lambert",  "Bonnet",
    "François",   "Martinez",  "Legrand",  "Garnier", "Faure",   "Rousseau", "Blanc",
    "Guérin",     "Muller",    "Henry",    "Roussel", "Nicolas", "Perrin",   "Morin",
    "Mathieu",    "Clément",   "Gauthier", "Dumont",  "Lopez",   "Fontaine", "Chevalier",
    "Robin",      "Masson",    "Sanchez",  "Gérard",  "Nguyen",  "Boyer",    "Denis",
    "Lemaire",    "Duval",     "Joly",     "Gautier", "Roger",   "Roche",    "Roy",
    "Noël",       "Meyer",     "Lucas",    "Meunier", "Jean",    "Perez",    "Marchand",
    "Dufour",     "Blanchard", "Benali",   "Haddad",  "Le Gall", "Le Goff",  "Kerbrat",
    "Etcheverry", "Santoni",   "Payet"};

struct SpecialtyMix {
  const char* code;
  int weight;
  int base_price_cents;  // sector 1 consultation, demo figures (real tariffs: issue 5's data)
  int video_percent;     // share of those practitioners offering teleconsultation
};
inline constexpr std::array kMix{
    SpecialtyMix{"general_medicine", 40, 3000, 80},  SpecialtyMix{"pediatrics", 6, 3500, 60},
    SpecialtyMix{"gynecology", 5, 5000, 40},         SpecialtyMix{"dermatology", 4, 5000, 60},
    SpecialtyMix{"psychiatry", 4, 5500, 90},         SpecialtyMix{"ophthalmology", 4, 5000, 20},
    SpecialtyMix{"cardiology", 3, 5000, 40},         SpecialtyMix{"ent", 2, 5000, 30},
    SpecialtyMix{"endocrinology", 2, 5000, 70},      SpecialtyMix{"rheumatology", 1, 5000, 40},
    SpecialtyMix{"gastroenterology", 1, 5000, 40},   SpecialtyMix{"pulmonology", 1, 5000, 40},
    SpecialtyMix{"allergology", 1, 5000, 60},        SpecialtyMix{"geriatrics", 1, 5000, 50},
    SpecialtyMix{"addiction_medicine", 1, 5000, 90}, SpecialtyMix{"sexology", 1, 6000, 90},
    SpecialtyMix{"dentistry", 7, 3000, 5},           SpecialtyMix{"midwifery", 4, 3000, 70},
    SpecialtyMix{"physiotherapy", 6, 1800, 10},      SpecialtyMix{"psychology", 5, 6000, 90},
    SpecialtyMix{"dietetics", 2, 4500, 90}};

inline constexpr std::array kLanguages{"en", "es", "de", "it", "ar", "pt", "zh"};

// `first10` (ten digits) followed by its Luhn key: an RPPS number that passes the check.
std::string luhn_rpps(const std::string& first10);
// The RPPS number of the seed's practitioner number `n`.
std::string rpps_for(std::uint64_t seed, int n);

// Communes weighted by population: Paris, Lyon and Marseille get more practitioners than a
// village, as in real life. Villages under 1,000 inhabitants are left out.
class CommunePicker {
 public:
  CommunePicker();
  // Only the communes within `km` of `centre` (centre to centre), the centre included.
  CommunePicker(const geo::Commune& centre, double km);
  const geo::Commune* pick(SeededRandom& rng) const;

 private:
  void add(const geo::Commune& c);
  std::int64_t total_ = 0;
  std::vector<std::pair<std::int64_t, const geo::Commune*>> cumulative_;
};

// The `n` most populated communes, largest first (ties by INSEE code): the "largest cities"
// around which the seed places its video GPs (issue 16). Paris, Lyon and Marseille are one
// commune each in the table, so no arrondissement takes a city's place.
std::vector<const geo::Commune*> largest_communes(std::size_t n);
// The same among the communes within `km` of `centre` (centre to centre), the centre included.
std::vector<const geo::Commune*> largest_communes(std::size_t n, const geo::Commune& centre,
                                                  double km);

// A teleconsultation GP's week: video every day from 07:00 to midnight, the immediate queue's
// hours (queue.hours), so that a patient finds one at any hour the queue is open.
std::vector<store::Hours> on_call_video_hours();

struct Person {
  std::string first;
  std::string last;
  std::string sex;
};

std::vector<store::Hours> hours_for(SeededRandom& rng, bool video, bool in_person);
// The tariffs in force today in Paris price the demo motifs.
std::string tariff_date(std::int64_t now);
// A sector-1 practitioner bills the convention tariff in force (SPEC PAY4): 25 € for a GP's
// video act, 30 € in person; sector 2 and non-contracted prices are free, above it.
std::vector<store::Motif> motifs_for(SeededRandom& rng, const SpecialtyMix& mix,
                                     const std::string& sector, bool video, bool in_person,
                                     std::string_view date);

}  // namespace cabinet::directory::seed_data
