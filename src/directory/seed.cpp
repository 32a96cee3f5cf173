#include "directory/seed.hpp"

#include <algorithm>

#include "agenda/holidays.hpp"
#include "core/random.hpp"
#include "directory/agenda_store.hpp"
#include "directory/seed_data.hpp"
#include "directory/seed_parts.hpp"
#include "directory/seed_store.hpp"
#include "directory/store.hpp"
#include "geo/communes.hpp"

namespace cabinet::directory {

namespace seed_parts {

Task<Result<std::int64_t>> insert_account(storage::Executor& tx, Random& rng,
                                          const std::string& email, const std::string& role,
                                          const std::optional<std::string>& password_hash,
                                          std::int64_t now) {
  const store::DemoAccountRow row{random_base32(rng, 16), email, "+33612345678", password_hash,
                                  role};
  co_return co_await store::insert_demo_account(tx, row, now);
}

Task<Result<void>> insert_person(storage::Executor& tx, Random& rng, std::int64_t account,
                                 bool holder, const seed_data::Person& p, const std::string& birth,
                                 const std::string& relationship, std::int64_t now) {
  std::optional<std::string> sex;
  if (!p.sex.empty()) sex = p.sex;
  const store::DemoPersonRow row{
      random_base32(rng, 16), account,     holder, p.first, p.last, birth,
      std::move(sex),         relationship};
  co_return co_await store::insert_demo_person(tx, row, now);
}

}  // namespace seed_parts

namespace {

using seed_data::CommunePicker;
using seed_data::hours_for;
using seed_data::kFirstNames;
using seed_data::kLanguages;
using seed_data::kLastNames;
using seed_data::kMix;
using seed_data::luhn_rpps;
using seed_data::motifs_for;
using seed_data::Person;
using seed_data::rpps_for;
using seed_data::SeededRandom;
using seed_data::SpecialtyMix;
using seed_data::tariff_date;
using seed_parts::insert_account;
using seed_parts::insert_person;

// Three accounts to try the product with, printed by `make run` at the first start. Their
// passwords are public: development and demonstration databases only.
Task<Result<std::vector<DemoAccount>>> seed_demo_accounts(storage::Database& db, const Clock& clock,
                                                          const SeedOptions& options,
                                                          SeededRandom& rng,
                                                          const std::string& demo_consultation) {
  const auto now = clock.unix_seconds();
  std::vector<DemoAccount> out = demo_accounts();
  std::vector<std::string> hashes;
  for (const auto& a : out) hashes.push_back(accounts::hash_password(a.password, options.hashing));
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto patient = co_await insert_account(tx, rng, out[0].email, "patient", hashes[0], now);
    if (!patient) co_return std::move(patient).error();
    const Person zoe{"Zoé", "Lambert", "female"};
    const Person hugo{"Hugo", "Lambert", "male"};
    const Person camille{"Camille", "Durand", "female"};
    const Person op_person{"Opérateur", "Démo", ""};
    const std::string zoe_birth = "1988-05-14";
    const std::string hugo_birth = "2019-09-03";
    const std::string camille_birth = "1979-02-11";
    const std::string op_birth = "1980-01-01";
    const std::string self = "self";
    const std::string child = "child";
    if (auto r = co_await insert_person(tx, rng, *patient, true, zoe, zoe_birth, self, now); !r)
      co_return r;
    if (auto r = co_await insert_person(tx, rng, *patient, false, hugo, hugo_birth, child, now); !r)
      co_return r;

    auto dr = co_await insert_account(tx, rng, out[1].email, "practitioner", hashes[1], now);
    if (!dr) co_return std::move(dr).error();
    if (auto r = co_await insert_person(tx, rng, *dr, true, camille, camille_birth, self, now); !r)
      co_return r;
    const auto dr_rpps = luhn_rpps("1000000001");
    const std::string general_medicine = "general_medicine";
    if (auto r =
            co_await store::insert_verified_practitioner(tx, *dr, dr_rpps, general_medicine, now);
        !r)
      co_return r;
    store::Profile p;
    p.account_id = *dr;
    p.public_id = "p" + random_base32(rng, 12);
    p.updated_at = now;
    if (auto r = co_await store::insert_profile(tx, p); !r) co_return r;
    const auto* paris11 = geo::Communes::instance().by_code("75111");
    if (paris11 == nullptr) paris11 = geo::Communes::instance().by_code("75056");
    if (paris11 != nullptr) {
      p.commune_code = paris11->code;
      p.postcode = "75011";
      p.lat = paris11->lat;
      p.lng = paris11->lng;
      p.department = "75";
    }
    p.address_line = "12 rue Oberkampf";
    p.languages = "fr,en";
    p.tiers_payant = true;
    p.payment_modes = "card,cheque";
    p.video = true;
    p.in_person = true;
    p.presentation = "Médecin généraliste. Je vous reçois au cabinet et en téléconsultation.";
    if (auto r = co_await store::update_profile(tx, p); !r) co_return r;
    for (auto m : motifs_for(rng, kMix[0], "1", true, true, tariff_date(now))) {
      m.public_id = "m" + random_base32(rng, 12);
      m.practitioner_id = *dr;
      if (auto r = co_await store::insert_motif(tx, m, now); !r) co_return std::move(r).error();
    }
    std::vector<store::Hours> hours;
    for (int day = 1; day <= 5; ++day) {
      hours.push_back({day, "in_person", 9 * 60, 12 * 60, 0});
      hours.push_back({day, "video", 12 * 60 + 30, 14 * 60, 0});
      hours.push_back({day, "in_person", 14 * 60, 18 * 60, 0});
      hours.push_back({day, "video", 18 * 60, 20 * 60, 0});
    }
    if (auto r = co_await store::replace_hours(tx, *dr, hours); !r) co_return r;
    // A video consultation that has just taken place (started about 20 minutes ago), which the
    // seed closes with documents, so that "Mes documents" is not empty on the first visit.
    const auto earlier = now - 20 * 60;
    const auto start = earlier - earlier % 300;
    auto inserted = co_await store::insert_demo_past_consultation(tx, demo_consultation, *dr,
                                                                  *patient, start, now);
    if (!inserted) co_return std::move(inserted).error();

    auto op = co_await insert_account(tx, rng, out[2].email, "operator", hashes[2], now);
    if (!op) co_return std::move(op).error();
    co_return co_await insert_person(tx, rng, *op, true, op_person, op_birth, self, now);
  };
  if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
  co_return out;
}

// The `--practitioners` demo practitioners: every specialty, across France.
Task<Result<void>> practitioners(storage::Database& db, std::int64_t now,
                                 const SeedOptions& options, SeededRandom& rng,
                                 SeedReport& report) {
  CommunePicker communes;
  int total_weight = 0;
  for (const auto& m : kMix) total_weight += m.weight;

  constexpr int kBatch = 100;
  for (int start = 0; start < options.practitioners; start += kBatch) {
    auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
      for (int i = start; i < std::min(options.practitioners, start + kBatch); ++i) {
        auto pick = static_cast<int>(rng.below(static_cast<std::size_t>(total_weight)));
        const SpecialtyMix* mix = &kMix[0];
        for (const auto& m : kMix) {
          if (pick < m.weight) {
            mix = &m;
            break;
          }
          pick -= m.weight;
        }
        const auto first = rng.below(kFirstNames.size());
        // The first half of the list are women's names.
        Person person{kFirstNames[first], kLastNames[rng.below(kLastNames.size())],
                      first < kFirstNames.size() / 2 ? "female" : "male"};
        const auto email = "praticien-" + std::to_string(i + 1) + "." +
                           std::to_string(options.seed) + "@demo.cabinet.test";
        // No password: demo practitioners exist to be found, not to sign in.
        auto account = co_await insert_account(tx, rng, email, "practitioner", std::nullopt, now);
        if (!account) co_return std::move(account).error();
        const auto birth = std::to_string(1955 + rng.below(40)) + "-0" +
                           std::to_string(1 + rng.below(9)) + "-1" + std::to_string(rng.below(9));
        if (auto r = co_await insert_person(tx, rng, *account, true, person, birth, "self", now);
            !r)
          co_return r;
        // RPPS: "1", the seed's last two digits, the practitioner's number, a Luhn key.
        const auto rpps = rpps_for(options.seed, i + 1);
        const std::string specialty(mix->code);
        if (auto r =
                co_await store::insert_verified_practitioner(tx, *account, rpps, specialty, now);
            !r)
          co_return r;

        const auto* commune = communes.pick(rng);
        store::Profile p;
        p.account_id = *account;
        p.public_id = "p" + random_base32(rng, 12);
        p.updated_at = now;
        if (auto r = co_await store::insert_profile(tx, p); !r) co_return r;
        const bool video = rng.chance(mix->video_percent);
        const bool in_person = !video || rng.chance(70);
        p.address_line = std::to_string(1 + rng.below(120)) +
                         (rng.chance(50) ? " rue de la République" : " avenue Jean Jaurès");
        p.commune_code = commune->code;
        p.postcode = commune->postcodes[rng.below(commune->postcodes.size())];
        p.lat = commune->lat;
        p.lng = commune->lng;
        p.department = commune->department;
        p.timezone = std::string(agenda::zone_for_department(commune->department));
        p.languages = "fr";
        if (rng.chance(40))
          p.languages += std::string(",") + kLanguages[rng.below(kLanguages.size())];
        const auto roll = rng.below(100);
        p.sector = roll < 65 ? "1" : roll < 80 ? "2_optam" : roll < 95 ? "2" : "nc";
        if (std::string_view(mix->code) == "psychology" ||
            std::string_view(mix->code) == "dietetics")
          p.sector = "nc";
        p.carte_vitale = p.sector != "nc";
        p.tiers_payant = p.sector == "1" && rng.chance(50);
        p.payment_modes = rng.chance(70) ? "card,cheque,cash" : "card";
        p.video = video;
        p.in_person = in_person;
        p.presentation = "Je vous reçois " +
                         std::string(video && in_person ? "au cabinet et en téléconsultation"
                                     : video            ? "en téléconsultation"
                                                        : "au cabinet") +
                         ". Merci de prévenir en cas d’empêchement.";
        p.min_notice_minutes = rng.chance(50) ? 60 : 120;
        p.horizon_days = rng.chance(70) ? 60 : 90;
        if (auto r = co_await store::update_profile(tx, p); !r) co_return r;
        for (auto m : motifs_for(rng, *mix, p.sector, video, in_person, tariff_date(now))) {
          m.public_id = "m" + random_base32(rng, 12);
          m.practitioner_id = *account;
          if (auto r = co_await store::insert_motif(tx, m, now); !r) co_return std::move(r).error();
        }
        if (auto r = co_await store::replace_hours(tx, *account, hours_for(rng, video, in_person));
            !r)
          co_return r;
        ++report.practitioners_created;
      }
      co_return ok();
    };
    if (auto r = co_await db.transact(body); !r) co_return std::move(r).error();
  }
  co_return ok();
}

}  // namespace

const std::vector<DemoAccount>& demo_accounts() {
  static const std::vector<DemoAccount> accounts{
      {"patient", "patient@demo.cabinet.test", "Tilleul-Printemps-2026",
       "Zoé Lambert, with her son Hugo as a relative"},
      {"practitioner", "praticien@demo.cabinet.test", "Stethoscope-Bleu-2026",
       "Dr Camille Durand, general practice in Paris 11e, video and in person"},
      {"operator", "operateur@demo.cabinet.test", "Registre-Verifie-2026",
       "verifies practitioners"}};
  return accounts;
}

Task<Result<SeedReport>> seed(storage::Database& db, const Clock& clock,
                              const SeedOptions& options) {
  SeedReport report;
  SeededRandom rng(options.seed);
  const auto now = clock.unix_seconds();
  // Each part has its own marker: a database seeded before the city GPs existed gets them at
  // the next `make run`, and a second run adds nothing.
  const auto marker = "praticien-1." + std::to_string(options.seed) + "@demo.cabinet.test";
  auto already = co_await store::count_accounts_with_email(db, marker);
  if (!already) co_return std::move(already).error();
  if (*already == 0) {
    if (auto r = co_await practitioners(db, now, options, rng, report); !r)
      co_return std::move(r).error();
    // With --practitioners 0 there is no marker: the demo patient's email says it instead.
    auto accounts_there = co_await store::count_accounts_with_email(db, demo_accounts()[0].email);
    if (!accounts_there) co_return std::move(accounts_there).error();
    if (options.demo_accounts && *accounts_there == 0) {
      report.demo_consultation = "a" + random_base32(rng, 12);
      auto accounts =
          co_await seed_demo_accounts(db, clock, options, rng, report.demo_consultation);
      if (!accounts) co_return std::move(accounts).error();
      report.accounts = std::move(*accounts);
    }
  }
  if (options.gps_per_city > 0) {
    if (auto r = co_await seed_parts::city_gps(db, now, options, report); !r)
      co_return std::move(r).error();
  }
  report.already_seeded =
      report.practitioners_created == 0 && report.city_gps_created == 0 && report.accounts.empty();
  co_return report;
}

}  // namespace cabinet::directory