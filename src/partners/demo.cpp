#include "partners/demo.hpp"

#include <vector>

#include "partners/store.hpp"

namespace cabinet::partners {
namespace {

Partner urgence() {
  Partner p;
  p.name = "Urgence Docteurs";
  p.kind = "brand";
  p.color_primary = "#b91c1c";
  p.color_accent = "#1e3a8a";
  p.contact_email = "contact@urgence-docteurs.example";
  p.contact_phone = "01 23 45 67 89";
  p.legal_notice =
      "Urgence Docteurs (démonstration), société fictive.\n\nÉditeur du service : Urgence "
      "Docteurs SAS, 1 rue de l'Exemple, 75011 Paris.\n\nHébergement : celui de la plateforme "
      "Cabinet.";
  p.terms =
      "Conditions générales d'utilisation d'Urgence Docteurs (démonstration).\n\nUrgence Docteurs "
      "vous met en relation avec des médecins disponibles en téléconsultation, 7 jours sur 7.\n\n"
      "En cas d'urgence vitale, appelez le 15.";
  p.hosts = {"partner.localhost"};
  return p;
}

Partner mutuelle() {
  Partner p;
  p.name = "Mutuelle Exemple";
  p.kind = "insurer";
  p.color_primary = "#047857";
  p.color_accent = "#1d4ed8";
  p.contact_email = "adherents@mutuelle-exemple.example";
  p.contact_phone = "09 87 65 43 21";
  p.terms =
      "Service de téléconsultation réservé aux adhérents de Mutuelle Exemple (démonstration).\n\n"
      "Trois téléconsultations par an et par bénéficiaire sont prises en charge, sur "
      "présentation de votre code d'activation.";
  p.quota_per_year = 3;
  p.quota_scope = "profile";
  p.covered_percent = 100;
  p.hosts = {"mutuelle.localhost"};
  return p;
}

std::vector<Partner> demo_partners() {
  std::vector<Partner> out;
  out.push_back(urgence());
  out.push_back(mutuelle());
  return out;
}

}  // namespace

Task<Result<int>> seed_demo(storage::Database& db, const Clock& clock, Random& random) {
  auto existing = co_await store::all(db);
  if (!existing) co_return std::move(existing).error();
  int added = 0;
  auto partners = demo_partners();
  for (auto& p : partners) {
    bool there = false;
    for (const auto& e : *existing) there = there || e.name == p.name;
    if (there) continue;
    p.public_id = "pt" + random_base32(random, 10);
    p.created_at = p.updated_at = clock.unix_seconds();
    auto r = co_await db.transact([&p](storage::Transaction& tx) -> Task<Result<void>> {
      auto id = co_await store::insert(tx, p);
      if (!id) co_return std::move(id).error();
      co_return co_await store::set_hosts(tx, *id, p.hosts);
    });
    if (!r) co_return std::move(r).error();
    ++added;
  }
  co_return added;
}

}  // namespace cabinet::partners
