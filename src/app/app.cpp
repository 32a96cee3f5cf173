#include "app/app.hpp"

#include <thread>

#include "accounts/passkeys_routes.hpp"
#include "accounts/practitioners.hpp"
#include "accounts/practitioners_routes.hpp"
#include "accounts/profiles.hpp"
#include "accounts/routes.hpp"
#include "accounts/service.hpp"
#include "accounts_admin/routes.hpp"
#include "activity/routes.hpp"
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

#ifndef CABINET_VERSION
#define CABINET_VERSION "0.0.0"
#endif
#ifndef CABINET_GIT_COMMIT
#define CABINET_GIT_COMMIT "unknown"
#endif

namespace cabinet::app {
namespace {

std::size_t cores() { return std::max(1U, std::thread::hardware_concurrency()); }

}  // namespace

std::string version_string() {
  return std::string(CABINET_VERSION) + " (" + CABINET_GIT_COMMIT + ")";
}

App::App(Config config, const Clock& clock, Random& random)
    : config_(std::move(config)),
      clock_(clock),
      random_(random),
      dispatcher_(router_, registry_, config_.http.body_limit),
      runtime_(config_.http.threads == 0 ? cores() : config_.http.threads),
      blocking_(config_.blocking_threads == 0 ? std::max<std::size_t>(4, 2 * cores())
                                              : config_.blocking_threads) {}

App::~App() {
  server_.reset();
  if (courier_) courier_->stop();
  if (db_) db_->close();
  blocking_.stop();
}

Result<storage::MigrationReport> App::open_database() {
  storage::OpenOptions options;
  options.url = config_.database.url;
  options.pool_size = config_.database.pool_size;
  options.sqlite_readers = config_.database.sqlite_readers;
  options.busy_timeout_ms = static_cast<int>(config_.database.busy_timeout.count());
  options.connect_timeout_s = static_cast<int>(config_.database.connect_timeout.count());
  options.statement_timeout_ms = static_cast<int>(config_.database.statement_timeout.count());
  auto db = storage::open(runtime_.io(), blocking_, options);
  if (!db) return std::move(db).error();
  db_ = std::move(*db);

  auto migrations = storage::load_migrations(embedded::migrations());
  if (!migrations) return std::move(migrations).error();
  auto report = block_on(storage::migrate(*db_, *migrations, clock_));
  if (!report) return report;
  auto instance = block_on(system::ensure_instance(*db_, random_, clock_));
  if (!instance) return std::move(instance).error();
  instance_id_ = *instance;
  if (auto r = build_services(); !r) return std::move(r).error();
  return report;
}

Result<void> App::build_services() {
  auto keys = crypto::KeyRing::load_or_create(config_.security.key_file);
  if (!keys) return std::move(keys).error();
  keys_ = std::make_unique<crypto::KeyRing>(std::move(*keys));
  audit_ = std::make_unique<audit::Log>(db_->engine(), clock_);
  outbox_ = std::make_unique<notify::Outbox>(clock_, random_, host_of(config_.http.public_url));
  const auto& n = config_.notify;
  if (n.email_transport == "smtp") {
    notify::SmtpOptions smtp;
    smtp.url = n.smtp_url;
    smtp.username = n.smtp_username;
    smtp.password = n.smtp_password;
    smtp.tls = n.smtp_tls == "none"       ? notify::SmtpOptions::Tls::none
               : n.smtp_tls == "starttls" ? notify::SmtpOptions::Tls::starttls
                                          : notify::SmtpOptions::Tls::required;
    email_ = std::make_unique<notify::SmtpEmailTransport>(smtp);
  } else {
    email_ = std::make_unique<notify::FileEmailTransport>(n.mailbox_dir);
  }
  if (n.sms_transport == "http") {
    sms_ = std::make_unique<notify::HttpSmsTransport>(
        notify::HttpSmsOptions{n.sms_url, n.sms_token, {}});
  } else {
    sms_ = std::make_unique<notify::FileSmsTransport>(n.sms_dir);
  }
  notify::CourierOptions courier;
  courier.from = n.from;
  courier.poll = n.poll_interval;
  courier.lease = std::chrono::duration_cast<std::chrono::seconds>(n.lease);
  courier_ = std::make_unique<notify::Courier>(*db_, blocking_, *email_, *sms_, clock_, courier);
  outbox_->on_wake([courier = courier_.get()] { courier->wake(); });
  limits_ = std::make_unique<auth::RateLimiter>(*db_, clock_, config_.limits);
  sessions_ = std::make_shared<auth::Sessions>(*db_, clock_, random_);
  // White-label partners (issue 19): their hosts answered from memory, loaded before the first
  // request and then every few seconds (docs/operator.md "Partners").
  partner_hosts_ = std::make_unique<partners::Hosts>(*db_);
  if (auto r = block_on(partner_hosts_->reload()); !r) return std::move(r).error();
  auto partner_of_host = [hosts = partner_hosts_.get()](std::string_view host) {
    return hosts->partner_of(host);
  };
  sign_in_policy_ = std::make_shared<Live<accounts::SignInPolicy>>(accounts::SignInPolicy{
      config_.security.strong_factor_roles, config_.security.password_min_length});
  accounts::Deps deps{*db_,
                      clock_,
                      random_,
                      blocking_,
                      *keys_,
                      *audit_,
                      *outbox_,
                      *limits_,
                      *sessions_,
                      config_.http.public_url,
                      {config_.security.argon2_ops, config_.security.argon2_memory},
                      sign_in_policy_,
                      partner_of_host};
  accounts_ = std::make_unique<accounts::Service>(deps);
  passkeys_ = std::make_unique<accounts::Passkeys>(deps);
  profiles_ = std::make_unique<accounts::Profiles>(deps);
  exports_ = std::make_unique<privacy::Export>(
      privacy::Deps{*db_, clock_, *keys_, *audit_, *accounts_, *profiles_});
  directory::IndexOptions index_options;
  index_options.video_window_start = config_.agenda.video_window_start;
  index_options.video_window_end = config_.agenda.video_window_end;
  index_options.refresh_interval = config_.directory.refresh_interval;
  index_ = std::make_unique<directory::Index>(*db_, clock_, index_options);
  directory_ = std::make_unique<directory::Service>(
      directory::Deps{*db_, clock_, random_, blocking_, *index_, hub_});
  practitioners_ = std::make_unique<practitioners::Service>(practitioners::Deps{
      *db_, clock_, random_, *outbox_, config_.http.public_url,
      [this](std::int64_t account) -> Task<Result<void>> {
        if (auto r = co_await directory_->ensure_profile(account); !r) co_return r;
        co_return co_await directory_->changed(account);
      },
      audit_.get(),
      [this](const practitioners::store::Practitioner& p) -> Task<Result<nlohmann::json>> {
        co_return co_await accounts_admin_->rpps_checks(p);
      }});
  if (auto r = build_payments(); !r) return r;
  booking::Options booking_options;
  booking_options.payment_window = config_.booking.payment_window;
  booking_options.no_show_grace = config_.booking.no_show_grace;
  booking_options.card_deadline = config_.booking.card_deadline;
  booking_options.hold_lead = config_.payments.hold_lead;
  booking_options.reminder_day_before = config_.booking.reminder_day_before;
  booking_options.reminder_hours_before = config_.booking.reminder_hours_before;
  booking_options.reminder_link = config_.booking.reminder_link;
  booking_ = std::make_unique<booking::Service>(
      booking::Deps{*db_, clock_, random_, *keys_, *audit_, *outbox_, *payments_, *index_,
                    config_.http.public_url, booking_options, partner_of_host});
  consultation::Options room;
  room.room_opens = config_.booking.room_opens;
  room.max_participants = config_.consultation.max_participants;
  room.file_max_size = config_.consultation.file_max_size;
  room.file_types = directory::split_list(config_.consultation.file_types);
  room.secure_cookies = secure_cookies(config_.http.public_url);
  consultation_ = std::make_unique<consultation::Service>(consultation::Deps{
      *db_, clock_, random_, *keys_, *audit_, hub_, blocking_, *booking_, room, limits_.get()});
  // Guests' names of rows older than V017 (issue 17), sealed now that the keys are loaded. Reads
  // still open a clear name, so a failure only waits for the next start-up.
  if (auto r = block_on(consultation_->seal_guest_names()); !r)
    log::warn("guests' names not sealed", {{"error", r.error().detail}});
  if (auto r = build_queue(); !r) return r;
  if (auto r = build_documents(); !r) return r;
  if (auto r = build_messaging(); !r) return r;
  if (auto r = build_health(); !r) return r;
  if (auto r = build_partners(host_of(config_.http.public_url)); !r) return r;
  if (auto r = build_accounts_admin(); !r) return r;
  stats_ =
      std::make_unique<stats::Service>(stats::Deps{*db_, clock_, *audit_, config_.stats.min_count});
  if (auto r = build_settings(); !r) return r;
  // Searches are answered from memory: the directory is loaded before the first request.
  if (auto r = block_on(index_->load_all()); !r) return std::move(r).error();
  log::info("directory loaded", {{"practitioners", index_->size()}});
  return ok();
}

Result<std::uint16_t> App::listen() {
  wire();
  http::ServerOptions options;
  options.host = config_.http.host;
  options.port = config_.http.port;
  options.header_limit = config_.http.header_limit;
  options.read_timeout = config_.http.read_timeout;
  options.idle_timeout = config_.http.idle_timeout;
  options.header_timeout = config_.http.header_timeout;
  options.shutdown_grace = config_.http.shutdown_grace;
  options.trust_forwarded = config_.http.trust_forwarded;
  options.websocket_max_message = config_.websocket.max_message;
  options.websocket_idle = config_.websocket.idle_timeout;
  options.websocket_max_queue = config_.websocket.max_queue;
  options.websocket_max_connections = config_.websocket.max_connections;
  server_ = std::make_unique<http::Server>(runtime_, dispatcher_, hub_, options);
  auto port = server_->listen();
  if (!port) return port;
  dispatcher_.origins().set_bound_port(*port);
  log::info("listening", {{"address", config_.http.host},
                          {"port", *port},
                          {"url", "http://" + config_.http.host + ":" + std::to_string(*port)},
                          {"database", storage::to_string(db_->engine())},
                          {"instance", instance_id_},
                          {"version", version_string()},
                          {"threads", runtime_.threads()}});
  log::flush();  // operators and test harnesses wait for this line
  return port;
}

void App::serve() {
  if (config_.notify.courier) courier_->start(runtime_.io());
  // Shutdown: connections drain first, then the courier finishes its pass, then the threads stop.
  index_->start(runtime_.io());
  partner_hosts_->start(runtime_.io());
  settings_->start(runtime_.io(), config_.settings.refresh_interval);
  if (config_.booking.jobs) {
    auto& passes = registry_.counter("cabinet_booking_job_passes_total",
                                     "Passes of the booking jobs (reminders, holds, no-shows).");
    booking_->start(runtime_.io(), config_.booking.jobs_interval, [&passes] { passes.add(); });
    queue_->start(runtime_.io(), config_.queue.sweep_interval);
  }
  server_->start([this] {
    queue_->stop([this] {
      booking_->stop([this] {
        courier_->stop([this] {
          index_->stop([this] {
            settings_->stop([this] { partner_hosts_->stop([this] { runtime_.stop(); }); });
          });
        });
      });
    });
  });
  runtime_.run();
  db_->close();
  log::info("stopped");
  log::flush();
}

void App::shutdown() {
  if (server_) server_->shutdown();
}

}  // namespace cabinet::app
