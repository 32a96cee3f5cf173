// The configuration keys (docs/configuration.md): each one's name, default, help and how its text
// is parsed into Config. The value parsers are in config_values.cpp; loading the keys from TOML,
// the environment and --set is in config.cpp.
#include <charconv>

#include "agenda/local_time.hpp"
#include "app/config.hpp"
#include "app/config_values.hpp"

namespace cabinet::app {
namespace {

using config_values::bad;
using config_values::bounded;
using config_values::count;
using config_values::duration;
using config_values::flag;
using config_values::parse_duration;
using config_values::parse_media_types;
using config_values::parse_uint;
using config_values::size;
using config_values::text;

// "HH:MM-HH:MM", minutes of the day (the end may be 24:00), the start before the end.
Result<std::pair<int, int>> parse_window(const std::string& v) {
  const auto dash = v.find('-');
  if (dash == std::string::npos) return bad("must be HH:MM-HH:MM with the start before the end");
  const auto start = agenda::parse_hhmm(std::string_view(v).substr(0, dash));
  const auto end = agenda::parse_hhmm(std::string_view(v).substr(dash + 1));
  if (!start || !end || *start >= *end)
    return bad("must be HH:MM-HH:MM with the start before the end");
  return std::pair<int, int>{*start, *end};
}

std::vector<KeyInfo> make_keys() {
  using C = Config;
  std::vector<KeyInfo> k;
  k.push_back(
      {"mode", "production",
       R"("production" or "development" (development adds tools such as the local mailbox page))",
       [](C& c, const std::string& v) -> Result<void> {
         if (v != "production" && v != "development")
           return bad("must be production or development");
         c.mode = v;
         return ok();
       }});
  k.push_back(
      {"blocking_threads", "0",
       "threads for blocking work (SQLite, password hashing, PDF); 0 = twice the cores, at least 4",
       [](C& c, const std::string& v) -> Result<void> {
         auto n = parse_uint(v);
         if (!n || *n > 256) return bad("must be between 0 and 256");
         c.blocking_threads = *n;
         return ok();
       }});
  config_values::add_server_keys(k);
  k.push_back({"log.level", "info", "debug, info, warn or error",
               [](C& c, const std::string& v) -> Result<void> {
                 auto l = log::parse_level(v);
                 if (!l) return bad("must be debug, info, warn or error");
                 c.log.level = *l;
                 return ok();
               }});
  k.push_back(
      {"log.access", "true", "one JSON line per HTTP request", flag(&C::log, &C::Log::access)});
  k.push_back({"log.file", "", "write logs to this file instead of standard output",
               text(&C::log, &C::Log::file)});
  k.push_back(
      {"security.key_file", "var/keys/data.key",
       "file of the data keys that seal health data (created at the first start; keep it out of "
       "database backups and share it between nodes)",
       text(&C::security, &C::Security::key_file)});
  k.push_back({"security.signing_key_file", "var/keys/signing.key",
               "the platform's Ed25519 key that signs prescriptions for the pharmacist's check "
               "(created at the first start; share it between nodes)",
               text(&C::security, &C::Security::signing_key_file)});
  k.push_back({"security.argon2_memory", "64MiB", "memory of each Argon2id password hash",
               size(&C::security, &C::Security::argon2_memory)});
  k.push_back({"security.argon2_ops", "2", "passes of each Argon2id password hash",
               count(&C::security, &C::Security::argon2_ops, 1, 20)});
  k.push_back({"notify.from", "Cabinet <no-reply@localhost>", "sender of emails",
               text(&C::notify, &C::Notify::from)});
  k.push_back({"notify.email_transport", "file",
               "\"file\" (one .eml per message in notify.mailbox_dir) or \"smtp\"",
               [](C& c, const std::string& v) -> Result<void> {
                 if (v != "file" && v != "smtp") return bad("must be file or smtp");
                 c.notify.email_transport = v;
                 return ok();
               }});
  k.push_back({"notify.mailbox_dir", "var/mailbox", "directory of the file email transport",
               text(&C::notify, &C::Notify::mailbox_dir)});
  k.push_back({"notify.smtp_url", "", "smtp://host:587 (STARTTLS) or smtps://host:465",
               text(&C::notify, &C::Notify::smtp_url)});
  k.push_back({"notify.smtp_username", "", "SMTP login; empty: no authentication",
               text(&C::notify, &C::Notify::smtp_username)});
  k.push_back(
      {"notify.smtp_password", "", "SMTP password", text(&C::notify, &C::Notify::smtp_password)});
  k.push_back({"notify.smtp_tls", "required",
               "\"required\", \"starttls\" (if offered; open to downgrade) or \"none\" (a relay on "
               "this machine)",
               [](C& c, const std::string& v) -> Result<void> {
                 if (v != "required" && v != "starttls" && v != "none")
                   return bad("must be required, starttls or none");
                 c.notify.smtp_tls = v;
                 return ok();
               }});
  k.push_back({"notify.sms_transport", "file",
               "\"file\" (JSON files in notify.sms_dir) or \"http\" (a gateway)",
               [](C& c, const std::string& v) -> Result<void> {
                 if (v != "file" && v != "http") return bad("must be file or http");
                 c.notify.sms_transport = v;
                 return ok();
               }});
  k.push_back({"notify.sms_dir", "var/sms", "directory of the file SMS transport",
               text(&C::notify, &C::Notify::sms_dir)});
  k.push_back({"notify.sms_url", "",
               "the SMS gateway's endpoint; messages are POSTed as JSON {to, text, message_id}",
               text(&C::notify, &C::Notify::sms_url)});
  k.push_back({"notify.sms_token", "", "bearer token for the SMS gateway",
               text(&C::notify, &C::Notify::sms_token)});
  k.push_back({"notify.poll_interval", "1s", "how often the outbox is checked for due messages",
               duration(&C::notify, &C::Notify::poll_interval)});
  k.push_back({"notify.lease", "2m",
               "a message being sent is claimed this long; one claimed by a node that stopped "
               "is sent again after it (keep it longer than any send)",
               duration(&C::notify, &C::Notify::lease)});
  k.push_back(
      {"notify.courier", "true",
       "deliver queued messages from this node; with several nodes any number may (each message is "
       "leased), false keeps a node from sending",
       flag(&C::notify, &C::Notify::courier)});
  k.push_back({"agenda.video_window", "07:00-24:00",
               "the platform's teleconsultation hours (AGD3), in each practitioner's local time, "
               "every day: no video slot outside them",
               [](C& c, const std::string& v) -> Result<void> {
                 auto w = parse_window(v);
                 if (!w) return w.error();
                 c.agenda.video_window_start = w->first;
                 c.agenda.video_window_end = w->second;
                 return ok();
               }});
  k.push_back({"directory.refresh_interval", "1s",
               "how often a node applies directory changes made on other nodes",
               duration(&C::directory, &C::Directory::refresh_interval)});
  k.push_back({"booking.payment_window", "10m",
               "how long a slot stays held for a patient who is entering their card (BKG7)",
               duration(&C::booking, &C::Booking::payment_window)});
  k.push_back({"booking.room_opens", "10m",
               "patients may enter the waiting room this long before their teleconsultation",
               duration(&C::booking, &C::Booking::room_opens)});
  k.push_back({"booking.no_show_grace", "30m",
               "an appointment whose consultation has not started this long after its end "
               "becomes a no-show; its hold is voided (BKG6)",
               duration(&C::booking, &C::Booking::no_show_grace)});
  k.push_back({"booking.card_deadline", "2h",
               "an appointment still without a card hold this long before its start is "
               "cancelled and its slot freed",
               duration(&C::booking, &C::Booking::card_deadline)});
  k.push_back({"booking.jobs_interval", "5s",
               "how often reminders, deferred holds, no-shows, abandoned payments and "
               "reconciliation are looked at",
               duration(&C::booking, &C::Booking::jobs_interval)});
  k.push_back({"booking.reminder_day_before", "24h",
               "the first reminder (email and SMS, \"demain\") goes out this long before the "
               "appointment: 12h to 36h",
               bounded(&C::booking, &C::Booking::reminder_day_before, std::chrono::hours(12),
                       std::chrono::hours(36))});
  k.push_back({"booking.reminder_hours_before", "3h",
               "the second reminder (email, \"aujourd'hui\") goes out this long before the "
               "appointment: 1h to 8h",
               bounded(&C::booking, &C::Booking::reminder_hours_before, std::chrono::hours(1),
                       std::chrono::hours(8))});
  k.push_back({"booking.reminder_link", "10m",
               "the SMS with the link to the video room goes out this long before the "
               "appointment: 1m to 1h",
               bounded(&C::booking, &C::Booking::reminder_link, std::chrono::minutes(1),
                       std::chrono::hours(1))});
  k.push_back({"booking.jobs", "true",
               "run the booking jobs on this node; with several nodes any number may (each job "
               "is leased)",
               flag(&C::booking, &C::Booking::jobs)});
  k.push_back({"queue.specialties", "general_medicine",
               "the specialties with an immediate-consultation queue, comma-separated codes of "
               "data/specialties.json (empty: no queue)",
               [](C& c, const std::string& v) -> Result<void> {
                 c.queue.specialties = v;
                 return ok();
               }});
  k.push_back({"queue.hours", "07:00-24:00",
               "the immediate-consultation queues' hours, Paris time, every day (AGD3): nobody "
               "joins outside them",
               [](C& c, const std::string& v) -> Result<void> {
                 auto w = parse_window(v);
                 if (!w) return w.error();
                 c.queue.hours_start_min = w->first;
                 c.queue.hours_end_min = w->second;
                 return ok();
               }});
  k.push_back({"queue.fee_cents", "500",
               "the immediate consultation's service fee in cents (PAY3: shown apart, never "
               "reimbursed, waived with the CSS or an ALD; 0 for none)",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n > 5000) return bad("expected 0 to 5000");
                 c.queue.fee_cents = static_cast<int>(*n);
                 return ok();
               }});
  k.push_back({"queue.price_cents", "0",
               "the consultation's price in an immediate queue, in cents; 0: the convention's "
               "video tariff of the specialty (TCG 25 € for general medicine)",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n > 100000) return bad("expected 0 to 100000");
                 c.queue.price_cents = static_cast<int>(*n);
                 return ok();
               }});
  k.push_back({"queue.grace", "2m",
               "a patient whose waiting page is gone this long (closed, phone asleep without "
               "coming back) loses the place; the hold is voided",
               duration(&C::queue, &C::Queue::grace)});
  k.push_back({"queue.answer_window", "3m",
               "a called patient who has not entered the room by then is skipped once, then "
               "removed (never charged)",
               duration(&C::queue, &C::Queue::answer_window)});
  k.push_back(
      {"queue.near_priority", "10m",
       "how long a waiting patient is kept for the practitioners near them (territoriality: "
       "their consultation stays reimbursable) before anyone on duty may take them",
       duration(&C::queue, &C::Queue::near_priority)});
  k.push_back({"queue.near_km", "30",
               "a practitioner within this distance of the patient's commune (or in the same "
               "département) is near them",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n < 1 || *n > 1000) return bad("expected 1 to 1000");
                 c.queue.near_km = static_cast<int>(*n);
                 return ok();
               }});
  k.push_back({"queue.sweep_interval", "5s",
               "how often places of pages gone and unanswered calls are looked at",
               duration(&C::queue, &C::Queue::sweep_interval)});
  k.push_back({"stats.min_count", "5",
               "the operator's statistics hide counts below this (and medians, shares computed "
               "on fewer items) so that no patient can be singled out",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n < 1 || *n > 100) return bad("expected 1 to 100");
                 c.stats.min_count = static_cast<int>(*n);
                 return ok();
               }});
  k.push_back({"payments.provider", "sandbox",
               "\"sandbox\" (test cards, no money moves) or \"stripe\" (manual-capture payment "
               "intents)",
               [](C& c, const std::string& v) -> Result<void> {
                 if (v != "sandbox" && v != "stripe") return bad("must be sandbox or stripe");
                 c.payments.provider = v;
                 return ok();
               }});
  k.push_back({"payments.hold_lead", "5d",
               "card holds are placed this long before the appointment (processors drop them "
               "after about 7 days); booked later than that, at once",
               [](C& c, const std::string& v) -> Result<void> {
                 // Days are the natural unit here; the other units still work.
                 std::string text = v;
                 std::int64_t factor = 1;
                 if (!text.empty() && text.back() == 'd') {
                   text.pop_back();
                   text += "h";
                   factor = 24;
                 }
                 auto d = parse_duration(text);
                 if (!d) return d.error();
                 const auto seconds =
                     std::chrono::duration_cast<std::chrono::seconds>(*d).count() * factor;
                 if (seconds <= 0 || seconds > 6 * 24 * 3600)
                   return bad("must be more than 0 and at most 6 days");
                 c.payments.hold_lead = std::chrono::seconds(seconds);
                 return ok();
               }});
  k.push_back({"payments.stripe_url", "https://api.stripe.com",
               "base URL of the Stripe API (a stand-in in tests)",
               text(&C::payments, &C::Payments::stripe_url)});
  k.push_back({"payments.stripe_secret_key", "", "Stripe secret key (sk_live_… or sk_test_…)",
               text(&C::payments, &C::Payments::stripe_secret_key)});
  k.push_back({"consultation.file_max_size", "5MiB",
               "the largest file shared in a consultation (at most 20MiB); images are checked "
               "and re-encoded in memory",
               size(&C::consultation, &C::Consultation::file_max_size)});
  k.push_back({"consultation.max_participants", "4",
               "the most people in one video consultation (2 to 4: each browser sends its "
               "video to every other one); guests may be invited to the places left after the "
               "practitioner and the patient",
               [](C& c, const std::string& v) -> Result<void> {
                 auto n = parse_uint(v);
                 if (!n || *n < 2 || *n > 4) return bad("expected 2, 3 or 4");
                 c.consultation.max_participants = *n;
                 return ok();
               }});
  k.push_back({"consultation.file_types", "image/jpeg,image/png",
               "the types of file accepted in a consultation, as their content shows them, "
               "comma-separated (add application/pdf, image/webp, image/tiff, text/plain…); "
               "images are re-encoded without their metadata, other types kept as sent",
               [](C& c, const std::string& v) -> Result<void> {
                 auto list = parse_media_types(v);
                 if (!list) return list.error();
                 c.consultation.file_types = *list;
                 return ok();
               }});
  k.push_back({"health.file_max_size", "5MiB",
               "the largest file a patient adds to their health space (at most 20MiB); images "
               "are re-encoded and PDFs rewritten in memory",
               size(&C::health, &C::Health::file_max_size)});
  k.push_back({"health.file_types",
               "image/jpeg,image/png,application/pdf,text/rtf,image/tiff,text/plain",
               "the types of file a patient may add to their health space, as their content "
               "shows them, comma-separated: images re-encoded without metadata, PDFs rewritten "
               "and refused with active content, RTF without embedded objects, UTF-8 text",
               [](C& c, const std::string& v) -> Result<void> {
                 auto list = parse_media_types(v);
                 if (!list) return list.error();
                 c.health.file_types = *list;
                 return ok();
               }});
  k.push_back({"ice.stun_urls", "",
               "STUN servers for the video calls, comma-separated (stun:turn.example.fr:3478)",
               text(&C::ice, &C::Ice::stun_urls)});
  k.push_back({"ice.turn_urls", "",
               "TURN servers, comma-separated (turn:turn.example.fr:3478?transport=udp,"
               "turns:turn.example.fr:5349?transport=tcp); see docs/deploy.md",
               text(&C::ice, &C::Ice::turn_urls)});
  k.push_back({"ice.turn_secret", "",
               "the TURN server's shared secret (coturn static-auth-secret): credentials are "
               "derived from it per user",
               text(&C::ice, &C::Ice::turn_secret)});
  k.push_back({"ice.turn_ttl", "1h", "how long a TURN credential is valid (at most 1h)",
               duration(&C::ice, &C::Ice::turn_ttl)});
  k.push_back(
      {"metrics.token", "",
       "when set, GET /metrics and /api/v1/version require \"Authorization: Bearer <token>\"; when "
       "empty they answer only this machine (loopback, not through a proxy)",
       text(&C::metrics, &C::Metrics::token)});
  k.push_back(
      {"dev.clock_offset", "0",
       "development only: seconds (signed) added to the real clock, so that the server runs as "
       "at another instant (the e2e suite's simulated instants); refused in production",
       [](C& c, const std::string& v) -> Result<void> {
         std::int64_t n = 0;
         auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
         // Ten years either way is plenty for a test instant, and keeps time_point arithmetic
         // far from overflow.
         if (ec != std::errc{} || end != v.data() + v.size() || n > 315'576'000 || n < -315'576'000)
           return bad("expected whole seconds, at most ten years either way");
         c.dev.clock_offset = std::chrono::seconds(n);
         return ok();
       }});
  k.push_back({"settings.refresh_interval", "2s",
               "how often a node looks for settings the operator changed on another node (one "
               "small query); at most 5s so that a change reaches every node within 5 seconds",
               bounded(&C::settings, &C::Settings::refresh_interval, std::chrono::milliseconds(100),
                       std::chrono::seconds(5))});
  config_values::add_documents_keys(k);
  config_values::add_limits_keys(k);
  config_values::add_security_keys(k);
  return k;
}

}  // namespace

const std::vector<KeyInfo>& keys() {
  static const std::vector<KeyInfo> kKeys = make_keys();
  return kKeys;
}

}  // namespace cabinet::app
