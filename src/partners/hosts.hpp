#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "core/async.hpp"
#include "core/periodic.hpp"
#include "core/result.hpp"
#include "partners/model.hpp"
#include "storage/database.hpp"

// Which active partner a host name belongs to, answered from memory: the Origin check and the
// brand are asked on every request and must not wait for the database. The table is reloaded
// every few seconds (kRefresh) so that a partner added, changed or disabled on another node
// takes effect without a restart; a change on this node reloads it at once.
namespace cabinet::partners {

class Hosts {
 public:
  static constexpr std::chrono::seconds kRefresh{5};

  explicit Hosts(storage::Database& db) : db_(db), table_(std::make_shared<const Table>()) {}

  // `host` as in a Host header ("partner.localhost:8080"); nullopt when no active partner has it.
  [[nodiscard]] std::optional<HostEntry> find(std::string_view host) const;
  // The partner's internal id for a Host header, for tagging; nullopt for the platform's own.
  [[nodiscard]] std::optional<std::int64_t> partner_of(std::string_view host) const;
  // A bare host name (no port) that an active partner is served as.
  [[nodiscard]] bool served(std::string_view host_name) const;

  Task<Result<void>> reload();
  void start(boost::asio::io_context& io);
  void stop(std::function<void()> done = {});

 private:
  using Table = std::map<std::string, HostEntry, std::less<>>;
  [[nodiscard]] std::shared_ptr<const Table> table() const;

  storage::Database& db_;
  mutable std::mutex mutex_;
  std::shared_ptr<const Table> table_;
  Periodic loop_;
};

}  // namespace cabinet::partners
