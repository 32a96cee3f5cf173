#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "notify/outbox.hpp"
#include "practitioners/store.hpp"
#include "storage/database.hpp"

namespace cabinet::audit {
class Log;
}

namespace cabinet::practitioners {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  notify::Outbox& outbox;
  std::string public_url;
  // Runs after an operator's decision is committed (the directory lists or drops them).
  std::function<Task<Result<void>>(std::int64_t account)> on_decided;
  // Where the operator's decisions are audited (docs/operator.md "Operator log").
  const audit::Log* audit = nullptr;
  // The RPPS checks shown beside each practitioner of the verification list (accounts_admin/).
  std::function<Task<Result<nlohmann::json>>(const store::Practitioner&)> rpps_checks;
};

// Practitioner verification by the operator (DIR3) and assistants invited by a practitioner.
class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)) {}

  Task<Result<nlohmann::json>> list(const std::string& status);
  Task<Result<nlohmann::json>> verify(const Principal& op, const std::string& id);
  Task<Result<nlohmann::json>> reject(const Principal& op, const std::string& id,
                                      const std::string& reason);

  Task<Result<nlohmann::json>> assistants(const Principal& practitioner);
  Task<Result<nlohmann::json>> invite(const Principal& practitioner, const std::string& email);
  Task<Result<void>> remove_assistant(const Principal& practitioner, const std::string& id);

 private:
  Task<Result<nlohmann::json>> decide(const Principal& op, const std::string& id,
                                      const std::string& status,
                                      const std::optional<std::string>& reason);
  Deps d_;
};

}  // namespace cabinet::practitioners
