// The health space in the RGPD export (docs/health-space.md): per profile, the files the patient
// added (titles and names opened, the bodies in the ZIP), the practitioners' documents they hid
// and their medical profile; the documents attached to appointments.
#include "crypto/keyring.hpp"
#include "health/sealing.hpp"
#include "privacy/export.hpp"
#include "privacy/store.hpp"

namespace cabinet::privacy {
namespace {

std::string path_segment(std::string_view name) {
  std::string out;
  for (char c : name) {
    const auto u = static_cast<unsigned char>(c);
    out +=
        (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) ? '_' : c;
  }
  while (!out.empty() && out.front() == '.') out.erase(0, 1);
  return out.empty() ? "fichier" : out;
}

}  // namespace

Task<Result<nlohmann::json>> Export::health(const Principal& who, std::vector<ExportFile>* files) {
  auto profiles = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  auto own = co_await store::health_files(d_.db, who.account_id, files != nullptr);
  if (!own) co_return std::move(own).error();
  auto hidden = co_await store::hidden_documents(d_.db, who.account_id);
  if (!hidden) co_return std::move(hidden).error();
  auto medical = co_await store::medical_profiles(d_.db, who.account_id);
  if (!medical) co_return std::move(medical).error();
  auto shares = co_await store::appointment_shares(d_.db, who.account_id);
  if (!shares) co_return std::move(shares).error();

  nlohmann::json list = nlohmann::json::array();
  for (const auto& p : *profiles) {
    nlohmann::json entry{{"profile_id", p.public_id},
                         {"own_files", nlohmann::json::array()},
                         {"medical_profile", nullptr}};
    for (const auto& f : *own) {
      if (f.row.value("profile_id", "") != p.public_id) continue;
      const auto id = f.row.value("id", "");
      auto title = d_.keys.open(f.sealed_title, health::file_context(id, "title"));
      auto name = d_.keys.open(f.sealed_name, health::file_context(id, "name"));
      nlohmann::json doc = f.row;
      doc["hidden"] = f.row.value("hidden", 0) != 0;
      doc["title"] = title ? nlohmann::json(*title) : nlohmann::json(nullptr);
      doc["name"] = name ? nlohmann::json(*name) : nlohmann::json(nullptr);
      doc["path"] = "health/" + p.public_id + "/" + id + "-" + path_segment(name ? *name : "");
      if (files) {
        auto body = d_.keys.open(f.sealed_body, health::file_context(id, "body"));
        if (body)
          files->push_back({doc["path"].get<std::string>(), *body, f.row.value("added_at", 0L)});
      }
      entry["own_files"].push_back(std::move(doc));
    }
    for (const auto& m : *medical) {
      if (m.profile_public_id != p.public_id) continue;
      auto text = d_.keys.open(m.sealed, health::medical_context(p.public_id));
      if (text) entry["medical_profile"] = nlohmann::json::parse(*text, nullptr, false);
    }
    list.push_back(std::move(entry));
  }
  co_return nlohmann::json{
      {"profiles", std::move(list)},
      {"hidden_documents", std::move(*hidden)},
      {"shares", std::move(*shares)},
      {"practitioners_documents",
       {{"fr",
         "Les documents émis par vos praticiens (comptes-rendus, ordonnances, arrêts de travail, "
         "certificats, feuilles de soins) sont dans « appointments[].documents ». Après la "
         "suppression du compte, ils sont conservés pendant la durée de conservation que la loi "
         "impose aux dossiers médicaux ; vos propres fichiers et votre profil médical sont "
         "supprimés."},
        {"en",
         "The documents your practitioners issued (reports, prescriptions, sick notes, "
         "certificates, care sheets) are in \"appointments[].documents\". After the account is "
         "deleted they are kept for the retention period the law sets for medical records; your "
         "own files and medical profile are deleted."}}}};
}

}  // namespace cabinet::privacy
