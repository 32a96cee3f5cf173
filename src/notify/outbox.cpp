#include "notify/outbox.hpp"

#include <boost/asio/io_context.hpp>

#include "core/log.hpp"
#include "notify/store.hpp"

namespace cabinet::notify {
namespace {

namespace asio = boost::asio;

}  // namespace

std::chrono::seconds backoff(int attempts) {
  const int shift = std::clamp(attempts - 1, 0, 8);
  return std::min(std::chrono::seconds(30 << shift), std::chrono::seconds(3600));
}

Task<Result<void>> Outbox::insert(storage::Transaction& tx, std::string_view channel,
                                  const std::string& to, const std::string& subject,
                                  const std::string& text, const std::string& html,
                                  const Attachment* attachment) {
  const auto non_empty = [](const std::string& v) {
    return v.empty() ? std::optional<std::string>() : std::optional<std::string>(v);
  };
  store::NewMessage m{"<" + random_base32(random_, 16) + "@" + domain_ + ">",
                      std::string(channel),
                      to,
                      non_empty(subject),
                      text,
                      non_empty(html),
                      clock_.unix_seconds(),
                      std::nullopt,
                      std::nullopt,
                      std::nullopt};
  if (attachment != nullptr) {
    m.attachment_name = attachment->filename;
    m.attachment_type = attachment->content_type;
    m.attachment_body = attachment->content;
  }
  co_return co_await store::insert_message(tx, m);
}

Task<Result<void>> Outbox::email(storage::Transaction& tx, const std::string& to,
                                 const Rendered& message) {
  co_return co_await insert(tx, "email", to, message.subject, message.text, message.html, nullptr);
}

Task<Result<void>> Outbox::email(storage::Transaction& tx, const std::string& to,
                                 const Rendered& message, const Attachment& attachment) {
  co_return co_await insert(tx, "email", to, message.subject, message.text, message.html,
                            &attachment);
}

Task<Result<void>> Outbox::sms(storage::Transaction& tx, const std::string& to,
                               const std::string& text) {
  co_return co_await insert(tx, "sms", to, "", text, "", nullptr);
}

Courier::Courier(storage::Database& db, BlockingPool& blocking, EmailTransport& email,
                 SmsTransport& sms, const Clock& clock, CourierOptions options)
    : db_(db),
      blocking_(blocking),
      email_(email),
      sms_(sms),
      clock_(clock),
      options_(std::move(options)) {}

Courier::~Courier() = default;

Task<Result<std::size_t>> Courier::deliver_due() {
  const auto now = clock_.unix_seconds();
  const auto batch = static_cast<std::int64_t>(options_.batch);
  auto due = co_await store::claim_due(db_, now, now + options_.lease.count(), batch);
  if (!due) co_return std::move(due).error();
  std::size_t delivered = 0;
  for (auto& message : *due) {
    const auto id = message.id;
    const auto attempts = message.attempts;
    Result<void> sent;
    if (message.channel == "email") {
      Email email{message.message_id, options_.from,     message.recipient, message.subject,
                  message.body_text,  message.body_html, message.created_at};
      if (message.attachment_name) {
        email.attachments.push_back({*message.attachment_name,
                                     message.attachment_type.value_or("application/octet-stream"),
                                     message.attachment_body.value_or("")});
      }
      sent = co_await blocking_.call([&] { return email_.send(email); });
    } else {
      Sms sms{message.message_id, message.recipient, message.body_text, message.created_at};
      sent = co_await blocking_.call([&] { return sms_.send(sms); });
    }
    const auto at = clock_.unix_seconds();
    Result<void> recorded;
    bool erases = true;  // delivered and abandoned messages lose their bodies; retries keep them
    if (sent) {
      ++delivered;
      recorded = co_await store::mark_delivered(db_, id, at);
    } else if (sent.error().code == ErrorCode::invalid_request ||
               attempts >= options_.max_attempts) {
      log::error("message abandoned", {{"message_id", message.message_id},
                                       {"channel", message.channel},
                                       {"attempts", attempts},
                                       {"error", sent.error().detail}});
      recorded = co_await store::mark_failed(db_, id, at, sent.error().detail);
    } else {
      log::warn("message delivery failed; will retry", {{"message_id", message.message_id},
                                                        {"attempts", attempts},
                                                        {"error", sent.error().detail}});
      erases = false;
      const auto next = at + backoff(static_cast<int>(attempts)).count();
      recorded = co_await store::schedule_retry(db_, id, next, sent.error().detail);
    }
    // If recording fails the lease expires and the message is sent again: at least once, with
    // a stable Message-ID so that receivers can tell.
    if (!recorded) log::warn("could not record a delivery", {{"error", recorded.error().detail}});
    if (recorded && erases) scrub_pending_ = true;
  }
  if (scrub_pending_) co_await scrub();
  co_return delivered;
}

// Delivered and abandoned messages have their bodies (links, login codes) erased. SQLite's
// secure_delete zeroes the freed bytes in the current pages, but the WAL still holds the
// pages as they were until a truncating checkpoint; one that readers kept from finishing
// (busy) is tried again on the next pass. PostgreSQL's own storage is the server's to manage.
Task<void> Courier::scrub() {
  if (db_.engine() != storage::Engine::sqlite) {
    scrub_pending_ = false;
    co_return;
  }
  auto r = co_await db_.query("PRAGMA wal_checkpoint(TRUNCATE)");
  if (!r) {
    log::warn("checkpoint failed", {{"error", r.error().detail}});
    co_return;
  }
  scrub_pending_ = r->empty() || r->row(0).integer(0) != 0;
}

void Courier::start(asio::io_context& io) {
  loop_.start(io, options_.poll, "outbox pass", [this]() -> Task<bool> {
    auto r = co_await deliver_due();
    if (!r) log::warn("outbox pass failed", {{"error", r.error().detail}});
    // A full batch means more are waiting: go again without sleeping.
    co_return r&&* r == options_.batch;
  });
}

void Courier::wake() { loop_.wake(); }

void Courier::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::notify
