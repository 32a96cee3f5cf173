#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/periodic.hpp"
#include "core/principal.hpp"
#include "settings/catalog.hpp"
#include "settings/store.hpp"
#include "storage/database.hpp"

namespace cabinet::audit {
class Log;
}

// Platform settings without a restart (ADM1, docs/operator.md "Settings"): the operator's
// changes are checked like cabinet.toml's, written with their history in one transaction,
// applied at once on this node, and on the others at their next look at settings_version.
namespace cabinet::settings {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  const audit::Log& audit;
  Catalog& catalog;  // which keys, their checks, and how they reach the services
  // Slower work that may follow an apply (the directory rebuilt for a new video window); may be
  // empty.
  std::function<Task<void>()> settle = {};
};

class Service {
 public:
  explicit Service(Deps deps);

  // GET /api/v1/operator/settings
  [[nodiscard]] nlohmann::json get() const;
  // PATCH /api/v1/operator/settings: {"key": "value" | number | null (back to the default)}.
  Task<Result<nlohmann::json>> patch(const Principal& who, const nlohmann::json& body,
                                     const std::string& ip);
  // GET /api/v1/operator/settings/history
  Task<Result<nlohmann::json>> history(std::int64_t limit) const;

  // Reads settings_version; when it moved, loads the operator's values and applies them.
  // Returns whether it applied a new version.
  Task<Result<bool>> refresh();
  void start(boost::asio::io_context& io, std::chrono::milliseconds interval);
  void stop(std::function<void()> done = {});

  // The operator's values in force on this node, and their version.
  [[nodiscard]] Overrides current() const { return state_.get()->overrides; }
  [[nodiscard]] std::int64_t version() const { return state_.get()->version; }

 private:
  struct State {
    Overrides overrides;                       // checked, as the catalog writes them
    std::map<std::string, std::int64_t> when;  // key → when it was changed
    std::int64_t version = -1;                 // none loaded yet
  };
  // The rows the catalog accepts together; a row this version cannot read (written by a newer
  // one, or refused by stricter rules) is left out with a warning rather than stopping.
  [[nodiscard]] Overrides usable(const std::vector<store::Override>& rows) const;

  Deps d_;
  Live<State> state_;
  std::mutex apply_mutex_;
  Periodic loop_;
};

}  // namespace cabinet::settings
