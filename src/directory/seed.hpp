#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accounts/password.hpp"
#include "core/clock.hpp"
#include "core/random.hpp"
#include "directory/seed_store.hpp"
#include "storage/database.hpp"

// Demo data (OPS5): a deterministic, realistic set of verified practitioners across French
// communes — names, a specialty mix, opening hours, motifs and fees by sector — and, on
// request, demo accounts to sign in with.
namespace cabinet::directory {

struct SeedOptions {
  int practitioners = 500;
  std::uint64_t seed = 1;
  bool demo_accounts = false;
  // Video GPs around each of the 20 largest cities, a few of them on duty in the general
  // medicine queue (issue 16): a first start where "Consulter maintenant" finds someone. 0: none.
  int gps_per_city = 10;
  accounts::HashingCost hashing;
};

struct DemoAccount {
  std::string role;
  std::string email;
  std::string password;
  std::string note;
};

struct SeedReport {
  int practitioners_created = 0;
  int city_gps_created = 0;  // of which `on_duty` are on duty in the general medicine queue
  int on_duty = 0;
  bool already_seeded = false;  // every part asked for was there: nothing was written
  std::vector<DemoAccount> accounts;
  // The demo patient's past consultation, still to be closed with its documents (by the caller,
  // which has the documents feature): empty without demo accounts.
  std::string demo_consultation;
};

Task<Result<SeedReport>> seed(storage::Database& db, const Clock& clock,
                              const SeedOptions& options);

// The demo accounts `--demo-accounts` creates (patient, practitioner, operator, in that order),
// with their public passwords.
const std::vector<DemoAccount>& demo_accounts();

// The video GPs are placed within this distance of each of the `kDemoCities` largest cities.
inline constexpr std::size_t kDemoCities = 20;
inline constexpr double kDemoCityRadiusKm = 30;

// For `cabinet demo queue` (seed_queue.cpp). An account of the demo, found by email.
using store::DemoAccountFound;
Task<Result<std::optional<DemoAccountFound>>> find_demo_account(storage::Database& db,
                                                                const std::string& email);

// "Patient de démonstration N" (N from 1 to `count`): an account without a password (nobody
// signs in as them) and a holder profile without relatives, made once and found again on the
// next call; each with a reason for consulting and a commune among the largest around Paris
// (Paris, Boulogne-Billancourt, Saint-Denis…), near the demo practitioner.
struct DemoPatient {
  DemoAccountFound account;  // with its holder profile
  std::string name;
  std::string commune_code;
  std::string reason;
};
Task<Result<std::vector<DemoPatient>>> demo_queue_patients(storage::Database& db,
                                                           const Clock& clock, Random& random,
                                                           int count);

}  // namespace cabinet::directory
