#include "notify/store.hpp"

#include "storage/query.hpp"

namespace cabinet::notify::store {
namespace {

using storage::Params;

constexpr std::string_view kInsertMessage =
    "INSERT INTO outbox (message_id, channel, recipient, subject, body_text, body_html, created_at,"
    " next_attempt_at, attachment_name, attachment_type, attachment_body)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)";
// The repeated conditions in the outer WHERE matter on PostgreSQL: when two nodes race, the
// loser re-checks them against the row the winner just leased and skips it.
constexpr std::string_view kClaimDue =
    "UPDATE outbox SET lease_until = $1, attempts = attempts + 1 WHERE id IN ("
    " SELECT id FROM outbox WHERE delivered_at IS NULL AND failed_at IS NULL"
    " AND next_attempt_at <= $2 AND (lease_until IS NULL OR lease_until < $2)"
    " ORDER BY id LIMIT $3)"
    " AND delivered_at IS NULL AND failed_at IS NULL AND (lease_until IS NULL OR lease_until < $2)"
    " RETURNING id, message_id, channel, recipient, subject, body_text, body_html, created_at,"
    " attempts, attachment_name, attachment_type, attachment_body";
constexpr std::string_view kMarkDelivered =
    "UPDATE outbox SET delivered_at = $1, lease_until = NULL, last_error = NULL, body_text = '',"
    " body_html = NULL, attachment_body = NULL WHERE id = $2";
constexpr std::string_view kScheduleRetry =
    "UPDATE outbox SET next_attempt_at = $1, lease_until = NULL, last_error = $2 WHERE id = $3";
constexpr std::string_view kMarkFailed =
    "UPDATE outbox SET failed_at = $1, lease_until = NULL, last_error = $2, body_text = '',"
    " body_html = NULL, attachment_body = NULL WHERE id = $3";

DueMessage due_from(const storage::Row& r) {
  DueMessage m;
  m.id = r.integer(0);
  m.message_id = r.text(1);
  m.channel = r.text(2);
  m.recipient = r.text(3);
  m.subject = r.opt_text(4).value_or("");
  m.body_text = r.text(5);
  m.body_html = r.opt_text(6).value_or("");
  m.created_at = r.integer(7);
  m.attempts = r.integer(8);
  m.attachment_name = r.opt_text(9);
  m.attachment_type = r.opt_text(10);
  m.attachment_body = r.opt_text(11);
  return m;
}

}  // namespace

Task<Result<void>> insert_message(Transaction& tx, const NewMessage& m) {
  Params params{m.message_id,
                m.channel,
                m.recipient,
                storage::optional(m.subject),
                m.body_text,
                storage::optional(m.body_html),
                m.created_at,
                storage::optional(m.attachment_name),
                storage::optional(m.attachment_type),
                storage::optional(m.attachment_body)};
  co_return co_await storage::run(tx, kInsertMessage, std::move(params));
}

Task<Result<std::vector<DueMessage>>> claim_due(Executor& db, std::int64_t now,
                                                std::int64_t lease_until, std::int64_t batch) {
  Params params{lease_until, now, batch};
  co_return co_await storage::all(db, kClaimDue, std::move(params), due_from);
}

Task<Result<void>> mark_delivered(Executor& db, std::int64_t id, std::int64_t at) {
  Params params{at, id};
  co_return co_await storage::run(db, kMarkDelivered, std::move(params));
}

Task<Result<void>> schedule_retry(Executor& db, std::int64_t id, std::int64_t next_attempt_at,
                                  const std::string& error) {
  Params params{next_attempt_at, error, id};
  co_return co_await storage::run(db, kScheduleRetry, std::move(params));
}

Task<Result<void>> mark_failed(Executor& db, std::int64_t id, std::int64_t at,
                               const std::string& error) {
  Params params{at, error, id};
  co_return co_await storage::run(db, kMarkFailed, std::move(params));
}

}  // namespace cabinet::notify::store
