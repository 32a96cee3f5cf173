// The operator's account tools and the practitioner's teleconsultation share (issue 19, docs/
// operator.md "Accounts", "Teleconsultation share"): part of App::build_services (app.cpp),
// and their demo data for `cabinet seed --demo-accounts`.
#include <array>

#include "accounts_admin/service.hpp"
#include "activity/service.hpp"
#include "app/app.hpp"
#include "booking/service.hpp"
#include "core/embedded.hpp"
#include "core/random.hpp"
#include "directory/seed.hpp"
#include "directory/seed_store.hpp"
#include "practitioners/store.hpp"

namespace cabinet::app {
namespace {

constexpr std::string_view kDemoExtract = "rpps_demo_extract.txt";

// Two sign-ups awaiting the operator: one the extract confirms, one whose specialty it does not.
struct PendingDemo {
  const char* email;
  const char* first;
  const char* last;
  const char* rpps;
  const char* specialty;
};
constexpr std::array kPending{
    PendingDemo{"praticien-attente-1@demo.cabinet.test", "Julien", "Moreau", "10000000025",
                "psychiatry"},
    PendingDemo{"praticien-attente-2@demo.cabinet.test", "Sophie", "Bernard", "10000000033",
                "dermatology"},
};

}  // namespace

Result<void> App::build_accounts_admin() {
  accounts_admin_ = std::make_unique<accounts_admin::Service>(accounts_admin::Deps{
      *db_, clock_, *audit_, *outbox_, config_.http.public_url,
      [this](std::int64_t practitioner, std::int64_t op) -> Task<Result<std::size_t>> {
        co_return co_await booking_->cancel_for_suspension(practitioner, op);
      },
      [this](std::int64_t account) -> Task<Result<void>> {
        co_return co_await directory_->changed(account);
      }});
  activity_ = std::make_unique<activity::Service>(activity::Deps{*db_, clock_, *keys_});
  return ok();
}

Result<std::size_t> App::seed_demo_rpps() {
  std::string_view extract;
  for (const auto& f : embedded::data())
    if (f.name == kDemoExtract) extract = f.data;
  if (extract.empty()) return Error(ErrorCode::internal, "data/rpps_demo_extract.txt missing");
  const auto now = clock_.unix_seconds();
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    for (const auto& p : kPending) {
      const directory::store::DemoAccountRow row{random_base32(random_, 16), p.email,
                                                 "+33612345678", std::nullopt, "practitioner"};
      auto account = co_await directory::store::insert_demo_account(tx, row, now);
      if (!account) co_return std::move(account).error();
      const directory::store::DemoPersonRow person{random_base32(random_, 16),
                                                   *account,
                                                   true,
                                                   p.first,
                                                   p.last,
                                                   "1982-03-04",
                                                   std::nullopt,
                                                   "self"};
      if (auto r = co_await directory::store::insert_demo_person(tx, person, now); !r) co_return r;
      const std::string rpps = p.rpps;
      const std::string specialty = p.specialty;
      if (auto r = co_await practitioners::store::insert_practitioner(tx, *account, rpps, specialty,
                                                                      now);
          !r)
        co_return r;
    }
    co_return ok();
  };
  if (auto r = block_on(db_->transact(body)); !r) return std::move(r).error();
  // Imported as the demo operator would, so that the operator log shows it.
  Principal system;
  system.role = Role::operator_;
  auto op = block_on(directory::find_demo_account(*db_, directory::demo_accounts()[2].email));
  if (!op) return std::move(op).error();
  if (*op) system.account_id = (*op)->id;
  auto imported = block_on(accounts_admin_->import_extract(system, std::string(extract)));
  if (!imported) return std::move(imported).error();
  return (*imported)["people"].get<std::size_t>();
}

}  // namespace cabinet::app
