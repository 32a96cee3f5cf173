#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

// The passkeys' and WebAuthn challenges' SQL (migrations/V018__passkeys.sql).
namespace cabinet::accounts::passkey_store {

using storage::Executor;
using storage::Transaction;

struct Passkey {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t account_id = 0;
  std::string credential_id;  // base64url
  std::string public_key;     // COSE
  std::int64_t alg = 0;
  std::int64_t sign_count = 0;
  std::string name;
  std::string transports;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
};

struct NewPasskey {
  std::string public_id;
  std::int64_t account_id = 0;
  std::string credential_id;
  std::string public_key;
  std::int64_t alg = 0;
  std::int64_t sign_count = 0;
  std::string aaguid;
  std::string name;
  std::string transports;
};

struct Challenge {
  std::optional<std::int64_t> account_id;
  std::string challenge;  // base64url
};

Task<Result<std::vector<Passkey>>> of_account(Executor& db, std::int64_t account);
Task<Result<std::int64_t>> count_of(Executor& db, std::int64_t account);
Task<Result<std::optional<Passkey>>> by_credential(Executor& db, const std::string& credential);
Task<Result<std::optional<Passkey>>> by_public_id(Executor& db, std::int64_t account,
                                                  const std::string& public_id);
// False when the credential id is already registered (on any account).
Task<Result<bool>> insert(Transaction& tx, const NewPasskey& p, std::int64_t now);
Task<Result<bool>> rename(Executor& db, std::int64_t account, const std::string& public_id,
                          const std::string& name);
Task<Result<bool>> remove(Transaction& tx, std::int64_t account, const std::string& public_id);
// Records a sign-in, only if the counter is still the one the check was made against (two
// parallel sign-ins with one counter value: one wins).
Task<Result<bool>> used(Transaction& tx, std::int64_t id, std::int64_t expected_count,
                        std::int64_t new_count, std::int64_t now);
// RGPD erasure.
Task<Result<void>> remove_all(Transaction& tx, std::int64_t account);

// Also drops the challenges expired for a while, so the table stays small.
Task<Result<void>> insert_challenge(Executor& db, const std::string& id, std::string_view purpose,
                                    std::optional<std::int64_t> account,
                                    const std::string& challenge, std::int64_t expires_at,
                                    std::int64_t now, const std::string& ip);
// Spends the challenge, if it is open and of this purpose: it never serves twice, even when the
// answer to it is refused.
Task<Result<std::optional<Challenge>>> take_challenge(Executor& db, const std::string& id,
                                                      std::string_view purpose, std::int64_t now);

}  // namespace cabinet::accounts::passkey_store
