#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "auth/limits.hpp"
#include "core/log.hpp"
#include "core/principal.hpp"
#include "core/result.hpp"

namespace cabinet::app {

struct Config {
  struct Http {
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080;
    std::size_t threads = 0;  // 0: one per core
    std::string public_url = "http://localhost:8080";
    std::vector<std::string> allowed_origins;  // besides public_url's (normalized)
    std::size_t body_limit = 1024UL * 1024;
    std::size_t header_limit = 16UL * 1024;
    std::chrono::seconds read_timeout{30};
    std::chrono::seconds idle_timeout{75};
    std::chrono::seconds header_timeout{10};
    std::chrono::seconds shutdown_grace{10};
    bool trust_forwarded = false;
  } http;
  struct Web {
    std::string root = "web/dist";
  } web;
  struct Database {
    std::string url = "sqlite:var/cabinet.db";
    std::size_t pool_size = 8;
    std::size_t sqlite_readers = 4;
    std::chrono::milliseconds busy_timeout{5000};
    std::chrono::seconds connect_timeout{3};
    std::chrono::milliseconds statement_timeout{30000};
  } database;
  struct WebSocket {
    std::size_t max_message = 64UL * 1024;
    std::chrono::seconds idle_timeout{30};
    std::size_t max_queue = 256;
    std::size_t max_connections = 10000;
  } websocket;
  struct Log {
    log::Level level = log::Level::info;
    bool access = true;
    std::string file;
  } log;
  struct Metrics {
    std::string token;
  } metrics;
  struct Security {
    std::string key_file = "var/keys/data.key";
    std::string signing_key_file = "var/keys/signing.key";
    std::size_t argon2_memory = 64UL * 1024 * 1024;
    std::size_t argon2_ops = 2;
    // Roles that must sign in with a passkey or an authenticator app (docs/security.md).
    std::vector<Role> strong_factor_roles;
    std::size_t password_min_length = 12;  // ACC2: never fewer than 12
  } security;
  // The settings the operator changes without a restart (docs/operator.md "Settings").
  struct Settings {
    std::chrono::milliseconds refresh_interval{2000};  // how often a node looks for changes
  } settings;
  struct Notify {
    std::string from = "Cabinet <no-reply@localhost>";
    std::string email_transport = "file";  // or "smtp"
    std::string mailbox_dir = "var/mailbox";
    std::string smtp_url;
    std::string smtp_username;
    std::string smtp_password;
    std::string smtp_tls = "required";   // "starttls" or "none" (a relay on this machine)
    std::string sms_transport = "file";  // or "http"
    std::string sms_dir = "var/sms";
    std::string sms_url;
    std::string sms_token;
    std::chrono::milliseconds poll_interval{1000};
    // A message claimed by a node that died is sent again after this: longer than any send.
    std::chrono::milliseconds lease{120000};
    bool courier = true;  // run the delivery job on this node
  } notify;
  struct Agenda {
    // The platform's teleconsultation window (AGD3), local time of each practitioner, every day.
    int video_window_start = 7 * 60;
    int video_window_end = 24 * 60;
  } agenda;
  struct Directory {
    std::chrono::milliseconds refresh_interval{1000};
  } directory;
  struct Booking {
    std::chrono::seconds payment_window{600};  // a slot held while the patient pays (BKG7)
    std::chrono::seconds no_show_grace{1800};  // after the end, not started → no_show (BKG6)
    std::chrono::seconds card_deadline{7200};  // no hold this long before the start → cancelled
    std::chrono::milliseconds jobs_interval{5000};
    std::chrono::seconds room_opens{600};  // the waiting room opens this long before the start
    bool jobs = true;  // run reminders, deferred holds, no-shows and reconciliation here
    // The reminders' schedule: how long before the start each one goes out.
    std::chrono::seconds reminder_day_before{24 * 3600};
    std::chrono::seconds reminder_hours_before{3 * 3600};
    std::chrono::seconds reminder_link{10 * 60};  // the SMS with the link to the room (video)
  } booking;
  // Immediate teleconsultation (docs/queue.md): which specialties have a queue, its hours and
  // money, and how long a place is kept.
  struct Queue {
    std::string specialties = "general_medicine";  // comma-separated codes
    int hours_start_min = 7 * 60;                  // Paris time (AGD3)
    int hours_end_min = 24 * 60;
    int fee_cents = 500;  // PAY3; 0 allowed
    int price_cents = 0;  // 0: the convention's video tariff of the specialty
    std::chrono::seconds grace{120};
    std::chrono::seconds answer_window{180};
    std::chrono::seconds near_priority{600};
    int near_km = 30;
    std::chrono::milliseconds sweep_interval{5000};
  } queue;
  // The operator's statistics (ADM2): counts below this, and values computed on fewer items,
  // are not shown, so that no patient can be singled out.
  struct Stats {
    int min_count = 5;
  } stats;
  struct Consultation {
    // Files shared in the room (ROOM5): the largest accepted, and the types accepted as
    // libmagic names them (comma-separated).
    std::size_t file_max_size = 5UL * 1024 * 1024;
    std::string file_types = "image/jpeg,image/png";
    std::size_t max_participants = 4;  // the video mesh's limit, guests included
  } consultation;
  struct Health {
    // The patient's own files (docs/health-space.md): the largest accepted, and the types
    // accepted as libmagic names them (comma-separated).
    std::size_t file_max_size = 5UL * 1024 * 1024;
    std::string file_types = "image/jpeg,image/png,application/pdf,text/rtf,image/tiff,text/plain";
  } health;
  struct Ice {
    std::string stun_urls;  // comma-separated
    std::string turn_urls;  // comma-separated
    std::string turn_secret;
    std::chrono::milliseconds turn_ttl{3600 * 1000};
  } ice;
  struct Payments {
    std::string provider = "sandbox";               // or "stripe"
    std::chrono::seconds hold_lead{5 * 24 * 3600};  // holds are placed this long before the start
    std::string stripe_url = "https://api.stripe.com";
    std::string stripe_secret_key;
  } payments;
  // The national teleservices behind the documents (docs/teleservices.md): the built-in
  // stand-in until the operator is accredited, then the HTTP adapter.
  struct Teleservice {
    std::string provider = "standin";  // or "http"
    std::string url;
    std::string token;
    std::string client_cert;
    std::string client_key;
  };
  struct Documents {
    Teleservice eprescription;
    Teleservice sick_leave;
    Teleservice care_sheet;
    Teleservice secure_mail;
  } documents;
  auth::Limits limits;  // rate limits and lockouts (docs/security.md, "Shared networks")
  std::size_t blocking_threads = 0;  // 0: twice the cores, at least 4
  std::string mode = "production";   // or "development"
  struct Dev {
    // Development only: the server's clock runs this far from the real one (test instants).
    std::chrono::seconds clock_offset{0};
  } dev;
};

// One configuration key: its dotted name (TOML "section.key"), default, help, and how to set
// it from text. The table drives the TOML reader, the CABINET_* environment overrides,
// --set, --help and docs/configuration.md, so none of them can drift.
struct KeyInfo {
  std::string name;
  std::string default_value;
  std::string help;
  std::function<Result<void>(Config&, const std::string&)> set;
  // The value as text, as `set` reads it; given for the keys the operator may change while the
  // server runs (settings/catalog.cpp), empty for the others.
  std::function<std::string(const Config&)> get = {};
};

const std::vector<KeyInfo>& keys();
// "http.body_limit" -> "CABINET_HTTP_BODY_LIMIT"
std::string env_name(const std::string& key);

// Builds the configuration: defaults, then the TOML file (when given), then CABINET_*
// environment variables, then --set overrides. Unknown keys and bad values are errors that
// name the key; nothing is silently ignored.
Result<Config> load(const std::string& toml_path,
                    const std::map<std::string, std::string>& overrides,
                    const std::function<const char*(const char*)>& getenv);

// The defaults and a TOML document given as text (`source` names it in errors), without the
// environment: for checking a file's content, and for fuzz/config.cpp (an error, never a crash).
Result<Config> load_text(std::string_view toml_text, const std::string& source);

// Checks that need several keys (a transport and its address…); load() calls it.
Result<void> check(const Config& config);

// The key table as Markdown (docs/configuration.md) and as plain text (--help).
std::string keys_markdown();
std::string keys_text();

}  // namespace cabinet::app
