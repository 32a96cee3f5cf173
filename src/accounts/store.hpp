#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "crypto/guest_names.hpp"
#include "storage/database.hpp"

// Every SQL statement of the accounts feature (STYLE.md "SQL: owned by the store").
namespace cabinet::accounts::store {

using storage::Executor;
using storage::Transaction;

struct Account {
  std::int64_t id = 0;
  std::string public_id;
  std::string email;
  std::optional<std::int64_t> email_confirmed_at;
  std::string phone;
  std::string password_hash;
  std::string role;
  std::string status;
  std::string locale;
  bool totp_enabled = false;
  std::optional<std::string> totp_secret;  // sealed
  std::int64_t failed_logins = 0;
  std::optional<std::int64_t> last_failed_login_at;
  std::int64_t created_at = 0;
};

struct Profile {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t account_id = 0;
  bool is_holder = false;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
  std::string relationship;
  std::optional<std::string> administrative;  // sealed JSON
};

struct NewAccount {
  std::string public_id;
  std::string email;
  std::string phone;
  std::string password_hash;
  std::string role;
  std::string status;
  std::string locale;
  std::optional<std::int64_t> email_confirmed_at;
};

struct NewProfile {
  std::string public_id;
  std::int64_t account_id = 0;
  bool is_holder = false;
  std::string first_name;
  std::string last_name;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
  std::string relationship;
};

struct Token {
  std::string purpose;
  std::optional<std::int64_t> account_id;
  std::optional<std::int64_t> assistant_id;
  std::int64_t expires_at = 0;
  std::optional<std::int64_t> used_at;
};

struct Challenge {
  std::int64_t account_id = 0;
  std::string method;
  std::optional<std::string> code_hash;
  std::int64_t attempts = 0;
};

struct GuestName {
  std::string name;        // as the guest typed it, once opened; empty before they claimed the link
  std::string kind;        // "guest" or "interpreter"
  std::string token_hash;  // the name's context (crypto::invitation_context)
  crypto::StoredName sealed;  // "guest_name", as the row keeps it
};

Task<Result<std::optional<Account>>> account_by_email(Executor& db, const std::string& email);
Task<Result<std::optional<Account>>> account_by_id(Executor& db, std::int64_t id);
Task<Result<std::int64_t>> insert_account(Transaction& tx, const NewAccount& a, std::int64_t now);
Task<Result<void>> set_password(Executor& db, std::int64_t account, const std::string& hash,
                                std::int64_t now);
Task<Result<void>> confirm_email(Executor& db, std::int64_t account, std::int64_t now);
Task<Result<void>> set_partner(Executor& db, std::int64_t account, std::int64_t partner);
Task<Result<void>> update_contact(Executor& db, std::int64_t account,
                                  const std::optional<std::string>& phone,
                                  const std::optional<std::string>& locale, std::int64_t now);
Task<Result<void>> set_totp(Executor& db, std::int64_t account,
                            const std::optional<std::string>& sealed, bool enabled,
                            std::int64_t now);
// Records `step` as the last authenticator step used; false if it (or a later one) already was.
Task<Result<bool>> use_totp_step(Executor& db, std::int64_t account, std::int64_t step);
// RGPD erasure: the row stays (audit entries point at it) without personal data.
Task<Result<void>> erase_account(Transaction& tx, std::int64_t account, std::int64_t now);
// The health space's rows of an account or a profile (health_store.cpp).
Task<Result<void>> erase_health(Transaction& tx, std::int64_t account);
Task<Result<void>> erase_profile_health(Transaction& tx, std::int64_t profile);

Task<Result<std::int64_t>> insert_profile(Transaction& tx, const NewProfile& p, std::int64_t now);
// The holder's own profile first, then relatives by first name.
Task<Result<std::vector<Profile>>> profiles_of(Executor& db, std::int64_t account);

struct ProfileChange {
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> birth_date;
  std::optional<std::string> sex;
  std::optional<std::string> relationship;
};
Task<Result<void>> update_profile(Executor& db, std::int64_t profile, const ProfileChange& c,
                                  std::int64_t now);
Task<Result<void>> set_administrative(Executor& db, std::int64_t profile, const std::string& sealed,
                                      std::int64_t now);
// Removes a relative's profile (never a holder's): sessions acting for it fall back to the holder.
Task<Result<bool>> delete_relative(Transaction& tx, std::int64_t account, std::int64_t profile);
// The holder's name of each account, for the access log.
Task<Result<std::optional<std::string>>> holder_name(Executor& db, std::int64_t account);

Task<Result<void>> insert_token(Transaction& tx, const std::string& hash, std::string_view purpose,
                                std::optional<std::int64_t> account,
                                std::optional<std::int64_t> assistant, std::int64_t expires_at,
                                std::int64_t now);
Task<Result<std::optional<Token>>> token(Executor& db, const std::string& hash);
// Marks the token used if it still is usable; false when another request used it first.
Task<Result<bool>> use_token(Transaction& tx, const std::string& hash, std::int64_t now);
// Marks every still-unused token of `purpose` of the account used.
Task<Result<void>> spend_tokens(Transaction& tx, std::int64_t account, std::string_view purpose,
                                std::int64_t now);

Task<Result<void>> insert_challenge(Transaction& tx, const std::string& id, std::int64_t account,
                                    std::string_view method,
                                    const std::optional<std::string>& code_hash,
                                    std::int64_t expires_at, std::int64_t now,
                                    const std::string& ip);
// Counts one try, atomically, if the challenge is still open (unused, unexpired, < max tries).
Task<Result<std::optional<Challenge>>> try_challenge(Executor& db, const std::string& id,
                                                     std::int64_t now, std::int64_t max_attempts);
Task<Result<bool>> use_challenge(Transaction& tx, const std::string& id, std::int64_t now);
// The challenge if it is still open (unused, unexpired, < max tries).
Task<Result<std::optional<Challenge>>> open_challenge(Executor& db, const std::string& id,
                                                      std::int64_t now, std::int64_t max_attempts);
// A new code for a challenge still open, its tries kept; false when it is no longer open.
Task<Result<bool>> replace_challenge_code(Executor& db, const std::string& id,
                                          const std::string& code_hash, std::int64_t expires_at,
                                          std::int64_t now, std::int64_t max_attempts);

// What the access log's sentences need from other features' tables (SEC2): the day of the
// consultation an entry is about, and the name of a guest. Read-only, by the ids the audit
// entries carry.
// Appointment public id -> start (Unix seconds).
Task<Result<std::map<std::string, std::int64_t>>> appointment_starts(
    Executor& db, const std::vector<std::string>& public_ids);
// Invitation (= guest) id -> name and kind.
Task<Result<std::map<std::int64_t, GuestName>>> guests_by_id(Executor& db,
                                                             const std::vector<std::int64_t>& ids);

}  // namespace cabinet::accounts::store
