// Demo data for immediate teleconsultation (issue 16, docs/queue.md "Try it"): video GPs around
// the largest cities, some of them on duty, so that a first start finds someone near most
// patients; and the demo patients `cabinet demo queue` puts in the queue.
#include <array>

#include "agenda/holidays.hpp"
#include "billing/reimbursement.hpp"
#include "directory/seed.hpp"
#include "directory/seed_data.hpp"
#include "directory/seed_parts.hpp"
#include "directory/seed_store.hpp"
#include "directory/store.hpp"

namespace cabinet::directory {
namespace {

using seed_data::SeededRandom;

// Mixed into the seed for the GPs' own stream of choices: the practitioners of
// `--practitioners` stay exactly what the seed made before these GPs existed.
constexpr std::uint64_t kCityStream = 0x9e3779b97f4a7c15ULL;
// Their RPPS numbers come after any `--practitioners` count (100,000 at most).
constexpr int kCityRppsBase = 9'000'000;
// The first GPs of the largest cities are on duty: a couple in each, about ten in all.
constexpr std::size_t kDutyCities = 5;
constexpr int kDutyPerCity = 2;
const std::string kGeneralMedicine = "general_medicine";

std::string city_gp_email(int number, std::uint64_t seed) {
  return "generaliste-" + std::to_string(number) + "." + std::to_string(seed) +
         "@demo.cabinet.test";
}

// A GP who consults only by video, every day from 07:00 to midnight, at the sector-1 tariff.
store::Profile city_gp_profile(SeededRandom& rng, std::int64_t account, const geo::Commune& c,
                               std::int64_t now) {
  store::Profile p;
  p.account_id = account;
  p.updated_at = now;
  p.address_line = std::to_string(1 + rng.below(120)) +
                   (rng.chance(50) ? " boulevard Victor Hugo" : " rue Pasteur");
  p.commune_code = c.code;
  p.postcode = c.postcodes[rng.below(c.postcodes.size())];
  p.lat = c.lat;
  p.lng = c.lng;
  p.department = c.department;
  p.timezone = std::string(agenda::zone_for_department(c.department));
  p.languages = "fr";
  if (rng.chance(40))
    p.languages +=
        std::string(",") + seed_data::kLanguages[rng.below(seed_data::kLanguages.size())];
  p.sector = "1";
  p.carte_vitale = true;
  p.tiers_payant = rng.chance(60);
  p.payment_modes = "card";
  p.video = true;
  p.in_person = false;
  p.presentation =
      "Médecin généraliste, je vous reçois en téléconsultation tous les jours de 7 h à minuit, "
      "y compris les jours fériés.";
  p.closed_on_public_holidays = false;
  p.min_notice_minutes = 30;
  p.horizon_days = 30;
  return p;
}

}  // namespace

Task<Result<void>> seed_parts::city_gps(storage::Database& db, std::int64_t now,
                                        const SeedOptions& options, SeedReport& report) {
  auto already = co_await store::count_accounts_with_email(db, city_gp_email(1, options.seed));
  if (!already) co_return std::move(already).error();
  if (*already > 0) co_return ok();
  SeededRandom rng(options.seed ^ kCityStream);
  const auto cities = seed_data::largest_communes(kDemoCities);
  const auto& gp = seed_data::kMix[0];
  const auto date = seed_data::tariff_date(now);
  // The queue's price (queue::Service prices its motif the same way, and corrects it if not).
  const int queue_price = billing::sector_1_ceiling(kGeneralMedicine, "video", date).value_or(2500);
  for (std::size_t city = 0; city < cities.size(); ++city) {
    const seed_data::CommunePicker around(*cities[city], kDemoCityRadiusKm);
    // One transaction per city: a failure leaves whole cities, and the marker (the first GP)
    // is written with the first of them.
    auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
      for (int k = 0; k < options.gps_per_city; ++k) {
        const int number = static_cast<int>(city) * options.gps_per_city + k + 1;
        const auto first = rng.below(seed_data::kFirstNames.size());
        const seed_data::Person person{
            seed_data::kFirstNames[first],
            seed_data::kLastNames[rng.below(seed_data::kLastNames.size())],
            first < seed_data::kFirstNames.size() / 2 ? "female" : "male"};
        const auto email = city_gp_email(number, options.seed);
        auto account = co_await insert_account(tx, rng, email, "practitioner", std::nullopt, now);
        if (!account) co_return std::move(account).error();
        const auto birth = std::to_string(1960 + rng.below(35)) + "-0" +
                           std::to_string(1 + rng.below(9)) + "-1" + std::to_string(rng.below(9));
        if (auto r = co_await insert_person(tx, rng, *account, true, person, birth, "self", now);
            !r)
          co_return r;
        const auto rpps = seed_data::rpps_for(options.seed, kCityRppsBase + number);
        if (auto r = co_await store::insert_verified_practitioner(tx, *account, rpps,
                                                                  kGeneralMedicine, now);
            !r)
          co_return r;
        const auto* commune = around.pick(rng);
        auto p = city_gp_profile(rng, *account, *commune, now);
        p.public_id = "p" + random_base32(rng, 12);
        if (auto r = co_await store::insert_profile(tx, p); !r) co_return r;
        if (auto r = co_await store::update_profile(tx, p); !r) co_return r;
        for (auto m : seed_data::motifs_for(rng, gp, "1", true, false, date)) {
          m.public_id = "m" + random_base32(rng, 12);
          m.practitioner_id = *account;
          if (auto r = co_await store::insert_motif(tx, m, now); !r) co_return std::move(r).error();
        }
        const auto hours = seed_data::on_call_video_hours();
        if (auto r = co_await store::replace_hours(tx, *account, hours); !r) co_return r;
        if (city < kDutyCities && k < kDutyPerCity) {
          const auto motif = "m" + random_base32(rng, 12);
          if (auto r = co_await store::insert_demo_duty(tx, *account, kGeneralMedicine, motif,
                                                        queue_price, now);
              !r)
            co_return r;
          ++report.on_duty;
        }
        ++report.city_gps_created;
      }
      co_return ok();
    };
    if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
  }
  co_return ok();
}

Task<Result<std::optional<DemoAccountFound>>> find_demo_account(storage::Database& db,
                                                                const std::string& email) {
  co_return co_await store::find_account_by_email(db, email);
}

namespace {

// What demo patients come for: common, benign, what a GP sees by video every day.
constexpr std::array kReasons{"Fièvre depuis hier soir",
                              "Mal de gorge et toux depuis trois jours",
                              "Brûlures en urinant depuis ce matin",
                              "Rhume et nez bouché, besoin d'un arrêt de travail",
                              "Éruption sur les bras qui gratte depuis deux jours",
                              "Renouvellement de mon traitement contre l'hypertension"};
constexpr std::size_t kDemoPatientCommunes = 6;
constexpr std::array kBirthDates{"1991-04-12", "1968-11-03", "1984-07-21",
                                 "2002-02-14", "1975-09-30", "1957-06-08"};

}  // namespace

Task<Result<std::vector<DemoPatient>>> demo_queue_patients(storage::Database& db,
                                                           const Clock& clock, Random& random,
                                                           int count) {
  // The largest communes around Paris, where the demo practitioner practises: near them, she
  // may take each one at once (a patient far from her is first kept for the practitioners on
  // duty near them: queue.near_priority).
  const auto* paris = seed_data::largest_communes(1).at(0);
  const auto cities = seed_data::largest_communes(kDemoPatientCommunes, *paris, kDemoCityRadiusKm);
  const auto now = clock.unix_seconds();
  std::vector<DemoPatient> out;
  for (int n = 1; n <= count; ++n) {
    const auto i = static_cast<std::size_t>(n - 1);
    DemoPatient patient;
    patient.name = "Patient de démonstration " + std::to_string(n);
    patient.commune_code = cities[i % cities.size()]->code;
    patient.reason = kReasons[i % kReasons.size()];
    const auto email = "patient-demo-" + std::to_string(n) + "@demo.cabinet.test";
    auto found = co_await store::find_account_by_email(db, email);
    if (!found) co_return std::move(found).error();
    if (!*found) {
      const seed_data::Person person{"Patient", "de démonstration " + std::to_string(n),
                                     n % 2 == 1 ? "female" : "male"};
      const std::string birth = kBirthDates[i % kBirthDates.size()];
      // No password: nobody signs in as them; they only wait to be taken.
      auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
        auto account =
            co_await seed_parts::insert_account(tx, random, email, "patient", std::nullopt, now);
        if (!account) co_return std::move(account).error();
        co_return co_await seed_parts::insert_person(tx, random, *account, true, person, birth,
                                                     "self", now);
      };
      if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
      found = co_await store::find_account_by_email(db, email);
      if (!found) co_return std::move(found).error();
      if (!*found) co_return Error(ErrorCode::internal, "demo patient not written: " + email);
    }
    patient.account = std::move(**found);
    out.push_back(std::move(patient));
  }
  co_return out;
}

}  // namespace cabinet::directory
