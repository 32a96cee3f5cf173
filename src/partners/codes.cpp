// Insurers' activation codes (docs/operator.md "Insurers' activation codes"): issued by the
// operator or the insurer's administrator, redeemed by a member for one of their profiles.
#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "partners/cover.hpp"
#include "partners/rules.hpp"
#include "partners/service.hpp"
#include "partners/store.hpp"

namespace cabinet::partners {
namespace {

constexpr int kMaxBatch = 1000;
// Guessing a 60-bit code is hopeless; the limits also keep a leaked batch from being tried out
// in bulk from one account or one address. Durable (rate_limits), so every node counts.
constexpr auth::Limit kRedeemPerAccount{"insurer-code-account", 10, std::chrono::hours(1)};
constexpr auth::Limit kRedeemPerIp{"insurer-code-ip", 50, std::chrono::hours(1)};

}  // namespace

Task<Result<Issued>> Service::issue(const Principal& who, const std::string& id,
                                    const nlohmann::json& body) {
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  if (p->kind != "insurer")
    co_return http::invalid_field("kind", "Seul un assureur émet des codes d'activation.",
                                  "Only an insurer issues activation codes.");
  int count = 1;
  if (body.is_object() && body.contains("count")) {
    const auto& c = body["count"];
    if (!c.is_number_integer() || c.get<std::int64_t>() < 1 || c.get<std::int64_t>() > kMaxBatch)
      co_return http::invalid_field("count", "Entre 1 et 1000 codes à la fois.",
                                    "Between 1 and 1000 codes at a time.");
    count = static_cast<int>(c.get<std::int64_t>());
  }
  Issued out;
  out.partner_name = p->name;
  out.at = d_.clock.unix_seconds();
  for (int i = 0; i < count; ++i) out.codes.push_back(new_code(d_.random));
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    for (const auto& code : out.codes) {
      const auto hash = crypto::sha256_hex(normalize_code(code));
      if (auto r = co_await store::insert_code(tx, p->id, hash, who.account_id, out.at); !r)
        co_return r;
    }
    co_return co_await audit(tx, who, "partner.codes.issue", p->public_id, std::to_string(count));
  });
  if (!committed) co_return std::move(committed).error();
  co_return out;
}

Task<Result<nlohmann::json>> Service::code_counts(const Principal& who, const std::string& id) {
  auto p = co_await visible(who, id);
  if (!p) co_return std::move(p).error();
  auto counts = co_await store::code_counts(d_.db, p->id);
  if (!counts) co_return std::move(counts).error();
  co_return nlohmann::json{{"issued", counts->issued}, {"redeemed", counts->redeemed}};
}

Task<Result<nlohmann::json>> Service::redeem(const Principal& who, const nlohmann::json& body,
                                             const std::string& ip) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  const http::Input in(body);
  auto code_in = in.text("code", 40);
  if (!code_in) co_return std::move(code_in).error();
  auto profile_in = in.text("profile_id", 64);
  if (!profile_in) co_return std::move(profile_in).error();
  if (auto r = co_await d_.limits.hit(kRedeemPerAccount, who.account_public_id); !r)
    co_return std::move(r).error();
  if (auto r = co_await d_.limits.hit(kRedeemPerIp, ip); !r) co_return std::move(r).error();
  auto profiles = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  const accounts::store::Profile* profile = nullptr;
  for (const auto& pr : *profiles) {
    if (pr.public_id == *profile_in) profile = &pr;
  }
  if (profile == nullptr) co_return Error(ErrorCode::not_found);
  const auto normalized = normalize_code(*code_in);
  if (normalized.empty()) co_return Error(ErrorCode::unknown_code);
  auto code = co_await store::code_by_hash(d_.db, crypto::sha256_hex(normalized));
  if (!code) co_return std::move(code).error();
  if (!*code) co_return Error(ErrorCode::unknown_code);
  if ((*code)->redeemed) co_return Error(ErrorCode::code_used);
  auto partner = co_await store::by_id(d_.db, (*code)->partner_id);
  if (!partner) co_return std::move(partner).error();
  // A disabled insurer's codes open nothing: as if they did not exist.
  if (!*partner || (*partner)->status != "active" || (*partner)->kind != "insurer")
    co_return Error(ErrorCode::unknown_code);
  const auto now = d_.clock.unix_seconds();
  const auto profile_id = profile->id;
  const auto code_id = (*code)->id;
  const auto scope = (*partner)->quota_scope;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto won = co_await store::redeem(tx, code_id, who.account_id, profile_id, scope, now);
    if (!won) co_return std::move(won).error();
    if (!*won) co_return Error(ErrorCode::code_used);
    audit::Entry e;
    e.actor_account_id = who.account_id;
    e.actor_role = "patient";
    e.profile_id = profile_id;
    e.action = "insurer_code.redeem";
    e.object = (*partner)->public_id;
    e.ip = ip;
    co_return co_await d_.audit.append(tx, e);
  });
  if (!committed) co_return std::move(committed).error();
  store::Benefit b;
  b.partner_id = (*partner)->id;
  b.scope = scope;
  b.profile_id = profile_id;
  b.quota_per_year = (*partner)->quota_per_year;
  auto left = co_await remaining(d_.db, b, who.account_id, now);
  if (!left) co_return std::move(left).error();
  co_return nlohmann::json{{"partner", (*partner)->name}, {"remaining", *left}};
}

Task<Result<nlohmann::json>> Service::benefits(const Principal& who) {
  if (who.role != Role::patient) co_return Error(ErrorCode::forbidden);
  auto rows = co_await store::benefits_of(d_.db, who.account_id);
  if (!rows) co_return std::move(rows).error();
  const auto now = d_.clock.unix_seconds();
  nlohmann::json out = nlohmann::json::array();
  for (const auto& b : *rows) {
    auto left = co_await remaining(d_.db, b, who.account_id, now);
    if (!left) co_return std::move(left).error();
    nlohmann::json profile = nullptr;
    if (b.scope != "family") profile = b.profile_public_id;
    out.push_back({{"partner", b.partner_name},
                   {"partner_id", b.partner_public_id},
                   {"scope", b.scope},
                   {"profile_id", profile},
                   {"per_year", b.quota_per_year},
                   {"covered_percent", b.covered_percent},
                   {"year", year_of(now)},
                   {"remaining", *left}});
  }
  co_return nlohmann::json{{"benefits", out}};
}

}  // namespace cabinet::partners
