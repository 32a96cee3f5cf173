#include "payments/store.hpp"

#include "storage/query.hpp"

namespace cabinet::payments::store {
namespace {

using storage::Params;

constexpr std::string_view kMethodByPublicId =
    "SELECT public_id, token, brand, last4 FROM sandbox_methods WHERE public_id = $1";
constexpr std::string_view kMethodByIdempotencyKey =
    "SELECT public_id, token, brand, last4 FROM sandbox_methods WHERE idempotency_key = $1";
constexpr std::string_view kInsertMethod =
    "INSERT INTO sandbox_methods (public_id, idempotency_key, token, brand, last4, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)";

constexpr std::string_view kHoldByPublicId =
    "SELECT public_id, status, amount_cents, captured_cents, brand, last4, expires_at"
    " FROM sandbox_holds WHERE public_id = $1";
constexpr std::string_view kHoldByIdempotencyKey =
    "SELECT public_id, status, amount_cents, captured_cents, brand, last4, expires_at"
    " FROM sandbox_holds WHERE idempotency_key = $1";
constexpr std::string_view kInsertHold =
    "INSERT INTO sandbox_holds (public_id, idempotency_key, amount_cents, status, brand, last4,"
    " expires_at, created_at, updated_at) VALUES ($1, $2, $3, 'authorized', $4, $5, $6, $7, $7)";
constexpr std::string_view kCaptureHold =
    "UPDATE sandbox_holds SET status = 'captured', captured_cents = $1, updated_at = $2"
    " WHERE public_id = $3 AND status = 'authorized' AND expires_at > $2 AND amount_cents >= $1";
constexpr std::string_view kVoidHold =
    "UPDATE sandbox_holds SET status = 'voided', updated_at = $1"
    " WHERE public_id = $2 AND status = 'authorized'";

HoldStatus parse_status(const std::string& s) {
  if (s == "captured") return HoldStatus::captured;
  if (s == "voided") return HoldStatus::voided;
  return HoldStatus::authorized;
}

SandboxMethod method_from(const storage::Row& r) {
  SandboxMethod m;
  m.method.id = r.text(0);
  m.token = r.text(1);
  m.method.brand = r.text(2);
  m.method.last4 = r.text(3);
  return m;
}

Hold hold_from(const storage::Row& r) {
  Hold h;
  h.id = r.text(0);
  h.status = parse_status(r.text(1));
  h.amount_cents = static_cast<int>(r.integer(2));
  h.captured_cents = static_cast<int>(r.integer(3));
  h.brand = r.text(4);
  h.last4 = r.text(5);
  h.expires_at = r.integer(6);
  return h;
}

}  // namespace

Task<Result<std::optional<SandboxMethod>>> method_by_public_id(Executor& db,
                                                               const std::string& public_id) {
  Params params{public_id};
  co_return co_await storage::first(db, kMethodByPublicId, std::move(params), method_from);
}

Task<Result<std::optional<SandboxMethod>>> method_by_idempotency_key(Executor& db,
                                                                     const std::string& key) {
  Params params{key};
  co_return co_await storage::first(db, kMethodByIdempotencyKey, std::move(params), method_from);
}

Task<Result<void>> insert_method(Executor& db, const SandboxMethod& m, const std::string& key,
                                 std::int64_t now) {
  Params params{m.method.id, key, m.token, m.method.brand, m.method.last4, now};
  co_return co_await storage::run(db, kInsertMethod, std::move(params));
}

Task<Result<std::optional<Hold>>> hold_by_public_id(Executor& db, const std::string& public_id) {
  Params params{public_id};
  co_return co_await storage::first(db, kHoldByPublicId, std::move(params), hold_from);
}

Task<Result<std::optional<Hold>>> hold_by_idempotency_key(Executor& db, const std::string& key) {
  Params params{key};
  co_return co_await storage::first(db, kHoldByIdempotencyKey, std::move(params), hold_from);
}

Task<Result<void>> insert_hold(Executor& db, const Hold& h, const std::string& key,
                               std::int64_t now) {
  Params params{h.id, key, std::int64_t{h.amount_cents}, h.brand, h.last4, h.expires_at, now};
  co_return co_await storage::run(db, kInsertHold, std::move(params));
}

Task<Result<bool>> capture_hold(Executor& db, const std::string& public_id, int amount_cents,
                                std::int64_t now) {
  Params params{std::int64_t{amount_cents}, now, public_id};
  auto changed = co_await storage::execute(db, kCaptureHold, std::move(params));
  if (!changed) co_return std::move(changed).error();
  co_return *changed == 1;
}

Task<Result<void>> void_hold(Executor& db, const std::string& public_id, std::int64_t now) {
  Params params{now, public_id};
  co_return co_await storage::run(db, kVoidHold, std::move(params));
}

}  // namespace cabinet::payments::store
