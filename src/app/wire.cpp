// The HTTP and WebSocket surface: every feature's routes and realtime handlers, the middleware
// chain and the authenticators, on top of the services build_services() made (app.cpp).
#include "accounts/passkeys_routes.hpp"
#include "accounts/practitioners.hpp"
#include "accounts/practitioners_routes.hpp"
#include "accounts/profiles.hpp"
#include "accounts/routes.hpp"
#include "accounts/service.hpp"
#include "accounts_admin/routes.hpp"
#include "activity/routes.hpp"
#include "app/app.hpp"
#include "app/public_url.hpp"
#include "app/settings_catalog.hpp"
#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "auth/sessions.hpp"
#include "booking/routes.hpp"
#include "booking/service.hpp"
#include "consultation/guests.hpp"
#include "consultation/messages.hpp"
#include "consultation/routes.hpp"
#include "consultation/service.hpp"
#include "core/embedded.hpp"
#include "core/log.hpp"
#include "crypto/keyring.hpp"
#include "crypto/signing.hpp"
#include "devtools/routes.hpp"
#include "directory/index.hpp"
#include "directory/routes.hpp"
#include "documents/routes.hpp"
#include "documents/service.hpp"
#include "documents/standins.hpp"
#include "documents/teleservices_http.hpp"
#include "health/routes.hpp"
#include "health/service.hpp"
#include "http/middleware.hpp"
#include "http/server.hpp"
#include "http/static_files.hpp"
#include "messaging/routes.hpp"
#include "messaging/service.hpp"
#include "notify/file_transport.hpp"
#include "notify/http_sms_transport.hpp"
#include "notify/outbox.hpp"
#include "notify/smtp_transport.hpp"
#include "partners/hosts.hpp"
#include "partners/routes.hpp"
#include "partners/service.hpp"
#include "payments/provider.hpp"
#include "practitioners/specialties.hpp"
#include "privacy/export.hpp"
#include "privacy/routes.hpp"
#include "queue/routes.hpp"
#include "queue/service.hpp"
#include "reference/routes.hpp"
#include "reference/service.hpp"
#include "settings/routes.hpp"
#include "settings/service.hpp"
#include "stats/routes.hpp"
#include "stats/service.hpp"
#include "storage/open.hpp"
#include "system/ice.hpp"
#include "system/routes.hpp"
#include "system/store.hpp"

namespace cabinet::app {
namespace {

std::string_view openapi_document() {
  for (const auto& f : embedded::openapi()) return f.data;
  return "{}";
}

}  // namespace

void App::wire() {
  if (wired_) return;
  wired_ = true;
  dispatcher_.use(std::make_shared<http::RequestIdMiddleware>(random_));
  dispatcher_.use(std::make_shared<http::AccessLogMiddleware>(registry_, config_.log.access));
  dispatcher_.use(std::make_shared<http::LocaleMiddleware>());
  dispatcher_.use(std::make_shared<http::SecurityHeadersMiddleware>(
      http::SecurityHeadersOptions{.hsts = config_.http.public_url.starts_with("https://")}));

  system::register_routes(router_, {.db = *db_,
                                    .registry = registry_,
                                    .hub = hub_,
                                    .clock = clock_,
                                    .openapi_json = openapi_document(),
                                    .metrics_token = config_.metrics.token,
                                    .version = version_string()});
  system::register_realtime(hub_, clock_);
  {
    system::IceOptions ice;
    ice.stun_urls = directory::split_list(config_.ice.stun_urls);
    ice.turn_urls = directory::split_list(config_.ice.turn_urls);
    ice.turn_secret = config_.ice.turn_secret;
    ice.ttl = std::chrono::duration_cast<std::chrono::seconds>(config_.ice.turn_ttl);
    system::register_ice_routes(router_, ice, [this] { return clock_.unix_seconds(); });
  }

  dispatcher_.set_authenticator(sessions_);
  dispatcher_.set_guest_authenticator(
      std::make_shared<consultation::GuestPasses>(*db_, clock_, *keys_));
  dispatcher_.set_origins(http::Origins(config_.http.public_url, config_.http.allowed_origins,
                                        http::is_loopback_host(config_.http.host)));
  // Only hosts registered to an active partner, with the site's own scheme and port.
  dispatcher_.origins().set_partner_hosts(
      [hosts = partner_hosts_.get()](std::string_view host) { return hosts->served(host); });
  accounts::register_routes(router_, *accounts_, *profiles_,
                            secure_cookies(config_.http.public_url));
  accounts::register_passkey_routes(router_, *passkeys_, *accounts_,
                                    secure_cookies(config_.http.public_url));
  privacy::register_routes(router_, *exports_);
  practitioners::register_routes(router_, *practitioners_);
  directory::register_routes(router_, *directory_);
  directory::register_realtime(hub_, *index_);
  booking::register_routes(router_, *booking_, config_.payments.provider);
  consultation::register_routes(router_, *consultation_);
  consultation::register_messages(hub_, *consultation_);
  documents::register_routes(router_, *documents_);
  documents::register_messages(hub_, *documents_);
  messaging::register_routes(router_, *messaging_);
  messaging::register_messages(hub_, *messaging_);
  health::register_routes(router_, *health_);
  accounts_admin::register_routes(router_, *accounts_admin_);
  activity::register_routes(router_, *activity_);
  queue::register_routes(router_, *queue_);
  partners::register_routes(router_, *partners_);
  queue::register_messages(hub_, *queue_);
  reference::register_routes(router_, *reference_);
  stats::register_routes(router_, *stats_);
  settings::register_routes(router_, *settings_);
  devtools::register_routes(router_, config_.mode == "development", config_.notify.mailbox_dir,
                            dispatcher_.origins());

  static_files_ = std::make_unique<http::StaticFiles>(config_.web.root);
  dispatcher_.set_fallback(
      [files = static_files_.get()](http::Request& request) -> Task<http::Response> {
        co_return files->serve(request);
      });
  dispatcher_.freeze();

  registry_.gauge("cabinet_websocket_connections", "Open WebSocket connections.", "",
                  [this] { return static_cast<double>(hub_.connection_count()); });
  registry_.gauge("cabinet_db_pool_connections", "Database connections by state.",
                  "state=\"in_use\"",
                  [this] { return static_cast<double>(db_->pool_stats().in_use); });
  registry_.gauge("cabinet_db_pool_connections", "Database connections by state.", "state=\"idle\"",
                  [this] {
                    auto s = db_->pool_stats();
                    return static_cast<double>(s.size - s.in_use);
                  });
  registry_.gauge("cabinet_db_pool_waiting", "Callers waiting for a database connection.", "",
                  [this] { return static_cast<double>(db_->pool_stats().waiting); });
}

}  // namespace cabinet::app
