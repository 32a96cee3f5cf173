#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include "app/config.hpp"
#include "core/block_on.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/random.hpp"
#include "core/result.hpp"
#include "core/runtime.hpp"
#include "directory/index.hpp"
#include "directory/service.hpp"
#include "http/dispatcher.hpp"
#include "http/router.hpp"
#include "metrics/registry.hpp"
#include "realtime/hub.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace cabinet::http {
class Server;
class StaticFiles;
}  // namespace cabinet::http
namespace cabinet::crypto {
class KeyRing;
class Signer;
}  // namespace cabinet::crypto
namespace cabinet::documents {
class EPrescription;
class SickLeave;
class CareSheetTransmission;
class SecureMail;
class Service;
}  // namespace cabinet::documents
namespace cabinet::queue {
class Service;
}
namespace cabinet::messaging {
class Service;
}
namespace cabinet::health {
class Service;
}
namespace cabinet::accounts_admin {
class Service;
}
namespace cabinet::activity {
class Service;
}
namespace cabinet::stats {
class Service;
}
namespace cabinet::privacy {
class Export;
}  // namespace cabinet::privacy
namespace cabinet::audit {
class Log;
}
namespace cabinet::notify {
class Outbox;
class Courier;
class EmailTransport;
class SmsTransport;
}  // namespace cabinet::notify
namespace cabinet::auth {
class RateLimiter;
class Sessions;
}  // namespace cabinet::auth
namespace cabinet::accounts {
class Service;
class Profiles;
class Passkeys;
}  // namespace cabinet::accounts
namespace cabinet::practitioners {
class Service;
}
namespace cabinet::payments {
class PaymentProvider;
}
namespace cabinet::booking {
class Service;
}
namespace cabinet::consultation {
class Service;
}
namespace cabinet::partners {
class Hosts;
class Service;
}  // namespace cabinet::partners
namespace cabinet::reference {
class Service;
}
namespace cabinet::settings {
class Service;
}
namespace cabinet::accounts {
struct SignInPolicy;
}

namespace cabinet::app {

std::string version_string();

// The composition root (STYLE.md "Wiring"): builds every piece once and hands it down by
// constructor. Nothing else in the program reaches for a global.
class SettingsCatalog;

class App {
 public:
  App(Config config, const Clock& clock, Random& random);
  ~App();
  App(const App&) = delete;
  App& operator=(const App&) = delete;

  // Opens the database, applies pending migrations, loads the data keys and builds the
  // services that need them.
  Result<storage::MigrationReport> open_database();
  // Registers routes, middleware and static files; binds the port. Returns the bound port.
  Result<std::uint16_t> listen();
  // Serves until SIGINT/SIGTERM (or shutdown()), then drains and closes.
  void serve();
  void shutdown();

  // Runs a coroutine to completion on the I/O context (start-up work and commands only).
  template <class T>
  T block_on(Task<T> task) {
    return cabinet::block_on(runtime_.io(), std::move(task));
  }

  [[nodiscard]] http::Router& router() { return router_; }
  [[nodiscard]] http::Dispatcher& dispatcher() { return dispatcher_; }
  [[nodiscard]] storage::Database& database() { return *db_; }
  [[nodiscard]] const crypto::KeyRing& keys() const { return *keys_; }
  // Demo data (`cabinet seed --demo-accounts`): closes the demo patient's past consultation with
  // a compte-rendu, an ordonnance and a feuille de soins, as its practitioner would.
  Result<void> close_demo_consultation(const std::string& consultation);
  // `cabinet demo queue` (docs/queue.md "Try it"): prints in French how to try both sides of
  // the general medicine queue with the demo accounts, puts the demo practitioner on duty when
  // eligible, and puts `patients` demo patients in the queue.
  Result<void> demo_queue(int patients, std::ostream& out);
  // `cabinet seed --demo-accounts` (accounts_admin.cpp): the demo RPPS extract imported (the demo
  // practitioners, one of them deliberately mismatching) and two practitioners awaiting
  // verification. Returns how many RPPS numbers the extract holds.
  Result<std::size_t> seed_demo_rpps();
  [[nodiscard]] const Config& config() const { return config_; }
  [[nodiscard]] notify::Courier& courier() { return *courier_; }
  [[nodiscard]] accounts::Service& accounts() { return *accounts_; }
  [[nodiscard]] directory::Index& directory_index() { return *index_; }
  [[nodiscard]] realtime::Hub& hub() { return hub_; }
  [[nodiscard]] booking::Service& booking() { return *booking_; }
  [[nodiscard]] consultation::Service& consultation() { return *consultation_; }
  [[nodiscard]] queue::Service& queue() { return *queue_; }
  [[nodiscard]] payments::PaymentProvider& payments() { return *payments_; }
  [[nodiscard]] reference::Service& reference() { return *reference_; }
  [[nodiscard]] messaging::Service& messaging() { return *messaging_; }
  [[nodiscard]] partners::Hosts& partner_hosts() { return *partner_hosts_; }
  // The operator's settings (docs/operator.md "Settings"); refresh() is what each node runs
  // every settings.refresh_interval.
  [[nodiscard]] settings::Service& settings() { return *settings_; }

  // Wires routes and middleware without binding a socket (used by listen() and by tests).
  void wire();

 private:
  Result<void> build_services();
  // features.cpp: the immediate queue, and the documents with their teleservices.
  Result<void> build_queue();
  Result<void> build_documents();
  Result<void> build_messaging();
  Result<void> build_payments();
  Result<void> build_health();
  Result<void> build_partners(std::string public_host);
  // accounts_admin.cpp: the operator's account tools and the teleconsultation share (issue 19).
  Result<void> build_accounts_admin();
  // live_settings.cpp: the settings service, and a new configuration put into the services.
  Result<void> build_settings();
  void apply_settings(const Config& c);

  // Declaration order is destruction order reversed: what coroutine frames reference (hub,
  // router, dispatcher) is declared before the runtime so that it outlives any frame the
  // I/O context still holds when it is destroyed.
  Config config_;
  const Clock& clock_;
  Random& random_;
  metrics::Registry registry_;
  realtime::Hub hub_;
  http::Router router_;
  http::Dispatcher dispatcher_;
  Runtime runtime_;
  BlockingPool blocking_;
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<crypto::KeyRing> keys_;
  std::unique_ptr<audit::Log> audit_;
  std::unique_ptr<notify::Outbox> outbox_;
  std::unique_ptr<notify::EmailTransport> email_;
  std::unique_ptr<notify::SmsTransport> sms_;
  std::unique_ptr<notify::Courier> courier_;
  std::unique_ptr<auth::RateLimiter> limits_;
  std::shared_ptr<auth::Sessions> sessions_;
  std::unique_ptr<partners::Hosts> partner_hosts_;
  std::unique_ptr<partners::Service> partners_;
  std::unique_ptr<accounts::Service> accounts_;
  std::unique_ptr<accounts::Profiles> profiles_;
  std::unique_ptr<accounts::Passkeys> passkeys_;
  std::unique_ptr<privacy::Export> exports_;
  std::unique_ptr<practitioners::Service> practitioners_;
  std::unique_ptr<directory::Index> index_;
  std::unique_ptr<directory::Service> directory_;
  std::unique_ptr<payments::PaymentProvider> payments_;
  std::unique_ptr<booking::Service> booking_;
  std::unique_ptr<consultation::Service> consultation_;
  std::unique_ptr<queue::Service> queue_;
  std::unique_ptr<reference::Service> reference_;
  std::unique_ptr<crypto::Signer> signer_;
  std::unique_ptr<documents::EPrescription> eprescription_;
  std::unique_ptr<documents::SickLeave> sick_leave_;
  std::unique_ptr<documents::CareSheetTransmission> care_sheet_;
  std::unique_ptr<documents::SecureMail> secure_mail_;
  std::unique_ptr<documents::Service> documents_;
  std::unique_ptr<messaging::Service> messaging_;
  std::unique_ptr<health::Service> health_;
  std::unique_ptr<accounts_admin::Service> accounts_admin_;
  std::unique_ptr<activity::Service> activity_;
  std::unique_ptr<stats::Service> stats_;
  std::shared_ptr<Live<accounts::SignInPolicy>> sign_in_policy_;
  std::unique_ptr<SettingsCatalog> settings_catalog_;
  std::unique_ptr<settings::Service> settings_;
  std::atomic<bool> directory_stale_{false};  // the video window changed: rebuild the index
  std::unique_ptr<http::StaticFiles> static_files_;
  std::unique_ptr<http::Server> server_;
  std::string instance_id_;
  bool wired_ = false;
};

}  // namespace cabinet::app
