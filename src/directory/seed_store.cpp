#include "directory/seed_store.hpp"

#include "storage/query.hpp"

namespace cabinet::directory::store {
namespace {

using storage::optional;
using storage::Params;

// Demo data (directory/seed.cpp): accounts, their people and verified practitioners, written
// directly so that a seed needs no sign-up flow.
constexpr std::string_view kInsertDemoAccount =
    "INSERT INTO accounts (public_id, email, email_confirmed_at, phone, password_hash, role, "
    "status,"
    " locale, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'active', 'fr', $3, $3)"
    " RETURNING id";
constexpr std::string_view kInsertDemoPerson =
    "INSERT INTO profiles (public_id, account_id, is_holder, first_name, last_name, birth_date, "
    "sex,"
    " relationship, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)";
constexpr std::string_view kInsertVerifiedPractitioner =
    "INSERT INTO practitioners (account_id, rpps, specialty, status, decided_at, created_at)"
    " VALUES ($1, $2, $3, 'verified', $4, $4)";
constexpr std::string_view kInsertDemoPastConsultation =
    "INSERT INTO appointments (public_id, practitioner_id, patient_account_id, profile_id,"
    " motif_id, mode, start_at, end_at, status, price_cents, created_at, updated_at, started_at,"
    " payment_state)"
    " SELECT $1, $2, $3, p.id, m.id, 'video', $4, $4 + 60 * m.duration_min, 'confirmed',"
    " m.price_cents, $5, $5, $4, 'card_required'"
    " FROM profiles p, motifs m"
    " WHERE p.account_id = $3 AND p.is_holder = 1 AND m.practitioner_id = $2"
    " AND m.mode IN ('video', 'both') AND m.archived_at IS NULL"
    " ORDER BY m.position LIMIT 1";
constexpr std::string_view kCountAccountsWithEmail =
    "SELECT COUNT(*) FROM accounts WHERE email = $1";
// What queue/store.cpp's add_immediate_motif and set_duty write, for demo GPs on duty.
constexpr std::string_view kInsertDemoImmediateMotif =
    "INSERT INTO motifs (public_id, practitioner_id, label, duration_min, mode, price_cents,"
    " position, archived_at, created_at, immediate, label_en)"
    " VALUES ($1, $2, 'Consultation immédiate', 15, 'video', $3, 0, $4, $4, 1,"
    " 'Immediate consultation')";
constexpr std::string_view kInsertDemoDuty =
    "INSERT INTO queue_duty (practitioner_id, specialty, since) VALUES ($1, $2, $3)";
constexpr std::string_view kFindAccountByEmail =
    "SELECT a.id, a.public_id, a.role, a.status, p.public_id FROM accounts a"
    " LEFT JOIN profiles p ON p.account_id = a.id AND p.is_holder = 1 WHERE a.email = $1";

std::int64_t flag(bool b) { return b ? 1 : 0; }

std::int64_t first_integer(const storage::Row& r) { return r.integer(0); }

}  // namespace

Task<Result<std::int64_t>> insert_demo_account(Executor& tx, const DemoAccountRow& a,
                                               std::int64_t now) {
  Params params{a.public_id, a.email, now, a.phone, storage::optional(a.password_hash), a.role};
  co_return co_await storage::insert_returning_id(tx, kInsertDemoAccount, std::move(params));
}

Task<Result<void>> insert_demo_person(Executor& tx, const DemoPersonRow& p, std::int64_t now) {
  Params params{p.public_id,  p.account_id,    flag(p.is_holder), p.first_name, p.last_name,
                p.birth_date, optional(p.sex), p.relationship,    now};
  co_return co_await storage::run(tx, kInsertDemoPerson, std::move(params));
}

Task<Result<void>> insert_verified_practitioner(Executor& tx, std::int64_t account,
                                                const std::string& rpps,
                                                const std::string& specialty, std::int64_t now) {
  Params params{account, rpps, specialty, now};
  co_return co_await storage::run(tx, kInsertVerifiedPractitioner, std::move(params));
}

Task<Result<std::int64_t>> count_accounts_with_email(Executor& db, const std::string& email) {
  Params params{email};
  auto count =
      co_await storage::first(db, kCountAccountsWithEmail, std::move(params), first_integer);
  if (!count) co_return std::move(count).error();
  co_return count->value_or(0);
}

Task<Result<void>> insert_demo_duty(Executor& tx, std::int64_t practitioner,
                                    const std::string& specialty,
                                    const std::string& motif_public_id, int price_cents,
                                    std::int64_t now) {
  Params motif{motif_public_id, practitioner, std::int64_t{price_cents}, now};
  if (auto r = co_await storage::run(tx, kInsertDemoImmediateMotif, std::move(motif)); !r)
    co_return r;
  Params duty{practitioner, specialty, now};
  co_return co_await storage::run(tx, kInsertDemoDuty, std::move(duty));
}

Task<Result<std::optional<DemoAccountFound>>> find_account_by_email(Executor& db,
                                                                    const std::string& email) {
  co_return co_await storage::first(db, kFindAccountByEmail, storage::bind(email),
                                    [](const storage::Row& r) {
                                      DemoAccountFound a;
                                      a.id = r.integer(0);
                                      a.public_id = r.text(1);
                                      a.role = r.text(2);
                                      a.status = r.text(3);
                                      a.holder_profile = r.opt_text(4);
                                      return a;
                                    });
}

Task<Result<bool>> insert_demo_past_consultation(Executor& tx, const std::string& public_id,
                                                 std::int64_t practitioner, std::int64_t patient,
                                                 std::int64_t start, std::int64_t now) {
  co_return co_await storage::changed_one(
      tx, kInsertDemoPastConsultation, storage::bind(public_id, practitioner, patient, start, now));
}

}  // namespace cabinet::directory::store
