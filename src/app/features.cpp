// The features after the call (issues 14 and 16): the immediate queue, and the documents with
// the national teleservices each behind its stand-in or its HTTP adapter. Part of
// App::build_services (app.cpp), kept apart because each chooses its parts from configuration;
// and the messaging (issue 15), whose attachments follow the health space's file settings.
#include "accounts/service.hpp"
#include "app/app.hpp"

#include "booking/service.hpp"
#include "consultation/service.hpp"
#include "core/block_on.hpp"
#include "core/log.hpp"
#include "crypto/signing.hpp"
#include "directory/index.hpp"
#include "directory/service.hpp"
#include "documents/service.hpp"
#include "documents/standins.hpp"
#include "documents/teleservices_http.hpp"
#include "health/service.hpp"
#include "messaging/service.hpp"
#include "partners/hosts.hpp"
#include "partners/service.hpp"
#include "partners/store.hpp"
#include "payments/provider.hpp"
#include "payments/sandbox.hpp"
#include "payments/stripe.hpp"
#include "practitioners/specialties.hpp"
#include "queue/service.hpp"
#include "reference/service.hpp"
#include "uploads/checked_file.hpp"

namespace cabinet::app {

Result<void> App::build_queue() {
  // Immediate teleconsultation (issue 16): a taken patient enters the same room.
  queue::Options q;
  q.specialties = directory::split_list(config_.queue.specialties);
  for (const auto& code : q.specialties) {
    if (practitioners::find_specialty(code) == nullptr)
      return Error(ErrorCode::invalid_request, "queue.specialties: unknown specialty " + code);
  }
  q.hours = queue::Window{config_.queue.hours_start_min, config_.queue.hours_end_min};
  q.fee_cents = config_.queue.fee_cents;
  q.price_cents = config_.queue.price_cents;
  q.grace = config_.queue.grace;
  q.answer_window = config_.queue.answer_window;
  q.near_priority = config_.queue.near_priority;
  q.near_km = config_.queue.near_km;
  q.no_show_grace = config_.booking.no_show_grace;
  queue_ = std::make_unique<queue::Service>(queue::Deps{
      *db_, clock_, random_, *keys_, *audit_, hub_, *payments_, std::string(payments_->name()), q,
      [hosts = partner_hosts_.get()](std::string_view host) { return hosts->partner_of(host); }});
  consultation_->on_patient_joined([this](std::int64_t appointment) -> Task<void> {
    co_await queue_->patient_joined(appointment);
  });
  return ok();
}

Result<void> App::build_documents() {
  // Reference lists (issue 14): the built-in drugs are written at start-up when missing, so a
  // default install works offline; a failure (another node writing them) does not stop it.
  reference_ = std::make_unique<reference::Service>(*db_, clock_);
  if (auto r = block_on(reference_->ensure_builtin_drugs()); !r)
    log::warn("built-in drugs not written", {{"error", r.error().detail}});
  auto signer = crypto::Signer::load_or_create(config_.security.signing_key_file);
  if (!signer) return std::move(signer).error();
  signer_ = std::make_unique<crypto::Signer>(std::move(*signer));
  // Each national teleservice: the built-in stand-in, or its HTTP adapter once the operator is
  // accredited (docs/teleservices.md). Options that cannot work stop the start-up.
  const auto& ts = config_.documents;
  auto options_of = [](const Config::Teleservice& t) {
    return documents::TeleserviceOptions{t.url, t.token, t.client_cert, t.client_key};
  };
  for (const auto* t : {&ts.eprescription, &ts.sick_leave, &ts.care_sheet, &ts.secure_mail}) {
    if (t->provider != "http") continue;
    if (auto r = documents::check_teleservice(options_of(*t)); !r) return std::move(r).error();
  }
  if (ts.eprescription.provider == "http")
    eprescription_ = std::make_unique<documents::HttpEPrescription>(options_of(ts.eprescription),
                                                                    blocking_, random_);
  else
    eprescription_ = std::make_unique<documents::StandinEPrescription>(*db_, random_);
  if (ts.sick_leave.provider == "http")
    sick_leave_ = std::make_unique<documents::HttpSickLeave>(options_of(ts.sick_leave), blocking_);
  else
    sick_leave_ = std::make_unique<documents::StandinSickLeave>(random_);
  if (ts.care_sheet.provider == "http")
    care_sheet_ = std::make_unique<documents::HttpCareSheetTransmission>(options_of(ts.care_sheet),
                                                                         blocking_);
  else
    care_sheet_ = std::make_unique<documents::StandinCareSheet>();
  if (ts.secure_mail.provider == "http")
    secure_mail_ =
        std::make_unique<documents::HttpSecureMail>(options_of(ts.secure_mail), blocking_);
  else
    secure_mail_ = std::make_unique<documents::StandinSecureMail>(*db_, *outbox_, random_);
  documents_ = std::make_unique<documents::Service>(documents::Deps{
      *db_, clock_, random_, *keys_, *signer_, *audit_, hub_, blocking_, *outbox_, *booking_,
      *consultation_,
      documents::Teleservices{*eprescription_, *sick_leave_, *care_sheet_, *secure_mail_},
      [this](const std::string& id) -> Task<Result<std::optional<documents::PharmacyRef>>> {
        auto p = co_await reference_->pharmacy(id);
        if (!p) co_return std::move(p).error();
        if (!*p) co_return std::optional<documents::PharmacyRef>{};
        co_return documents::PharmacyRef{(*p)->public_id, (*p)->name, (*p)->city, (*p)->mssante};
      },
      documents::Options{config_.http.public_url}, limits_.get()});
  return ok();
}

Result<void> App::build_messaging() {
  messaging::Options options;
  options.public_url = config_.http.public_url;
  // Attachments follow the own files' rules (docs/health-space.md): one setting for both.
  options.files.types = directory::split_list(config_.health.file_types);
  options.files.max_size = config_.health.file_max_size;
  messaging_ = std::make_unique<messaging::Service>(messaging::Deps{
      *db_, clock_, random_, *keys_, *audit_, hub_, blocking_, *outbox_, *limits_, options});
  // A deleted account's conversations are closed in the deletion's transaction.
  accounts_->on_erase([this](storage::Transaction& tx, std::int64_t account) -> Task<Result<void>> {
    co_return co_await messaging_->erase_account(tx, account);
  });
  return ok();
}

Result<void> App::build_payments() {
  if (config_.payments.provider == "stripe") {
    payments::StripeOptions stripe;
    stripe.base_url = config_.payments.stripe_url;
    stripe.secret_key = config_.payments.stripe_secret_key;
    if (auto r = payments::StripeProvider::check(stripe); !r) return std::move(r).error();
    payments_ = std::make_unique<payments::StripeProvider>(stripe, blocking_);
  } else {
    payments_ = std::make_unique<payments::SandboxProvider>(*db_, clock_, random_);
  }
  return ok();
}

Result<void> App::build_health() {
  // The patient's health space (issue 15): own files through the upload gate.
  health::Options options;
  options.file_max_size = config_.health.file_max_size;
  options.file_types = directory::split_list(config_.health.file_types);
  health_ = std::make_unique<health::Service>(health::Deps{*db_, clock_, random_, *keys_, *audit_,
                                                           blocking_, *booking_, *documents_,
                                                           limits_.get(), options});
  return ok();
}

Result<void> App::build_partners(std::string public_host) {
  partners_ = std::make_unique<partners::Service>(
      partners::Deps{*db_, clock_, random_, blocking_, *audit_, *outbox_, *limits_, *partner_hosts_,
                     config_.http.public_url, std::move(public_host)});
  // A deleted account's redeemed codes stay counted for the insurer, unlinked from the person.
  accounts_->on_erase([](storage::Transaction& tx, std::int64_t account) -> Task<Result<void>> {
    co_return co_await partners::store::forget_account(tx, account);
  });
  return ok();
}

}  // namespace cabinet::app
