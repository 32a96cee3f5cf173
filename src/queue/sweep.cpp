// The queue's sweep (docs/queue.md), run every few seconds on each node that runs jobs: every
// step is a conditional update, so nodes sweeping at once do each thing once.
#include "booking/store.hpp"
#include "core/log.hpp"
#include "queue/internal.hpp"
#include "realtime/hub.hpp"

namespace cabinet::queue {
namespace {

constexpr std::size_t kBatch = 200;
// An authorization that never came back (a crash between the provider and the database).
constexpr std::int64_t kJoiningStale = 600;

}  // namespace

Task<Result<bool>> Service::no_answer(const store::Entry& e) {
  const auto now = d_.clock.unix_seconds();
  if (e.skips == 0) {
    // Skipped once: back in the queue at the same place, the appointment made for the call
    // cancelled, nothing charged.
    auto skipped = co_await store::skip(d_.db, e.id, now);
    if (!skipped) co_return std::move(skipped).error();
    if (!*skipped) co_return false;
    if (e.appointment_id) {
      if (auto r = co_await cancel_appointment(*e.appointment_id); !r)
        co_return std::move(r).error();
    }
    co_return true;
  }
  // The second time: removed, the hold voided (NOW2).
  co_return co_await finish(e, "removed", "no_answer");
}

Task<Result<std::size_t>> Service::sweep() {
  std::size_t done = 0;
  const auto now = d_.clock.unix_seconds();
  std::set<std::string> changed;

  auto joining = co_await store::in_state(d_.db, "joining", kBatch);
  if (!joining) co_return std::move(joining).error();
  for (const auto& e : *joining) {
    if (now - e.seen_at < kJoiningStale) continue;
    auto r = co_await finish(e, "removed", "declined");
    if (!r) co_return std::move(r).error();
    if (*r) ++done;
  }

  auto waiting = co_await store::in_state(d_.db, "waiting", 100000);
  if (!waiting) co_return std::move(waiting).error();
  std::vector<std::int64_t> watched;
  for (const auto& e : *waiting) {
    if (d_.hub.room_size(entry_room(e.public_id)) > 0) {
      // Watched from this node: still here. Refreshed well within the grace, so that another
      // node's sweep never takes a watched place away.
      if (now - e.seen_at >= options()->grace.count() / 4) watched.push_back(e.id);
      continue;
    }
    if (now - e.seen_at < options()->grace.count()) continue;
    // The page has been gone longer than the grace period: the place is lost (NOW2).
    auto r = co_await finish(e, "removed", "gone");
    if (!r) co_return std::move(r).error();
    if (*r) {
      ++done;
      changed.insert(e.specialty);
    }
  }
  if (auto r = co_await store::touch(d_.db, watched, now); !r) co_return std::move(r).error();

  auto called = co_await store::in_state(d_.db, "called", kBatch);
  if (!called) co_return std::move(called).error();
  for (const auto& e : *called) {
    Result<bool> r = false;
    if (e.appointment_status != "confirmed") {
      // The appointment ended without the patient (closed or cancelled by the practitioner).
      r = co_await finish(e, "removed", "closed");
    } else if (e.called_at && now >= *e.called_at + options()->answer_window.count()) {
      r = co_await no_answer(e);
    }
    if (!r) co_return std::move(r).error();
    if (*r) {
      ++done;
      changed.insert(e.specialty);
    }
  }

  // The measured service time moves with each consultation closed: the estimates follow.
  const auto current = options();
  for (const auto& specialty : current->specialties) {
    auto n = co_await numbers(specialty);
    if (!n) co_return std::move(n).error();
    const std::lock_guard lock(service_mutex_);
    auto& last = announced_service_[specialty];
    if (last != n->service_seconds) {
      last = n->service_seconds;
      changed.insert(specialty);
    }
  }
  for (const auto& specialty : changed) {
    if (auto r = co_await broadcast(specialty); !r) co_return std::move(r).error();
  }
  co_return done;
}

void Service::start(boost::asio::io_context& io, std::chrono::milliseconds interval) {
  loop_.start(io, interval, "queue", [this]() -> Task<bool> {
    auto r = co_await sweep();
    if (!r) log::warn("queue sweep failed", {{"error", r.error().detail}});
    co_return false;
  });
}

void Service::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::queue
