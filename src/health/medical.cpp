// The medical profile (DOC5; docs/health-space.md "Medical profile"): one sealed JSON document
// per profile, read and written by the account's holder, every access audited.
#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "crypto/keyring.hpp"
#include "health/medical_rules.hpp"
#include "health/sealing.hpp"
#include "health/service.hpp"
#include "health/store.hpp"

namespace cabinet::health {

Task<Result<nlohmann::json>> Service::read_medical(std::int64_t profile,
                                                   const std::string& public_id) {
  auto row = co_await store::medical(d_.db, profile);
  if (!row) co_return std::move(row).error();
  nlohmann::json out = empty_medical();
  if (*row) {
    auto text = d_.keys.open((*row)->sealed, medical_context(public_id));
    if (!text) co_return std::move(text).error();
    auto parsed = nlohmann::json::parse(*text, nullptr, false);
    if (!parsed.is_object()) co_return Error(ErrorCode::internal, "medical profile unreadable");
    out = std::move(parsed);
  }
  out["profile_id"] = public_id;
  co_return out;
}

Task<Result<nlohmann::json>> Service::medical(const Principal& who, const std::string& profile) {
  auto p = co_await own_profile(who, profile);
  if (!p) co_return std::move(p).error();
  auto out = co_await read_medical(p->id, p->public_id);
  if (!out) co_return std::move(out).error();
  const auto e = health_entry(who, p->id, "health.medical.read", p->public_id);
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return std::move(*out);
}

Task<Result<nlohmann::json>> Service::put_medical(const Principal& who, const std::string& profile,
                                                  const nlohmann::json& body) {
  auto p = co_await own_profile(who, profile);
  if (!p) co_return std::move(p).error();
  auto stored = co_await read_medical(p->id, p->public_id);
  if (!stored) co_return std::move(stored).error();
  auto holder = co_await accounts::store::holder_name(d_.db, who.account_id);
  if (!holder) co_return std::move(holder).error();
  const Author author{"patient", holder->value_or("")};
  const Stamp stamp{d_.clock.unix_seconds(), today(),
                    [this] { return "m_" + random_base32(d_.random, 8); }};
  auto merged = merge_medical(body, *stored, author, stamp);
  if (!merged) co_return std::move(merged).error();
  const auto sealed = d_.keys.seal(merged->dump(), medical_context(p->public_id));
  const auto e = health_entry(who, p->id, "health.medical.write", p->public_id);
  const auto id = p->id;
  const auto now = stamp.now;
  auto saved = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::put_medical(tx, id, sealed, now); !r) co_return r;
    co_return co_await d_.audit.append(tx, e);
  });
  if (!saved) co_return std::move(saved).error();
  (*merged)["profile_id"] = p->public_id;
  co_return std::move(*merged);
}

}  // namespace cabinet::health
