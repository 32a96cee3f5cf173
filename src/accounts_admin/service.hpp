#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "practitioners/store.hpp"
#include "storage/database.hpp"

namespace cabinet::audit {
class Log;
}
namespace cabinet::notify {
class Outbox;
}

// The operator's account tools (ADM1, docs/operator.md "Accounts"): search, suspend and
// reactivate accounts, import the RPPS extract and check practitioners against it, and the
// operator log. The operator sees who people are, never what they consulted for.
namespace cabinet::accounts_admin {

// The biggest extract accepted: a filtered one (a region, a profession), not the national file.
inline constexpr std::size_t kMaxExtractBytes = 64UL * 1024 * 1024;

struct Deps {
  storage::Database& db;
  const Clock& clock;
  const audit::Log& audit;
  notify::Outbox& outbox;
  std::string public_url;
  // A suspended practitioner's appointments still to come: cancelled, patients told, holds
  // voided (booking). Returns how many.
  std::function<Task<Result<std::size_t>>(std::int64_t practitioner, std::int64_t op)>
      cancel_appointments;
  // An account changed status: the directory lists or drops the practitioner.
  std::function<Task<Result<void>>(std::int64_t account)> status_changed;
};

struct Query {
  std::string q;
  std::string role;
  std::string status;
  std::string page;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)) {}

  Task<Result<nlohmann::json>> search(const Query& query);
  Task<Result<nlohmann::json>> suspend(const Principal& op, const std::string& id,
                                       const nlohmann::json& body);
  Task<Result<nlohmann::json>> reactivate(const Principal& op, const std::string& id,
                                          const nlohmann::json& body);
  Task<Result<nlohmann::json>> import_extract(const Principal& op, const std::string& bytes);
  Task<Result<nlohmann::json>> extract_status();
  // The checks of one practitioner of the verification list.
  Task<Result<nlohmann::json>> rpps_checks(const practitioners::store::Practitioner& p);
  Task<Result<nlohmann::json>> log(const std::string& page);

 private:
  Deps d_;
};

}  // namespace cabinet::accounts_admin
