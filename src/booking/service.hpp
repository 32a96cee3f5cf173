#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accounts/store.hpp"
#include "booking/appointments.hpp"
#include "booking/jobs_store.hpp"
#include "booking/store.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/locale.hpp"
#include "core/periodic.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

namespace boost::asio {
class io_context;
}
namespace cabinet::crypto {
class KeyRing;
}
namespace cabinet::audit {
class Log;
}
namespace cabinet::notify {
class Outbox;
}
namespace cabinet::payments {
class PaymentProvider;
}
namespace cabinet::directory {
class Index;
}

// The booking lifecycle (BKG1–BKG8, PAY1–PAY6; docs/booking.md): appointments held while the
// patient pays, confirmed with a card hold, cancelled by either side or through the signed
// link, reminded, closed as done (captured) or no-show (voided).
namespace cabinet::booking {

struct Options {
  std::chrono::seconds payment_window{600};
  std::chrono::seconds no_show_grace{1800};
  std::chrono::seconds card_deadline{7200};
  std::chrono::seconds hold_lead{5 * 24 * 3600};
  // The reminders (booking.reminder_*): how long before the start each is sent. A change applies
  // to the appointments confirmed afterwards; those booked keep the times already scheduled.
  std::chrono::seconds reminder_day_before{24 * 3600};
  std::chrono::seconds reminder_hours_before{3 * 3600};
  std::chrono::seconds reminder_link{10 * 60};
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  notify::Outbox& outbox;
  payments::PaymentProvider& provider;
  directory::Index& index;
  std::string public_url;
  Options options;
  // The white-label partner a Host header names (docs/operator.md "Partners"): bookings made
  // there are tagged with it. Unset: no partners.
  std::function<std::optional<std::int64_t>(std::string_view host)> partner_of_host = {};
};

// 409 quota_exhausted naming the insurer (its {partner} placeholder and an extra field).
Error quota_exhausted(const std::string& partner);

// An answer with its status, for the routes that are not always 200.
struct Answer {
  int status = 200;
  nlohmann::json body;
};

class Service final : public Appointments {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)), options_(d_.options) {}
  // The live options (docs/operator.md "Settings"): the reminder schedule may change while the
  // server runs; take one snapshot per piece of work.
  [[nodiscard]] std::shared_ptr<const Options> options() const { return options_.get(); }
  void set_options(Options next) { options_.set(std::move(next)); }

  // Patient.
  Task<Result<Answer>> create(const Principal& who, const nlohmann::json& body,
                              const std::string& idempotency_key, Locale locale,
                              const std::string& host = {});
  Task<Result<nlohmann::json>> confirm(const Principal& who, const std::string& id,
                                       const nlohmann::json& body, Locale locale);
  Task<Result<nlohmann::json>> list(const Principal& who, const std::optional<std::string>& profile,
                                    Locale locale);
  Task<Result<nlohmann::json>> get(const Principal& who, const std::string& id, Locale locale);
  Task<Result<nlohmann::json>> cancel(const Principal& who, const std::string& id, Locale locale);
  Task<Result<std::string>> calendar(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> estimate(const Principal& who, const nlohmann::json& body,
                                        Locale locale);

  // The signed link of the confirmation email (no login).
  Task<Result<nlohmann::json>> link_view(const std::string& token, Locale locale);
  Task<Result<nlohmann::json>> link_cancel(const std::string& token, Locale locale);
  Task<Result<std::string>> link_calendar(const std::string& token);

  // Practitioner or assistant.
  Task<Result<nlohmann::json>> book_for_patient(const Principal& who, const nlohmann::json& body,
                                                Locale locale);
  Task<Result<nlohmann::json>> cancel_by_practitioner(const Principal& who, const std::string& id,
                                                      const nlohmann::json& body, Locale locale);
  Task<Result<nlohmann::json>> close(const Principal& who, const std::string& id,
                                     const nlohmann::json& body, Locale locale) override;
  // What the consultation (and later features) read of appointments: appointments.hpp.
  Task<Result<View>> visible_to(const Principal& who, const std::string& id) override;
  Task<Result<std::optional<View>>> find(const std::string& public_id) override;
  Task<Result<std::optional<View>>> find_id(std::int64_t id) override;
  Task<Result<std::vector<View>>> of_practitioner(std::int64_t practitioner, std::int64_t from,
                                                  std::int64_t to) override;
  Task<Result<void>> started(std::int64_t appointment) override;
  [[nodiscard]] nlohmann::json to_json(const View& v, Locale locale) const override;
  void on_closed(std::function<void(const std::string&)> hook) override {
    closed_hooks_.push_back(std::move(hook));
  }

  // Jobs (jobs.cpp): one pass over what is due. Returns how many things were done. Tests call it
  // with the clock where they want it.
  Task<Result<std::size_t>> run_due();
  // Runs run_due every `interval` until stop(); `done` runs once the loop has exited.
  // `on_pass` after each pass (a metric: tests wait for a pass instead of sleeping).
  void start(boost::asio::io_context& io, std::chrono::milliseconds interval,
             std::function<void()> on_pass = {});
  void stop(std::function<void()> done = {});

  // The operator suspended `practitioner` (docs/operator.md "Accounts"): every appointment still
  // to come is cancelled, the patient told, the hold voided. Returns how many were cancelled.
  Task<Result<std::size_t>> cancel_for_suspension(std::int64_t practitioner,
                                                  std::int64_t operator_id);

  [[nodiscard]] std::string cancel_link(const store::Appointment& a) const;
  [[nodiscard]] std::string provider_name() const;

 private:
  struct Booked;
  Task<Result<bool>> run_job(const store::Job& job);
  Task<Result<bool>> run_place_hold(const store::Job& job, const store::View& v);
  Task<Result<std::size_t>> reconcile();
  // The slot must be one the agenda offers now, for that motif and mode.
  Task<Result<Booked>> validate_slot(const std::string& practitioner, const std::string& motif,
                                     const std::string& start, const std::string& mode);
  // The common fields of a new appointment of `profile` (of `patient`) in `slot`.
  store::Appointment new_appointment(const Booked& slot, std::int64_t patient,
                                     std::int64_t profile);
  // One of the account's profiles, by public id; 400 "profile_id" otherwise.
  Task<Result<accounts::store::Profile>> profile_of(std::int64_t account,
                                                    const std::string& public_id);
  Task<Result<store::View>> own(const Principal& who, const std::string& id);
  // The partner of the host and an insurer's cover, written on a new appointment.
  Task<Result<void>> tag(storage::Transaction& tx, const store::Appointment& a,
                         std::optional<std::int64_t> partner, bool use_insurer);
  // An appointment of the agenda `who` manages (practitioner or assistant).
  Task<Result<store::View>> managed(const Principal& who, const std::string& id);
  // Ends an active appointment (cancelled, no_show, expired): granules freed, jobs skipped,
  // notices queued, the hold voided after the commit, the index refreshed.
  // `operator_id`: the operator, when `by` is "operator" (a suspension).
  Task<Result<bool>> end(const store::View& v, const std::string& status, const std::string& by,
                         const std::string& reason,
                         std::optional<std::int64_t> operator_id = std::nullopt);
  Task<Result<void>> void_live_hold(std::int64_t appointment);
  // Places the hold now or saves the card (deferred hold), then confirms when pending.
  Task<Result<void>> pay(const store::View& v, const std::string& payment_method);
  Task<Result<void>> place_deferred_hold(const store::View& v);
  Task<Result<void>> after_change(std::int64_t practitioner);
  Task<Result<void>> queue_confirmation(storage::Transaction& tx, const store::View& v);
  Task<Result<void>> add_jobs(storage::Transaction& tx, const store::View& v, std::int64_t now);
  Deps d_;
  Live<Options> options_;
  Periodic loop_;
  std::vector<std::function<void(const std::string&)>> closed_hooks_;
};

}  // namespace cabinet::booking
