#include "reference/demo.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>

#include "geo/communes.hpp"

namespace cabinet::reference {
namespace {

struct DemoName {
  std::string_view name;
  std::string_view street;
};

constexpr std::array<DemoName, 14> kNames{{
    {"Pharmacie du Marché", "place du Marché"},
    {"Pharmacie de la Gare", "avenue de la Gare"},
    {"Pharmacie du Centre", "rue du Centre"},
    {"Pharmacie de l'Église", "place de l'Église"},
    {"Pharmacie de la Mairie", "place de la Mairie"},
    {"Pharmacie des Halles", "rue des Halles"},
    {"Pharmacie du Parc", "allée du Parc"},
    {"Pharmacie de la Fontaine", "rue de la Fontaine"},
    {"Pharmacie du Pont", "quai du Pont"},
    {"Pharmacie des Écoles", "rue des Écoles"},
    {"Pharmacie des Tilleuls", "avenue des Tilleuls"},
    {"Pharmacie du Moulin", "chemin du Moulin"},
    {"Pharmacie de la Poste", "rue de la Poste"},
    {"Pharmacie Centrale", "Grande Rue"},
}};

// FNV-1a: a stable spread of picks from a commune's code (std::hash may differ between builds).
std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::string slug(std::string_view text) {
  auto s = geo::normalise(text);
  std::replace(s.begin(), s.end(), ' ', '-');
  return s;
}

int pharmacies_in(const geo::Commune& c) {
  if (c.population >= 200000) return 3;
  if (c.population >= 50000) return 2;
  return 1;
}

void add(const geo::Commune& c, std::vector<PharmacyRecord>& out) {
  const auto h = fnv(c.code);
  for (int k = 0; k < pharmacies_in(c); ++k) {
    const auto& n = kNames[(h + static_cast<std::uint64_t>(k)) % kNames.size()];
    const auto hk = fnv(c.code + "/" + std::to_string(k));
    PharmacyRecord p;
    p.public_id = "phd" + c.code + "-" + std::to_string(k + 1);
    p.name = std::string(n.name);
    p.address = std::to_string(1 + hk % 60) + " " + std::string(n.street);
    p.postcode = c.postcodes[static_cast<std::size_t>(k) % c.postcodes.size()];
    p.city = c.name;
    p.commune_code = c.code;
    auto digits = std::to_string(hk % 10000);
    p.phone = "019900" + std::string(4 - digits.size(), '0') + digits;
    p.mssante =
        slug(p.name + " " + c.name) + "-" + std::to_string(k + 1) + "@pharmacie.demo.invalid";
    p.source = "demo";
    out.push_back(std::move(p));
  }
}

}  // namespace

std::vector<PharmacyRecord> demo_pharmacies() {
  std::map<std::string, std::vector<const geo::Commune*>> by_department;
  for (const auto& c : geo::Communes::instance().all()) by_department[c.department].push_back(&c);
  std::vector<PharmacyRecord> out;
  for (auto& [department, communes] : by_department) {
    std::ranges::sort(communes, [](const geo::Commune* a, const geo::Commune* b) {
      if (a->population != b->population) return a->population > b->population;
      return a->code < b->code;
    });
    for (std::size_t i = 0; i < std::min<std::size_t>(2, communes.size()); ++i)
      add(*communes[i], out);
    // One small commune, picked by the hash of its code: a different one in each département.
    const geo::Commune* small = nullptr;
    for (std::size_t i = 2; i < communes.size(); ++i) {
      const auto* c = communes[i];
      if (c->population >= 2000) continue;
      if (small == nullptr || fnv(c->code) < fnv(small->code)) small = c;
    }
    if (small != nullptr) add(*small, out);
  }
  return out;
}

}  // namespace cabinet::reference
