#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/async.hpp"
#include "core/clock.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/result.hpp"
#include "core/runtime.hpp"
#include "partners/hosts.hpp"
#include "partners/model.hpp"
#include "storage/database.hpp"

namespace cabinet::audit {
class Log;
}
namespace cabinet::notify {
class Outbox;
}
namespace cabinet::auth {
class RateLimiter;
}

// White-label partners and insurers' codes (issue 19 items 4 and 5; docs/operator.md
// "Partners" and "Insurers' activation codes"). The operator manages every partner; a partner
// administrator (Role::partner_admin) sees its own and issues its codes, nothing else.
namespace cabinet::partners {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  BlockingPool& blocking;
  const audit::Log& audit;
  notify::Outbox& outbox;
  auth::RateLimiter& limits;
  Hosts& hosts;
  std::string public_url;
  std::string platform_host;  // the public URL's host: never a partner's
};

// A batch of codes: JSON for one, CSV for many (the only time they can be read).
struct Issued {
  std::vector<std::string> codes;
  std::string partner_name;
  std::int64_t at = 0;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)) {}

  // Operator console (service.cpp).
  Task<Result<nlohmann::json>> list(const Principal& who);
  Task<Result<nlohmann::json>> get(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> create(const Principal& who, const nlohmann::json& body);
  Task<Result<nlohmann::json>> update(const Principal& who, const std::string& id,
                                      const nlohmann::json& body);
  Task<Result<nlohmann::json>> put_logo(const Principal& who, const std::string& id,
                                        std::string bytes);
  Task<Result<std::optional<std::string>>> logo(const std::string& id);
  Task<Result<nlohmann::json>> admins(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> invite_admin(const Principal& who, const std::string& id,
                                            const nlohmann::json& body);

  // The front on a partner's host (brand.cpp): public.
  Task<Result<nlohmann::json>> brand(std::string_view host);
  Task<Result<nlohmann::json>> page(std::string_view host, const std::string& which);

  // Insurers' codes (codes.cpp).
  Task<Result<Issued>> issue(const Principal& who, const std::string& id,
                             const nlohmann::json& body);
  Task<Result<nlohmann::json>> code_counts(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> redeem(const Principal& who, const nlohmann::json& body,
                                      const std::string& ip);
  Task<Result<nlohmann::json>> benefits(const Principal& who);

  // The tag of a request's Host (nullopt on the platform's own host).
  [[nodiscard]] std::optional<std::int64_t> partner_of(std::string_view host) const {
    return d_.hosts.partner_of(host);
  }

 private:
  // The partner `id` as `who` may see it: any for the operator, its own for a partner admin.
  Task<Result<Partner>> visible(const Principal& who, const std::string& id);
  Task<Result<void>> audit(storage::Transaction& tx, const Principal& who, std::string action,
                           std::string object, std::string detail = {});
  Result<void> apply(Partner& p, const nlohmann::json& body, bool creating) const;
  Deps d_;
};

// The partner as the console shows it.
nlohmann::json to_json(const Partner& p);

}  // namespace cabinet::partners
