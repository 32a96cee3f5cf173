// The practitioner's and their assistants' side of booking (AGD4, BKG4): booking for a
// patient, cancelling with a notice to the patient. Closing is in confirm.cpp with payment.
#include "audit/log.hpp"
#include "booking/internal.hpp"
#include "core/validators.hpp"
#include "directory/index.hpp"
#include "directory/store.hpp"
#include "http/input.hpp"
#include "notify/outbox.hpp"
#include "practitioners/store.hpp"

namespace cabinet::booking {

Task<Result<store::View>> Service::managed(const Principal& who, const std::string& id) {
  auto owner = co_await practitioners::store::agenda_owner(d_.db, who);
  if (!owner) co_return std::move(owner).error();
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  auto v = co_await store::find(d_.db, id);
  if (!v) co_return std::move(v).error();
  if (!*v || (*v)->a.practitioner_id != *owner || (*v)->a.status == "expired")
    co_return Error(ErrorCode::not_found);
  co_return std::move(**v);
}

Task<Result<nlohmann::json>> Service::book_for_patient(const Principal& who,
                                                       const nlohmann::json& body, Locale locale) {
  auto owner = co_await practitioners::store::agenda_owner(d_.db, who);
  if (!owner) co_return std::move(owner).error();
  const http::Input in(body);
  auto email = in.text("patient_email", 254);
  if (!email) co_return std::move(email).error();
  auto motif = in.text("motif_id", 64);
  if (!motif) co_return std::move(motif).error();
  auto start = in.text("start", 40);
  if (!start) co_return std::move(start).error();
  auto mode = in.text("mode", 20);
  if (!mode) co_return std::move(mode).error();
  const auto entry = d_.index.find_account(*owner);
  if (!entry)
    co_return http::invalid_field("practitioner_id",
                                  "Votre profil doit être publié pour prendre des rendez-vous.",
                                  "Your profile must be published to take appointments.");
  auto slot = co_await validate_slot(entry->profile.public_id, *motif, *start, *mode);
  if (!slot) co_return std::move(slot).error();
  const auto address = validate::email(*email);
  if (!address)
    co_return http::invalid_field("patient_email", "Adresse e-mail invalide.",
                                  "Invalid email address.");
  auto account = co_await accounts::store::account_by_email(d_.db, *address);
  if (!account) co_return std::move(account).error();
  if (!*account || (*account)->role != "patient" || (*account)->status != "active")
    co_return Error(ErrorCode::patient_not_found);
  auto profiles = co_await accounts::store::profiles_of(d_.db, (*account)->id);
  if (!profiles) co_return std::move(profiles).error();
  const auto holder =
      std::find_if(profiles->begin(), profiles->end(), [](const auto& x) { return x.is_holder; });
  if (holder == profiles->end()) co_return Error(ErrorCode::patient_not_found);

  const auto now = d_.clock.unix_seconds();
  auto a = new_appointment(*slot, (*account)->id, holder->id);
  a.status = "confirmed";
  a.booked_by = who.account_id;
  // Nothing to hold when the consultation is free; otherwise the patient adds their card.
  a.payment_state = a.price_cents == 0 ? "none" : "card_required";
  std::optional<store::View> booked;
  const auto actor_role = std::string(to_string(who.role));
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto id = co_await store::hold(tx, a, now);
    if (!id) co_return std::move(id).error();
    auto view = co_await store::find_id(tx, *id);
    if (!view) co_return std::move(view).error();
    if (!*view) co_return Error(ErrorCode::internal, "appointment vanished");
    booked = **view;
    if (auto r = co_await add_jobs(tx, *booked, now); !r) co_return r;
    if (auto r = co_await queue_notice(tx, d_, *booked, "booked_for_you"); !r) co_return r;
    audit::Entry entry_log;
    entry_log.actor_account_id = who.account_id;
    entry_log.actor_role = actor_role;
    entry_log.profile_id = booked->a.profile_id;
    entry_log.action = "appointment.create";
    entry_log.object = booked->a.public_id;
    if (auto r = co_await d_.audit.append(tx, entry_log); !r) co_return r;
    co_return co_await directory::store::record_change(tx, a.practitioner_id, now);
  });
  if (!committed) co_return std::move(committed).error();
  d_.outbox.wake();
  (void)co_await after_change(a.practitioner_id);
  co_return to_json(*booked, locale);
}

Task<Result<nlohmann::json>> Service::cancel_by_practitioner(const Principal& who,
                                                             const std::string& id,
                                                             const nlohmann::json& body,
                                                             Locale locale) {
  auto v = co_await managed(who, id);
  if (!v) co_return std::move(v).error();
  const http::Input in(body);
  auto reason = in.optional_text("reason", 300);
  if (!reason) co_return std::move(reason).error();
  if (v->a.status != "cancelled") {
    if (!cancellable(v->a, d_.clock.unix_seconds())) co_return Error(ErrorCode::not_cancellable);
    auto r = co_await end(*v, "cancelled", "practitioner", reason->value_or(""));
    if (!r) co_return std::move(r).error();
  }
  auto after = co_await store::find(d_.db, id);
  if (!after) co_return std::move(after).error();
  if (!*after) co_return Error(ErrorCode::not_found);
  co_return to_json(**after, locale);
}

}  // namespace cabinet::booking
