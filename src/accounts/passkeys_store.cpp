#include "accounts/passkeys_store.hpp"

#include "storage/query.hpp"

namespace cabinet::accounts::passkey_store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, public_id, account_id, credential_id, public_key, alg, sign_count, name,"
    " transports, created_at, last_used_at FROM passkeys ";
constexpr std::string_view kOfAccount = "WHERE account_id = $1 ORDER BY created_at, id";
constexpr std::string_view kByCredential = "WHERE credential_id = $1";
constexpr std::string_view kByPublicId = "WHERE account_id = $1 AND public_id = $2";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM passkeys WHERE account_id = $1";
constexpr std::string_view kInsert =
    "INSERT INTO passkeys (public_id, account_id, credential_id, public_key, alg, sign_count,"
    " aaguid, name, transports, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
    " ON CONFLICT (credential_id) DO NOTHING";
constexpr std::string_view kRename =
    "UPDATE passkeys SET name = $1 WHERE account_id = $2 AND public_id = $3";
constexpr std::string_view kRemove =
    "DELETE FROM passkeys WHERE account_id = $1 AND public_id = $2";
constexpr std::string_view kUsed =
    "UPDATE passkeys SET sign_count = $1, last_used_at = $2 WHERE id = $3 AND sign_count = $4";
constexpr std::string_view kRemoveAll = "DELETE FROM passkeys WHERE account_id = $1";

constexpr std::string_view kPurge = "DELETE FROM webauthn_challenges WHERE expires_at < $1";
constexpr std::string_view kInsertChallenge =
    "INSERT INTO webauthn_challenges (id, purpose, account_id, challenge, expires_at, created_at,"
    " ip) VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kTakeChallenge =
    "UPDATE webauthn_challenges SET used_at = $1 WHERE id = $2 AND purpose = $3"
    " AND used_at IS NULL AND expires_at > $1 RETURNING account_id, challenge";
// Spent and expired challenges are kept an hour (what an investigation of a burst would read).
constexpr std::int64_t kKeepChallenges = 3600;

Passkey passkey_from(const storage::Row& r) {
  Passkey p;
  p.id = r.integer(0);
  p.public_id = r.text(1);
  p.account_id = r.integer(2);
  p.credential_id = r.text(3);
  p.public_key = r.bytes(4);
  p.alg = r.integer(5);
  p.sign_count = r.integer(6);
  p.name = r.text(7);
  p.transports = r.text(8);
  p.created_at = r.integer(9);
  p.last_used_at = r.opt_integer(10);
  return p;
}

Challenge challenge_from(const storage::Row& r) { return {r.opt_integer(0), r.text(1)}; }

std::int64_t first_integer(const storage::Row& r) { return r.integer(0); }

}  // namespace

Task<Result<std::vector<Passkey>>> of_account(Executor& db, std::int64_t account) {
  co_return co_await storage::all(db, std::string(kColumns) + std::string(kOfAccount),
                                  storage::bind(account), passkey_from);
}

Task<Result<std::int64_t>> count_of(Executor& db, std::int64_t account) {
  auto n = co_await storage::first(db, kCount, storage::bind(account), first_integer);
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

Task<Result<std::optional<Passkey>>> by_credential(Executor& db, const std::string& credential) {
  co_return co_await storage::first(db, std::string(kColumns) + std::string(kByCredential),
                                    storage::bind(credential), passkey_from);
}

Task<Result<std::optional<Passkey>>> by_public_id(Executor& db, std::int64_t account,
                                                  const std::string& public_id) {
  co_return co_await storage::first(db, std::string(kColumns) + std::string(kByPublicId),
                                    storage::bind(account, public_id), passkey_from);
}

Task<Result<bool>> insert(Transaction& tx, const NewPasskey& p, std::int64_t now) {
  auto params =
      storage::bind(p.public_id, p.account_id, p.credential_id, storage::blob(p.public_key), p.alg,
                    p.sign_count, p.aaguid, p.name, p.transports, now);
  co_return co_await storage::changed_one(tx, kInsert, std::move(params));
}

Task<Result<bool>> rename(Executor& db, std::int64_t account, const std::string& public_id,
                          const std::string& name) {
  co_return co_await storage::changed_one(db, kRename, storage::bind(name, account, public_id));
}

Task<Result<bool>> remove(Transaction& tx, std::int64_t account, const std::string& public_id) {
  co_return co_await storage::changed_one(tx, kRemove, storage::bind(account, public_id));
}

Task<Result<bool>> used(Transaction& tx, std::int64_t id, std::int64_t expected_count,
                        std::int64_t new_count, std::int64_t now) {
  co_return co_await storage::changed_one(tx, kUsed,
                                          storage::bind(new_count, now, id, expected_count));
}

Task<Result<void>> remove_all(Transaction& tx, std::int64_t account) {
  co_return co_await storage::run(tx, kRemoveAll, storage::bind(account));
}

Task<Result<void>> insert_challenge(Executor& db, const std::string& id, std::string_view purpose,
                                    std::optional<std::int64_t> account,
                                    const std::string& challenge, std::int64_t expires_at,
                                    std::int64_t now, const std::string& ip) {
  if (auto r = co_await storage::run(db, kPurge, storage::bind(now - kKeepChallenges)); !r)
    co_return r;
  auto params = storage::bind(id, std::string(purpose), storage::optional(account), challenge,
                              expires_at, now, ip);
  co_return co_await storage::run(db, kInsertChallenge, std::move(params));
}

Task<Result<std::optional<Challenge>>> take_challenge(Executor& db, const std::string& id,
                                                      std::string_view purpose, std::int64_t now) {
  co_return co_await storage::first(db, kTakeChallenge,
                                    storage::bind(now, id, std::string(purpose)), challenge_from);
}

}  // namespace cabinet::accounts::passkey_store
