#include "partners/cover.hpp"

#include "partners/rules.hpp"

namespace cabinet::partners {

Task<Result<int>> remaining(storage::Executor& db, const store::Benefit& b, std::int64_t account,
                            std::int64_t now) {
  const auto [from, to] = year_bounds(year_of(now));
  std::optional<std::int64_t> profile;
  if (b.scope != "family") profile = b.profile_id;
  auto n = co_await store::used(db, b.partner_id, account, profile, from, to);
  if (!n) co_return std::move(n).error();
  co_return std::max<int>(0, b.quota_per_year - static_cast<int>(*n));
}

Task<Result<std::optional<Cover>>> cover_for(storage::Executor& db, std::int64_t account,
                                             std::int64_t profile, std::int64_t start_at,
                                             int price_cents, storage::Transaction* lock) {
  auto benefits = co_await store::benefits_of(db, account);
  if (!benefits) co_return std::move(benefits).error();
  std::optional<Cover> out;
  for (const auto& b : *benefits) {
    if (b.scope != "family" && b.profile_id != profile) continue;
    if (lock != nullptr) {
      if (auto r = co_await store::lock_benefit(*lock, b.code_id); !r)
        co_return std::move(r).error();
    }
    auto left = co_await remaining(db, b, account, start_at);
    if (!left) co_return std::move(left).error();
    Cover c;
    c.partner_id = b.partner_id;
    c.partner_name = b.partner_name;
    if (*left <= 0) {
      c.exhausted = true;
      c.patient_cents = price_cents;
      if (!out) out = c;  // said when no other entitlement applies
      continue;
    }
    const auto percent = std::clamp(b.covered_percent, 0, 100);
    c.insurer_cents = price_cents * percent / 100;
    c.patient_cents = price_cents - c.insurer_cents;
    c.remaining = *left - 1;
    co_return std::optional<Cover>(c);
  }
  co_return out;
}

}  // namespace cabinet::partners
