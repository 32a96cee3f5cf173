// Paying for an appointment (PAY1, PAY2, PAY6; docs/booking.md "Payment"): the hold placed at
// once or the card saved for a hold placed later, confirmation, capture at the close, void.
#include "audit/log.hpp"
#include "booking/internal.hpp"
#include "booking/ledger_store.hpp"
#include "directory/index.hpp"
#include "http/input.hpp"
#include "notify/outbox.hpp"
#include "payments/provider.hpp"

namespace cabinet::booking {
std::int64_t card_due_at(const store::Appointment& a, std::chrono::seconds card_deadline) {
  return a.booked_by ? a.start_at : a.start_at - card_deadline.count();
}

bool cancelled_without_card(const store::Appointment& a) { return !a.booked_by; }

Task<Result<void>> Service::add_jobs(storage::Transaction& tx, const store::View& v,
                                     std::int64_t now) {
  const auto& a = v.a;
  struct Due {
    std::string_view kind;
    std::int64_t at;
    bool wanted;
  };
  const bool needs_hold = a.payment_state == "card_saved" || a.payment_state == "card_required";
  const auto o = options();
  const auto hold_at = a.payment_state == "card_saved" ? a.start_at - o->hold_lead.count()
                                                       : card_due_at(a, o->card_deadline);
  const auto day_before = a.start_at - o->reminder_day_before.count();
  const auto hours_before = a.start_at - o->reminder_hours_before.count();
  const std::vector<Due> jobs = {
      Due{"reminder_day_before", day_before, day_before > now},
      Due{"reminder_hours_before", hours_before, hours_before > now},
      Due{"reminder_link", a.start_at - o->reminder_link.count(), a.mode == "video"},
      Due{"place_hold", std::max(now, hold_at), needs_hold},
      Due{"no_show", a.end_at + o->no_show_grace.count(), true},
  };
  for (const auto& j : jobs) {
    if (!j.wanted) continue;
    const std::string kind(j.kind);
    if (auto r = co_await store::schedule_job(tx, a.id, kind, j.at, now); !r) co_return r;
  }
  co_return ok();
}

Task<Result<nlohmann::json>> Service::confirm(const Principal& who, const std::string& id,
                                              const nlohmann::json& body, Locale locale) {
  auto v = co_await own(who, id);
  if (!v) co_return std::move(v).error();
  const http::Input in(body);
  auto method = in.text("payment_method", 200);
  if (!method) co_return std::move(method).error();
  const auto now = d_.clock.unix_seconds();
  const auto& a = v->a;
  if (a.status == "expired" ||
      (a.status == "pending_payment" && a.hold_expires_at && *a.hold_expires_at <= now))
    co_return Error(ErrorCode::booking_expired);
  if (a.status == "confirmed" && a.payment_state != "card_required")
    co_return to_json(*v, locale);  // a retried confirmation: already done
  if (a.status != "pending_payment" && a.status != "confirmed")
    co_return Error(ErrorCode::conflict, "appointment " + a.status);
  if (auto r = co_await pay(*v, *method); !r) co_return std::move(r).error();
  auto after = co_await own(who, id);
  if (!after) co_return std::move(after).error();
  co_return to_json(*after, locale);
}

Task<Result<void>> Service::pay(const store::View& v, const std::string& payment_method) {
  const auto now = d_.clock.unix_seconds();
  const auto& a = v.a;
  const bool pending = a.status == "pending_payment";
  store::PaymentUpdate u;
  if (pending) u.status = "confirmed";
  std::optional<std::string> hold_id;
  std::optional<std::int64_t> ledger_row;
  if (a.patient_share() == 0) {
    // A free consultation, or one an insurer pays in full: nothing to hold, no card asked
    // (docs/operator.md "Insurers' activation codes").
    u.payment_state = "none";
  } else if (a.start_at - now > options()->hold_lead.count()) {
    // Too far ahead for a hold to last until the end: save the card, hold later.
    auto saved = co_await d_.provider.save_method(payment_method,
                                                  "save:" + a.public_id + ":" + payment_method);
    if (!saved) co_return std::move(saved).error();
    u.payment_state = "card_saved";
    u.saved_method = saved->id;
    u.card_brand = saved->brand;
    u.card_last4 = saved->last4;
  } else {
    // Written before the call: a crash after the provider's answer leaves a row to reconcile.
    auto row = co_await store::begin_authorization(d_.db, a.id, provider_name(),
                                                   "hold:" + a.public_id + ":" + payment_method,
                                                   payment_method, a.patient_share(), now);
    if (!row) co_return std::move(row).error();
    ledger_row = row->id;
    payments::AuthorizeRequest request;
    request.payment_method = payment_method;
    request.amount_cents = a.patient_share();
    request.idempotency_key = row->idempotency_key;
    auto hold = co_await d_.provider.authorize(request);
    if (!hold) {
      // Refused: the key is spent, so that trying again (the same card after a call to the
      // bank, or another one) is a new authorization.
      (void)co_await store::forget_ledger(d_.db, row->id, now);
      co_return std::move(hold).error();
    }
    hold_id = hold->id;
    u.payment_state = "held";
    u.card_brand = hold->brand;
    u.card_last4 = hold->last4;
  }
  bool applied = false;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (ledger_row) {
      if (auto r = co_await store::set_ledger(tx, *ledger_row, "held", hold_id, now); !r)
        co_return r;
    }
    auto updated = co_await store::update_payment(tx, a.id, a.status, u, now);
    if (!updated) co_return std::move(updated).error();
    applied = *updated;
    // The window closed while the card was being checked: the ledger keeps the hold, which
    // is voided below (and by reconciliation if this node stops first).
    if (!applied) co_return ok();
    auto fresh = co_await store::find_id(tx, a.id);
    if (!fresh) co_return std::move(fresh).error();
    if (!*fresh) co_return Error(ErrorCode::internal, "appointment vanished");
    if (auto r = co_await add_jobs(tx, **fresh, now); !r) co_return r;
    if (pending) {
      if (auto r = co_await queue_notice(tx, d_, **fresh, "booking_confirmed"); !r) co_return r;
      audit::Entry entry;
      entry.actor_account_id = a.patient_account_id;
      entry.actor_role = "patient";
      entry.profile_id = a.profile_id;
      entry.action = "appointment.confirm";
      entry.object = a.public_id;
      if (auto r = co_await d_.audit.append(tx, entry); !r) co_return r;
    }
    co_return ok();
  });
  if (!committed) co_return std::move(committed).error();
  if (!applied) {
    (void)co_await void_live_hold(a.id);
    co_return Error(ErrorCode::booking_expired);
  }
  d_.outbox.wake();
  co_return ok();
}

Task<Result<void>> Service::place_deferred_hold(const store::View& v) {
  const auto now = d_.clock.unix_seconds();
  const auto& a = v.a;
  if (!a.saved_method) co_return Error(ErrorCode::card_declined, "no saved card");
  auto row = co_await store::begin_authorization(d_.db, a.id, provider_name(),
                                                 "deferred:" + a.public_id + ":" + *a.saved_method,
                                                 *a.saved_method, a.patient_share(), now);
  if (!row) co_return std::move(row).error();
  if (row->state == "held") co_return ok();
  payments::AuthorizeRequest request;
  request.payment_method = *a.saved_method;
  request.amount_cents = a.patient_share();
  request.idempotency_key = row->idempotency_key;
  auto hold = co_await d_.provider.authorize(request);
  if (!hold) {
    // The key is spent on a refusal: the next attempt needs a new one.
    (void)co_await store::forget_ledger(d_.db, row->id, now);
    co_return std::move(hold).error();
  }
  store::PaymentUpdate u;
  u.payment_state = "held";
  u.card_brand = hold->brand;
  u.card_last4 = hold->last4;
  bool applied = false;
  const auto ledger_id = row->id;
  const std::optional<std::string> hold_id = hold->id;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::set_ledger(tx, ledger_id, "held", hold_id, now); !r) co_return r;
    auto updated = co_await store::update_payment(tx, a.id, "confirmed", u, now);
    if (!updated) co_return std::move(updated).error();
    applied = *updated;
    co_return ok();
  });
  if (!committed) co_return std::move(committed).error();
  if (!applied) (void)co_await void_live_hold(a.id);
  co_return ok();
}

Task<Result<void>> Service::void_live_hold(std::int64_t appointment) {
  auto live = co_await store::live_hold(d_.db, appointment);
  if (!live) co_return std::move(live).error();
  if (!*live || !(*live)->hold_id) co_return ok();
  auto voided = co_await d_.provider.void_hold(*(*live)->hold_id);
  if (!voided) co_return std::move(voided).error();
  const auto now = d_.clock.unix_seconds();
  const auto row = (*live)->id;
  co_return co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::set_ledger(tx, row, "voided", std::nullopt, now); !r) co_return r;
    co_return co_await store::set_payment_state(tx, appointment, "held", "voided", now);
  });
}

Task<Result<nlohmann::json>> Service::close(const Principal& who, const std::string& id,
                                            const nlohmann::json& body, Locale locale) {
  auto v = co_await managed(who, id);
  if (!v) co_return std::move(v).error();
  const auto& a = v->a;
  if (a.status == "done") co_return to_json(*v, locale);
  if (a.status != "confirmed") co_return Error(ErrorCode::conflict, "appointment " + a.status);
  if (!body.contains("amount_cents") || !body["amount_cents"].is_number_integer())
    co_return http::missing_field("amount_cents");
  const auto amount = body["amount_cents"].get<std::int64_t>();
  if (amount < 0 || amount > a.price_cents)
    co_return http::invalid_field("amount_cents",
                                  "Le montant doit être compris entre 0 et le maximum affiché.",
                                  "The amount must be between 0 and the maximum shown.");
  const auto now = d_.clock.unix_seconds();
  // A consultation happened once the practitioner admitted the patient (started_at), which the
  // room allows from booking.room_opens before the booked time; without admission, only once
  // the booked time has come.
  if (!a.started_at && a.start_at > now)
    co_return http::invalid_field("amount_cents",
                                  "La consultation n'a pas encore eu lieu : rien ne peut être "
                                  "encaissé avant.",
                                  "The consultation has not taken place yet: nothing can be "
                                  "charged before.");
  store::PaymentUpdate u;
  u.status = "done";
  // No card by the close (an appointment the practitioner booked): nothing goes through
  // Cabinet, the patient pays the practitioner directly.
  u.payment_state = a.payment_state == "card_required" ? "direct" : a.payment_state;
  auto live = co_await store::live_hold(d_.db, a.id);
  if (!live) co_return std::move(live).error();
  std::optional<std::int64_t> ledger_row;
  std::string ledger_state;
  if (*live && (*live)->hold_id) {
    ledger_row = (*live)->id;
    // A consultation taken from a queue: its service fee comes with it (PAY3; 0 when waived).
    // An insurer pays its part of the amount first; the card, only the rest.
    const auto total = std::max<std::int64_t>(0, amount - a.insurer_cents) + a.fee_cents;
    if (total == 0) {
      auto voided = co_await d_.provider.void_hold(*(*live)->hold_id);
      if (!voided) co_return std::move(voided).error();
      u.payment_state = "voided";
      ledger_state = "voided";
    } else {
      auto captured = co_await d_.provider.capture(*(*live)->hold_id, static_cast<int>(total));
      if (!captured) co_return std::move(captured).error();
      u.payment_state = "captured";
      u.captured_cents = captured->captured_cents;
      ledger_state = "captured";
    }
  }
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (ledger_row) {
      if (auto r = co_await store::set_ledger(tx, *ledger_row, ledger_state, std::nullopt, now); !r)
        co_return r;
    }
    if (auto r = co_await store::mark_started(tx, a.id, now); !r) co_return std::move(r).error();
    if (auto r = co_await store::mark_ended(tx, a.id, now); !r) co_return r;
    // A consultation taken from a queue was given its time from the moment it was taken; what
    // is left of it goes back to the agenda, for the next patient or a booking.
    if (a.origin == "queue") {
      const auto next = (now + store::kGranule - 1) / store::kGranule * store::kGranule;
      if (auto r = co_await store::trim_granules(tx, a.id, next); !r) co_return r;
    }
    auto updated = co_await store::update_payment(tx, a.id, "confirmed", u, now);
    if (!updated) co_return std::move(updated).error();
    if (auto r = co_await store::skip_jobs(tx, a.id, now); !r) co_return r;
    audit::Entry entry;
    entry.actor_account_id = who.account_id;
    entry.actor_role = std::string(to_string(who.role));
    entry.profile_id = a.profile_id;
    entry.action = "appointment.close";
    entry.object = a.public_id;
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!committed) co_return std::move(committed).error();
  // The room closes and its guests' links die (consultation/).
  for (const auto& hook : closed_hooks_) hook(a.public_id);
  auto after = co_await store::find(d_.db, id);
  if (!after) co_return std::move(after).error();
  if (!*after) co_return Error(ErrorCode::not_found);
  co_return to_json(**after, locale);
}

}  // namespace cabinet::booking
