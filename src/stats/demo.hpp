#pragma once

#include <cstdint>

#include "core/clock.hpp"
#include "crypto/keyring.hpp"
#include "storage/database.hpp"

namespace cabinet::stats {

struct DemoReport {
  bool already_there = false;
  std::int64_t appointments = 0;
  std::int64_t queue_entries = 0;
};

// Eight weeks of past activity for the demo practitioners (`cabinet seed --demo-accounts`), so
// that the statistics page has charts at the first `make run`: appointments held, cancelled and
// missed, immediate-queue entries with their waits, call reports and a few phone switches. They
// belong to one demo account that cannot sign in ("statistiques@demo.cabinet.test"), never to
// the demo patient, whose own pages stay as they were. Deterministic for a seed; once only.
Task<Result<DemoReport>> seed_demo_activity(storage::Database& db, const Clock& clock,
                                            const crypto::KeyRing& keys, std::uint64_t seed);

}  // namespace cabinet::stats
