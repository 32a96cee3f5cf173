#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "accounts/profiles.hpp"
#include "accounts/service.hpp"

// The RGPD export (ACC7, issue 12): everything Cabinet holds about an account and its
// relatives, sealed values opened, as documented JSON (GET /me/export) or as a ZIP with that
// JSON, the files themselves and a readable summary page (GET /me/export.zip). The sections and
// the tables behind them: docs/accounts.md "Export", coverage.hpp.
namespace cabinet::privacy {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  accounts::Service& accounts;
  accounts::Profiles& profiles;
};

struct ExportFile {
  std::string path;  // inside the ZIP: "files/<consultation>/<id>-<name>"
  std::string bytes;
  std::int64_t at = 0;
};

class Export {
 public:
  explicit Export(Deps deps) : d_(deps) {}

  // Both are an access to health data: audited on every profile, in one transaction.
  Task<Result<nlohmann::json>> json(const Principal& who, const accounts::Caller& caller);
  Task<Result<std::string>> zip(const Principal& who, const accounts::Caller& caller);

 private:
  Task<Result<nlohmann::json>> collect(const Principal& who, const accounts::Caller& caller,
                                       std::vector<ExportFile>* files);
  Task<Result<nlohmann::json>> appointments(const Principal& who, std::vector<ExportFile>* files);
  // export_messaging.cpp: the account's conversations with their messages opened.
  Task<Result<nlohmann::json>> conversations(const Principal& who, std::vector<ExportFile>* files);
  // The health space (export_health.cpp): own files, hidden flags, shares, medical profiles.
  Task<Result<nlohmann::json>> health(const Principal& who, std::vector<ExportFile>* files);
  Task<Result<void>> audited(const Principal& who, const accounts::Caller& caller,
                             const std::string& format);
  Deps d_;
};

// The summary page of the ZIP (index.html), French then English, from the export's JSON.
std::string summary_html(const nlohmann::json& doc);

}  // namespace cabinet::privacy
