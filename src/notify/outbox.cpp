#include "notify/outbox.hpp"

#include <boost/asio/io_context.hpp>

#include "core/log.hpp"

namespace cabinet::notify {
namespace {

namespace asio = boost::asio;

constexpr std::string_view kInsert =
    "INSERT INTO outbox (message_id, channel, recipient, subject, body_text, body_html, created_at,"
    " next_attempt_at, attachment_name, attachment_type, attachment_body)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)";
// The repeated conditions in the outer WHERE matter on PostgreSQL: when two nodes race, the
// loser re-checks them against the row the winner just leased and skips it.
constexpr std::string_view kClaim =
    "UPDATE outbox SET lease_until = $1, attempts = attempts + 1 WHERE id IN ("
    " SELECT id FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL"
    " AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)"
    " ORDER BY id LIMIT $3)"
    " AND delivered_at IS NULL AND failed_at IS NULL AND (lease_until IS NULL OR lease_until < $2)"
    " RETURNING id, message_id, channel, recipient, subject, body_text, body_html, created_at,"
    " attempts, attachment_name, attachment_type, attachment_body";
constexpr std::string_view kDelivered =
    "UPDATE outbox SET delivered_at = $1, lease_until = NULL, last_error = NULL, body_text = '',"
    " body_html = NULL, attachment_body = NULL WHERE id = $2";
constexpr std::string_view kRetry =
    "UPDATE outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3";
constexpr std::string_view kFailed =
    "UPDATE outbox SET failed_at = $1, lease_until = NULL, last_error = $2, body_text = '',"
    " body_html = NULL, attachment_body = NULL WHERE id = $3";

}  // namespace

std::chrono::seconds backoff(int attempts) {
  const int shift = std::clamp(attempts - 1, 0, 8);
  return std::min(std::chrono::seconds(30 << shift), std::chrono::seconds(3600));
}

Task<Result<void>> Outbox::insert(storage::Transaction& tx, std::string_view channel,
                                  const std::string& to, const std::string& subject,
                                  const std::string& text, const std::string& html,
                                  const Attachment* attachment) {
  const auto opt = [](const std::string* v) {
    return v == nullptr ? storage::Value(nullptr) : storage::Value(*v);
  };
  storage::Params params{"<" + random_base32(random_, 16) + "@" + domain_ + ">",
                         std::string(channel),
                         to,
                         subject.empty() ? storage::Value(nullptr) : storage::Value(subject),
                         text,
                         html.empty() ? storage::Value(nullptr) : storage::Value(html),
                         clock_.unix_seconds(),
                         opt(attachment ? &attachment->filename : nullptr),
                         opt(attachment ? &attachment->content_type : nullptr),
                         opt(attachment ? &attachment->content : nullptr)};
  auto r = co_await tx.query(kInsert, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
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
  storage::Params claim{now + options_.lease.count(), now,
                        static_cast<std::int64_t>(options_.batch)};
  auto due = co_await db_.query(kClaim, std::move(claim));
  if (!due) co_return std::move(due).error();
  std::size_t delivered = 0;
  for (std::size_t i = 0; i < due->size(); ++i) {
    const auto row = due->row(i);
    const auto id = row.integer(0);
    const auto attempts = row.integer(8);
    Result<void> sent;
    if (row.text(2) == "email") {
      Email email{row.text(1),   options_.from,
                  row.text(3),   row.opt_text(4).value_or(""),
                  row.text(5),   row.opt_text(6).value_or(""),
                  row.integer(7)};
      if (auto name = row.opt_text(9)) {
        email.attachments.push_back({*name, row.opt_text(10).value_or("application/octet-stream"),
                                     row.opt_text(11).value_or("")});
      }
      sent = co_await blocking_.call([&] { return email_.send(email); });
    } else {
      Sms sms{row.text(1), row.text(3), row.text(5), row.integer(7)};
      sent = co_await blocking_.call([&] { return sms_.send(sms); });
    }
    const auto at = clock_.unix_seconds();
    Result<storage::QueryResult> recorded = storage::QueryResult{};
    if (sent) {
      ++delivered;
      storage::Params p{at, id};
      recorded = co_await db_.query(kDelivered, std::move(p));
    } else if (sent.error().code == ErrorCode::invalid_request ||
               attempts >= options_.max_attempts) {
      log::error("message abandoned", {{"message_id", row.text(1)},
                                       {"channel", row.text(2)},
                                       {"attempts", attempts},
                                       {"error", sent.error().detail}});
      storage::Params p{at, sent.error().detail, id};
      recorded = co_await db_.query(kFailed, std::move(p));
    } else {
      log::warn(
          "message delivery failed; will retry",
          {{"message_id", row.text(1)}, {"attempts", attempts}, {"error", sent.error().detail}});
      storage::Params p{at + backoff(static_cast<int>(attempts)).count(), sent.error().detail, id};
      recorded = co_await db_.query(kRetry, std::move(p));
    }
    // If recording fails the lease expires and the message is sent again: at least once, with
    // a stable Message-ID so that receivers can tell.
    if (!recorded) log::warn("could not record a delivery", {{"error", recorded.error().detail}});
  }
  co_return delivered;
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
