#include "accounts/store.hpp"

#include "storage/query.hpp"

namespace cabinet::accounts::store {
namespace {

constexpr std::string_view kAccountColumns =
    "SELECT id, public_id, email, email_confirmed_at, phone, password_hash, role, status, locale,"
    " totp_enabled, totp_secret, failed_logins, last_failed_login_at, created_at FROM accounts ";
constexpr std::string_view kInsertAccount =
    "INSERT INTO accounts (public_id, email, phone, password_hash, role, status, locale,"
    " email_confirmed_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
    " RETURNING id";
constexpr std::string_view kSetPassword =
    "UPDATE accounts SET password_hash = $1, failed_logins = 0, updated_at = $2 WHERE id = $3";
// The white-label partner a patient signed up on (docs/operator.md "Partners", "Tagging").
constexpr std::string_view kSetPartner = "UPDATE accounts SET partner_id = $1 WHERE id = $2";
constexpr std::string_view kConfirmEmail =
    "UPDATE accounts SET email_confirmed_at = $1, updated_at = $1 WHERE id = $2"
    " AND email_confirmed_at IS NULL";
constexpr std::string_view kUpdateContact =
    "UPDATE accounts SET phone = COALESCE($1, phone), locale = COALESCE($2, locale), updated_at = "
    "$3"
    " WHERE id = $4";
constexpr std::string_view kSetTotp =
    "UPDATE accounts SET totp_secret = $1, totp_enabled = $2, updated_at = $3 WHERE id = $4";
// Only a step later than the last one accepted: a code seen on a shoulder or in a log is spent.
constexpr std::string_view kUseTotpStep =
    "UPDATE accounts SET totp_last_step = $1 WHERE id = $2"
    " AND (totp_last_step IS NULL OR totp_last_step < $1)";
constexpr std::string_view kEraseAccount =
    "UPDATE accounts SET email = NULL, phone = NULL, password_hash = NULL, totp_secret = NULL,"
    " totp_enabled = 0, status = 'deleted', deleted_at = $1, updated_at = $1 WHERE id = $2";
constexpr std::string_view kEraseProfiles =
    "UPDATE profiles SET first_name = '', last_name = '', birth_date = NULL, sex = NULL,"
    " administrative = NULL, updated_at = $1 WHERE account_id = $2";

constexpr std::string_view kInsertProfile =
    "INSERT INTO profiles (public_id, account_id, is_holder, first_name, last_name, birth_date, "
    "sex,"
    " relationship, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)"
    " RETURNING id";
constexpr std::string_view kProfilesOf =
    "SELECT id, public_id, account_id, is_holder, first_name, last_name, birth_date, sex,"
    " relationship, administrative FROM profiles WHERE account_id = $1"
    " ORDER BY is_holder DESC, first_name, id";

constexpr std::string_view kUpdateProfile =
    "UPDATE profiles SET first_name = COALESCE($1, first_name), last_name = COALESCE($2, "
    "last_name),"
    " birth_date = COALESCE($3, birth_date), sex = COALESCE($4, sex),"
    " relationship = COALESCE($5, relationship), updated_at = $6 WHERE id = $7";
constexpr std::string_view kSetAdministrative =
    "UPDATE profiles SET administrative = $1, updated_at = $2 WHERE id = $3";
constexpr std::string_view kDetachSessions =
    "UPDATE sessions SET profile_id = NULL WHERE profile_id = $1";
constexpr std::string_view kDeleteRelative =
    "DELETE FROM profiles WHERE id = $1 AND account_id = $2 AND is_holder = 0";
constexpr std::string_view kHolderName =
    "SELECT first_name, last_name FROM profiles WHERE account_id = $1 AND is_holder = 1";

constexpr std::string_view kInsertToken =
    "INSERT INTO tokens (token_hash, purpose, account_id, assistant_id, expires_at, created_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kToken =
    "SELECT purpose, account_id, assistant_id, expires_at, used_at FROM tokens WHERE token_hash = "
    "$1";
constexpr std::string_view kUseToken =
    "UPDATE tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1";
// Every other link of that purpose of the account stops working (issue 17, F4).
constexpr std::string_view kSpendTokens =
    "UPDATE tokens SET used_at = $1 WHERE account_id = $2 AND purpose = $3 AND used_at IS NULL";

constexpr std::string_view kInsertChallenge =
    "INSERT INTO login_challenges (id, account_id, method, code_hash, expires_at, created_at, ip)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7)";
constexpr std::string_view kTryChallenge =
    "UPDATE login_challenges SET attempts = attempts + 1 WHERE id = $1 AND used_at IS NULL"
    " AND expires_at > $2 AND attempts < $3 RETURNING account_id, method, code_hash, attempts";
// A challenge whose tries are spent is as closed as an expired one: nothing revives it.
constexpr std::string_view kOpenChallenge =
    "SELECT account_id, method, code_hash, attempts FROM login_challenges WHERE id = $1"
    " AND used_at IS NULL AND expires_at > $2 AND attempts < $3";
constexpr std::string_view kUseChallenge =
    "UPDATE login_challenges SET used_at = $1 WHERE id = $2 AND used_at IS NULL";
// A new code keeps the tries already counted (issue 17, F2): resending never buys more guesses.
constexpr std::string_view kReplaceCode =
    "UPDATE login_challenges SET code_hash = $1, expires_at = $2 WHERE id = $3"
    " AND used_at IS NULL AND expires_at > $4 AND attempts < $5";

// What the access log's sentences need from other features' tables (SEC2), by the ids the
// audit entries carry; each followed by "($1, $2, …)".
constexpr std::string_view kAppointmentStarts =
    "SELECT public_id, start_at FROM appointments WHERE public_id IN ";
constexpr std::string_view kGuests =
    "SELECT id, kind, token_hash, sealed_guest_name, guest_name FROM consultation_invitations"
    " WHERE id IN ";

Account account_from(const storage::Row& r) {
  Account a;
  a.id = r.integer(0);
  a.public_id = r.text(1);
  a.email = r.opt_text(2).value_or("");
  a.email_confirmed_at = r.opt_integer(3);
  a.phone = r.opt_text(4).value_or("");
  a.password_hash = r.opt_text(5).value_or("");
  a.role = r.text(6);
  a.status = r.text(7);
  a.locale = r.text(8);
  a.totp_enabled = r.integer(9) != 0;
  if (!r.is_null(10)) a.totp_secret = r.bytes(10);
  a.failed_logins = r.integer(11);
  a.last_failed_login_at = r.opt_integer(12);
  a.created_at = r.integer(13);
  return a;
}

Task<Result<std::optional<Account>>> one_account(Executor& db, std::string sql,
                                                 storage::Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Account>{};
  co_return std::optional<Account>(account_from(rows->row(0)));
}

storage::Value text_or_null(const std::optional<std::string>& s) { return storage::optional(s); }

// "($1, $2, …)": the entries shown are at most a few hundred.
template <typename T>
std::string in_list(const std::vector<T>& values, storage::Params& params) {
  std::string sql = "(";
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql += (i == 0 ? "$" : ", $") + std::to_string(i + 1);
    params.emplace_back(values[i]);
  }
  return sql + ")";
}

std::pair<std::string, std::int64_t> appointment_start_from(const storage::Row& r) {
  return {r.text(0), r.integer(1)};
}

std::pair<std::int64_t, GuestName> guest_from(const storage::Row& r) {
  crypto::StoredName name;
  if (!r.is_null(3)) name.sealed = r.bytes(3);
  name.clear = r.opt_text(4);
  return {r.integer(0), GuestName{"", r.text(1), r.text(2), std::move(name)}};
}

}  // namespace

Task<Result<std::optional<Account>>> account_by_email(Executor& db, const std::string& email) {
  storage::Params params{email};
  co_return co_await one_account(db, std::string(kAccountColumns) + "WHERE email = $1",
                                 std::move(params));
}

Task<Result<std::optional<Account>>> account_by_id(Executor& db, std::int64_t id) {
  storage::Params params{id};
  co_return co_await one_account(db, std::string(kAccountColumns) + "WHERE id = $1",
                                 std::move(params));
}

Task<Result<std::int64_t>> insert_account(Transaction& tx, const NewAccount& a, std::int64_t now) {
  storage::Params params{a.public_id, a.email,  a.phone,  a.password_hash,
                         a.role,      a.status, a.locale, storage::optional(a.email_confirmed_at),
                         now};
  auto r = co_await tx.query(kInsertAccount, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->row(0).integer(0);
}

Task<Result<void>> set_password(Executor& db, std::int64_t account, const std::string& hash,
                                std::int64_t now) {
  storage::Params params{hash, now, account};
  co_return co_await storage::run(db, kSetPassword, std::move(params));
}

Task<Result<void>> set_partner(Executor& db, std::int64_t account, std::int64_t partner) {
  storage::Params params{partner, account};
  co_return co_await storage::run(db, kSetPartner, std::move(params));
}

Task<Result<void>> confirm_email(Executor& db, std::int64_t account, std::int64_t now) {
  storage::Params params{now, account};
  co_return co_await storage::run(db, kConfirmEmail, std::move(params));
}

Task<Result<void>> update_contact(Executor& db, std::int64_t account,
                                  const std::optional<std::string>& phone,
                                  const std::optional<std::string>& locale, std::int64_t now) {
  storage::Params params{text_or_null(phone), text_or_null(locale), now, account};
  co_return co_await storage::run(db, kUpdateContact, std::move(params));
}

Task<Result<void>> set_totp(Executor& db, std::int64_t account,
                            const std::optional<std::string>& sealed, bool enabled,
                            std::int64_t now) {
  storage::Value secret = sealed ? storage::blob(*sealed) : storage::Value(nullptr);
  storage::Params params{std::move(secret), std::int64_t{enabled ? 1 : 0}, now, account};
  co_return co_await storage::run(db, kSetTotp, std::move(params));
}

Task<Result<bool>> use_totp_step(Executor& db, std::int64_t account, std::int64_t step) {
  storage::Params params{step, account};
  auto r = co_await db.query(kUseTotpStep, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<void>> erase_account(Transaction& tx, std::int64_t account, std::int64_t now) {
  if (auto r = co_await erase_health(tx, account); !r) co_return r;
  storage::Params profiles{now, account};
  if (auto r = co_await storage::run(tx, kEraseProfiles, std::move(profiles)); !r) co_return r;
  storage::Params params{now, account};
  co_return co_await storage::run(tx, kEraseAccount, std::move(params));
}

Task<Result<std::int64_t>> insert_profile(Transaction& tx, const NewProfile& p, std::int64_t now) {
  storage::Params params{p.public_id,         p.account_id,   std::int64_t{p.is_holder ? 1 : 0},
                         p.first_name,        p.last_name,    text_or_null(p.birth_date),
                         text_or_null(p.sex), p.relationship, now};
  auto r = co_await tx.query(kInsertProfile, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->row(0).integer(0);
}

Task<Result<std::vector<Profile>>> profiles_of(Executor& db, std::int64_t account) {
  storage::Params params{account};
  auto rows = co_await db.query(kProfilesOf, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Profile> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Profile p;
    p.id = r.integer(0);
    p.public_id = r.text(1);
    p.account_id = r.integer(2);
    p.is_holder = r.integer(3) != 0;
    p.first_name = r.text(4);
    p.last_name = r.text(5);
    p.birth_date = r.opt_text(6);
    p.sex = r.opt_text(7);
    p.relationship = r.text(8);
    if (!r.is_null(9)) p.administrative = r.bytes(9);
    out.push_back(std::move(p));
  }
  co_return out;
}

Task<Result<void>> update_profile(Executor& db, std::int64_t profile, const ProfileChange& c,
                                  std::int64_t now) {
  storage::Params params{text_or_null(c.first_name),
                         text_or_null(c.last_name),
                         text_or_null(c.birth_date),
                         text_or_null(c.sex),
                         text_or_null(c.relationship),
                         now,
                         profile};
  co_return co_await storage::run(db, kUpdateProfile, std::move(params));
}

Task<Result<void>> set_administrative(Executor& db, std::int64_t profile, const std::string& sealed,
                                      std::int64_t now) {
  storage::Params params{storage::blob(sealed), now, profile};
  co_return co_await storage::run(db, kSetAdministrative, std::move(params));
}

Task<Result<bool>> delete_relative(Transaction& tx, std::int64_t account, std::int64_t profile) {
  if (auto r = co_await erase_profile_health(tx, profile); !r) co_return std::move(r).error();
  storage::Params detach{profile};
  if (auto r = co_await tx.query(kDetachSessions, std::move(detach)); !r)
    co_return std::move(r).error();
  storage::Params params{profile, account};
  auto r = co_await tx.query(kDeleteRelative, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<std::optional<std::string>>> holder_name(Executor& db, std::int64_t account) {
  storage::Params params{account};
  auto rows = co_await db.query(kHolderName, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<std::string>{};
  co_return std::optional<std::string>(rows->row(0).text(0) + " " + rows->row(0).text(1));
}

Task<Result<void>> insert_token(Transaction& tx, const std::string& hash, std::string_view purpose,
                                std::optional<std::int64_t> account,
                                std::optional<std::int64_t> assistant, std::int64_t expires_at,
                                std::int64_t now) {
  storage::Params params{hash,
                         std::string(purpose),
                         storage::optional(account),
                         storage::optional(assistant),
                         expires_at,
                         now};
  co_return co_await storage::run(tx, kInsertToken, std::move(params));
}

Task<Result<std::optional<Token>>> token(Executor& db, const std::string& hash) {
  storage::Params params{hash};
  auto rows = co_await db.query(kToken, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Token>{};
  const auto r = rows->row(0);
  co_return std::optional<Token>(
      Token{r.text(0), r.opt_integer(1), r.opt_integer(2), r.integer(3), r.opt_integer(4)});
}

Task<Result<bool>> use_token(Transaction& tx, const std::string& hash, std::int64_t now) {
  storage::Params params{now, hash};
  auto r = co_await tx.query(kUseToken, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<void>> spend_tokens(Transaction& tx, std::int64_t account, std::string_view purpose,
                                std::int64_t now) {
  storage::Params params{now, account, std::string(purpose)};
  co_return co_await storage::run(tx, kSpendTokens, std::move(params));
}

Task<Result<void>> insert_challenge(Transaction& tx, const std::string& id, std::int64_t account,
                                    std::string_view method,
                                    const std::optional<std::string>& code_hash,
                                    std::int64_t expires_at, std::int64_t now,
                                    const std::string& ip) {
  storage::Params params{id,  account, std::string(method), text_or_null(code_hash), expires_at,
                         now, ip};
  co_return co_await storage::run(tx, kInsertChallenge, std::move(params));
}

namespace {
Challenge challenge_from(const storage::Row& r) {
  return Challenge{r.integer(0), r.text(1), r.opt_text(2), r.integer(3)};
}
}  // namespace

Task<Result<std::optional<Challenge>>> try_challenge(Executor& db, const std::string& id,
                                                     std::int64_t now, std::int64_t max_attempts) {
  storage::Params params{id, now, max_attempts};
  auto rows = co_await db.query(kTryChallenge, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Challenge>{};
  co_return std::optional<Challenge>(challenge_from(rows->row(0)));
}

Task<Result<std::optional<Challenge>>> open_challenge(Executor& db, const std::string& id,
                                                      std::int64_t now, std::int64_t max_attempts) {
  storage::Params params{id, now, max_attempts};
  auto rows = co_await db.query(kOpenChallenge, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Challenge>{};
  co_return std::optional<Challenge>(challenge_from(rows->row(0)));
}

Task<Result<bool>> use_challenge(Transaction& tx, const std::string& id, std::int64_t now) {
  storage::Params params{now, id};
  auto r = co_await tx.query(kUseChallenge, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<bool>> replace_challenge_code(Executor& db, const std::string& id,
                                          const std::string& code_hash, std::int64_t expires_at,
                                          std::int64_t now, std::int64_t max_attempts) {
  storage::Params params{code_hash, expires_at, id, now, max_attempts};
  auto r = co_await db.query(kReplaceCode, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<std::map<std::string, std::int64_t>>> appointment_starts(
    Executor& db, const std::vector<std::string>& public_ids) {
  std::map<std::string, std::int64_t> out;
  if (public_ids.empty()) co_return out;
  storage::Params params;
  const auto sql = std::string(kAppointmentStarts) + in_list(public_ids, params);
  auto rows = co_await storage::all(db, sql, std::move(params), appointment_start_from);
  if (!rows) co_return std::move(rows).error();
  for (auto& [id, start] : *rows) out[std::move(id)] = start;
  co_return out;
}

Task<Result<std::map<std::int64_t, GuestName>>> guests_by_id(Executor& db,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, GuestName> out;
  if (ids.empty()) co_return out;
  storage::Params params;
  const auto sql = std::string(kGuests) + in_list(ids, params);
  auto rows = co_await storage::all(db, sql, std::move(params), guest_from);
  if (!rows) co_return std::move(rows).error();
  for (auto& [id, guest] : *rows) out[id] = std::move(guest);
  co_return out;
}

}  // namespace cabinet::accounts::store
