#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "accounts/password.hpp"
#include "core/clock.hpp"
#include "storage/database.hpp"

// Demo data (OPS5): a deterministic, realistic set of verified practitioners across French
// communes — names, a specialty mix, opening hours, motifs and fees by sector — and, on
// request, demo accounts to sign in with.
namespace cabinet::directory {

struct SeedOptions {
  int practitioners = 500;
  std::uint64_t seed = 1;
  bool demo_accounts = false;
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
  bool already_seeded = false;  // this seed's practitioners were there: nothing was written
  std::vector<DemoAccount> accounts;
  // The demo patient's past consultation, still to be closed with its documents (by the caller,
  // which has the documents feature): empty without demo accounts.
  std::string demo_consultation;
};

Task<Result<SeedReport>> seed(storage::Database& db, const Clock& clock,
                              const SeedOptions& options);

}  // namespace cabinet::directory
