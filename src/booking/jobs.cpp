// The booking jobs (docs/booking.md "Reminders and no-shows"): abandoned payments expire,
// reminders go out once, deferred holds are placed, no-shows are closed, and reconciliation
// voids every hold without a live appointment. Any number of nodes may run them: jobs are
// leased, and each one's effect commits with its "done".

#include "booking/internal.hpp"
#include "booking/ledger_store.hpp"
#include "core/log.hpp"
#include "notify/outbox.hpp"
#include "payments/provider.hpp"

namespace cabinet::booking {
namespace {

constexpr std::size_t kBatch = 100;
constexpr std::int64_t kLease = 120;
constexpr std::int64_t kRetry = 6 * 3600;  // a refused deferred hold is tried again
constexpr std::int64_t kStale = 120;       // an authorization unanswered this long is orphaned
constexpr std::int64_t kAnswerLifetime = 86400;  // idempotency keys are remembered a day

bool is_reminder(const std::string& kind) {
  return kind == "reminder_day_before" || kind == "reminder_hours_before" ||
         kind == "reminder_link";
}

}  // namespace

Task<Result<std::size_t>> Service::run_due() {
  std::size_t done = 0;
  const auto now = d_.clock.unix_seconds();
  // Abandoned payments (BKG7): the slot goes back, no hold is left.
  auto overdue = co_await store::overdue_pending(d_.db, now, kBatch);
  if (!overdue) co_return std::move(overdue).error();
  for (const auto id : *overdue) {
    auto v = co_await store::find_id(d_.db, id);
    if (!v) co_return std::move(v).error();
    if (!*v) continue;
    auto ended = co_await end(**v, "expired", "system", "");
    if (!ended) co_return std::move(ended).error();
    if (*ended) ++done;
  }
  auto jobs = co_await store::due_jobs(d_.db, now, kBatch);
  if (!jobs) co_return std::move(jobs).error();
  for (const auto& job : *jobs) {
    auto leased = co_await store::lease_job(d_.db, job.id, now, kLease);
    if (!leased) co_return std::move(leased).error();
    if (!*leased) continue;  // another node has it
    auto r = co_await run_job(job);
    if (!r) {
      log::warn("booking job failed",
                {{"job", job.id}, {"kind", job.kind}, {"error", r.error().detail}});
      const auto retry_at = now + std::min<std::int64_t>(3600, 60LL << std::min(job.attempts, 6));
      (void)co_await store::retry_job(d_.db, job.id, retry_at, r.error().detail, now);
      continue;
    }
    if (*r) ++done;
  }
  auto reconciled = co_await reconcile();
  if (!reconciled) co_return std::move(reconciled).error();
  done += *reconciled;
  if (now % 3600 < 10) (void)co_await store::forget_answers_before(d_.db, now - kAnswerLifetime);
  if (done > 0) d_.outbox.wake();
  co_return done;
}

Task<Result<bool>> Service::run_job(const store::Job& job) {
  const auto now = d_.clock.unix_seconds();
  auto found = co_await store::find_id(d_.db, job.appointment_id);
  if (!found) co_return std::move(found).error();
  if (!*found || (*found)->a.status != "confirmed") {
    // Cancelled, no-show or done: a reminder or a hold would be wrong now.
    auto r = co_await store::finish_job(d_.db, job.id, "skipped", now);
    if (!r) co_return std::move(r).error();
    co_return false;
  }
  const auto& v = **found;
  if (is_reminder(job.kind)) {
    bool sent = false;
    auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
      auto finished = co_await store::finish_job(tx, job.id, "done", now);
      if (!finished) co_return std::move(finished).error();
      sent = *finished;
      if (!sent) co_return ok();  // another node sent it
      co_return co_await queue_notice(tx, d_, v, job.kind);
    });
    if (!committed) co_return std::move(committed).error();
    co_return sent;
  }
  if (job.kind == "no_show") {
    if (v.a.started_at) {
      auto r = co_await store::finish_job(d_.db, job.id, "done", now);
      if (!r) co_return std::move(r).error();
      co_return false;
    }
    // Not honoured (BKG6): closed, the hold voided, nothing charged.
    auto ended = co_await end(v, "no_show", "system", "");
    if (!ended) co_return std::move(ended).error();
    auto r = co_await store::finish_job(d_.db, job.id, "done", now);
    if (!r) co_return std::move(r).error();
    co_return *ended;
  }
  if (job.kind == "place_hold") co_return co_await run_place_hold(job, v);
  auto r = co_await store::finish_job(d_.db, job.id, "skipped", now);
  if (!r) co_return std::move(r).error();
  co_return false;
}

Task<Result<bool>> Service::run_place_hold(const store::Job& job, const store::View& v) {
  const auto now = d_.clock.unix_seconds();
  const auto& a = v.a;
  if (a.payment_state != "card_saved" && a.payment_state != "card_required") {
    auto r = co_await store::finish_job(d_.db, job.id, "done", now);
    if (!r) co_return std::move(r).error();
    co_return false;
  }
  const auto deadline = card_due_at(a, options()->card_deadline);
  if (a.payment_state == "card_saved") {
    auto held = co_await place_deferred_hold(v);
    if (held) {
      auto r = co_await store::finish_job(d_.db, job.id, "done", now);
      if (!r) co_return std::move(r).error();
      co_return true;
    }
    if (held.error().code == ErrorCode::unavailable) co_return std::move(held).error();
    // Refused: ask the patient for another card, by email and SMS, and try again later.
    log::info("deferred hold refused",
              {{"appointment", a.public_id}, {"error", held.error().code_name()}});
    if (now < deadline) {
      auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
        if (auto r =
                co_await store::set_payment_state(tx, a.id, "card_saved", "card_required", now);
            !r)
          co_return r;
        if (auto r = co_await queue_notice(tx, d_, v, "card_required"); !r) co_return r;
        const auto again = std::min(now + kRetry, deadline);
        co_return co_await store::retry_job(tx, job.id, again, "hold refused", now);
      });
      if (!committed) co_return std::move(committed).error();
      co_return true;
    }
  }
  if (now < deadline) {
    // No card yet: the patient was asked; look again at the deadline.
    auto r = co_await store::retry_job(d_.db, job.id, deadline, "waiting for a card", now);
    if (!r) co_return std::move(r).error();
    co_return false;
  }
  if (!cancelled_without_card(a)) {
    // Booked by the practitioner: the consultation goes ahead without a hold; the patient may
    // still add a card until the close, else they pay the practitioner directly.
    auto r = co_await store::finish_job(d_.db, job.id, "done", now);
    if (!r) co_return std::move(r).error();
    co_return false;
  }
  // No hold in time: the appointment is cancelled and the slot freed; both sides are told.
  auto ended = co_await end(v, "cancelled", "system", "no_card");
  if (!ended) co_return std::move(ended).error();
  auto r = co_await store::finish_job(d_.db, job.id, "done", now);
  if (!r) co_return std::move(r).error();
  co_return *ended;
}

Task<Result<std::size_t>> Service::reconcile() {
  const auto now = d_.clock.unix_seconds();
  auto rows = co_await store::orphans(d_.db, now, kStale, kBatch);
  if (!rows) co_return std::move(rows).error();
  std::size_t voided = 0;
  for (const auto& row : *rows) {
    // An authorization a crash left unanswered, for an appointment the patient can still pay:
    // their retry will finish it.
    if (row.state == "authorizing" && row.appointment_status == "pending_payment") {
      auto v = co_await store::find_id(d_.db, row.appointment_id);
      if (!v) co_return std::move(v).error();
      if (*v && (*v)->a.hold_expires_at && *(*v)->a.hold_expires_at > now) continue;
    }
    std::optional<std::string> hold_id = row.hold_id;
    if (row.state == "authorizing") {
      // The same key finds the hold the provider made, if it made one.
      payments::AuthorizeRequest again;
      again.payment_method = row.method;
      again.amount_cents = row.amount_cents;
      again.idempotency_key = row.idempotency_key;
      auto hold = co_await d_.provider.authorize(again);
      if (!hold) {
        if (hold.error().code == ErrorCode::unavailable) continue;
        (void)co_await store::forget_ledger(d_.db, row.id, now);
        continue;
      }
      hold_id = hold->id;
    }
    if (!hold_id) continue;
    auto r = co_await d_.provider.void_hold(*hold_id);
    if (!r && r.error().code != ErrorCode::not_found) {
      log::warn("reconciliation could not void a hold",
                {{"hold", *hold_id}, {"error", r.error().detail}});
      continue;
    }
    (void)co_await store::set_ledger(d_.db, row.id, "voided", hold_id, now);
    (void)co_await store::set_payment_state(d_.db, row.appointment_id, "held", "voided", now);
    log::info("reconciliation voided a hold", {{"hold", *hold_id}});
    ++voided;
  }
  co_return voided;
}

void Service::start(boost::asio::io_context& io, std::chrono::milliseconds interval,
                    std::function<void()> on_pass) {
  loop_.start(io, interval, "booking jobs", [this, on_pass = std::move(on_pass)]() -> Task<bool> {
    auto r = co_await run_due();
    if (!r) log::warn("booking jobs failed", {{"error", r.error().detail}});
    if (on_pass) on_pass();
    co_return false;
  });
}

void Service::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::booking
