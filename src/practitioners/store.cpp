#include "practitioners/store.hpp"

namespace cabinet::practitioners::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO practitioners (account_id, rpps, specialty, status, created_at)"
    " VALUES ($1, $2, $3, 'pending', $4)";
constexpr std::string_view kColumns =
    "SELECT p.account_id, a.public_id, p.rpps, p.specialty, p.status, p.rejection_reason,"
    " h.first_name, h.last_name, a.email, a.phone, a.locale, p.created_at"
    " FROM practitioners p JOIN accounts a ON a.id = p.account_id"
    " JOIN profiles h ON h.account_id = a.id AND h.is_holder = 1 ";
constexpr std::string_view kDecide =
    "UPDATE practitioners SET status = $1, decided_by = $2, decided_at = $3, rejection_reason = $4"
    " WHERE account_id = $5 AND status = 'pending'";
constexpr std::string_view kActivate =
    "UPDATE accounts SET status = $1, updated_at = $2 WHERE id = $3";

constexpr std::string_view kInsertAssistant =
    "INSERT INTO assistants (public_id, practitioner_id, email, invited_at) VALUES ($1, $2, $3, $4)"
    " RETURNING id";
constexpr std::string_view kAssistantColumns =
    "SELECT s.id, s.public_id, s.practitioner_id, s.email, s.account_id, h.first_name, h.last_name,"
    " s.accepted_at FROM assistants s LEFT JOIN profiles h ON h.account_id = s.account_id"
    " AND h.is_holder = 1 ";
constexpr std::string_view kRemoveAssistant =
    "UPDATE assistants SET removed_at = $1 WHERE practitioner_id = $2 AND public_id = $3"
    " AND removed_at IS NULL";
constexpr std::string_view kAcceptAssistant =
    "UPDATE assistants SET account_id = $1, accepted_at = $2 WHERE id = $3 AND removed_at IS NULL"
    " AND accepted_at IS NULL";

Practitioner from_row(const storage::Row& r) {
  Practitioner p;
  p.account_id = r.integer(0);
  p.account_public_id = r.text(1);
  p.rpps = r.text(2);
  p.specialty = r.text(3);
  p.status = r.text(4);
  p.rejection_reason = r.opt_text(5);
  p.first_name = r.text(6);
  p.last_name = r.text(7);
  p.email = r.opt_text(8).value_or("");
  p.phone = r.opt_text(9).value_or("");
  p.locale = r.text(10);
  p.created_at = r.integer(11);
  return p;
}

Assistant assistant_from(const storage::Row& r) {
  Assistant a;
  a.id = r.integer(0);
  a.public_id = r.text(1);
  a.practitioner_id = r.integer(2);
  a.email = r.text(3);
  a.account_id = r.opt_integer(4);
  if (!r.is_null(5)) a.name = r.text(5) + " " + r.text(6);
  a.accepted_at = r.opt_integer(7);
  return a;
}

Task<Result<std::vector<Practitioner>>> many(Executor& db, std::string sql,
                                             storage::Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Practitioner> out;
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(from_row(rows->row(i)));
  co_return out;
}

Task<Result<std::optional<Practitioner>>> one(Executor& db, std::string sql,
                                              storage::Params params) {
  auto all = co_await many(db, std::move(sql), std::move(params));
  if (!all) co_return std::move(all).error();
  if (all->empty()) co_return std::optional<Practitioner>{};
  co_return std::optional<Practitioner>(std::move(all->front()));
}

Task<Result<std::vector<Assistant>>> assistants(Executor& db, std::string sql,
                                                storage::Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Assistant> out;
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(assistant_from(rows->row(i)));
  co_return out;
}

}  // namespace

Task<Result<void>> insert_practitioner(Transaction& tx, std::int64_t account,
                                       const std::string& rpps, const std::string& specialty,
                                       std::int64_t now) {
  storage::Params params{account, rpps, specialty, now};
  auto r = co_await tx.query(kInsert, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<std::optional<Practitioner>>> by_account(Executor& db, std::int64_t account) {
  storage::Params params{account};
  co_return co_await one(db, std::string(kColumns) + "WHERE p.account_id = $1", std::move(params));
}

Task<Result<std::optional<Practitioner>>> by_public_id(Executor& db, const std::string& public_id) {
  storage::Params params{public_id};
  co_return co_await one(db, std::string(kColumns) + "WHERE a.public_id = $1", std::move(params));
}

Task<Result<std::vector<Practitioner>>> by_status(Executor& db, const std::string& status) {
  storage::Params params{status};
  co_return co_await many(
      db, std::string(kColumns) + "WHERE p.status = $1 ORDER BY p.created_at, p.account_id",
      std::move(params));
}

Task<Result<bool>> decide(Transaction& tx, std::int64_t account, const std::string& status,
                          std::int64_t operator_id, const std::optional<std::string>& reason,
                          std::int64_t now) {
  storage::Params params{status, operator_id, now, storage::optional(reason), account};
  auto r = co_await tx.query(kDecide, std::move(params));
  if (!r) co_return std::move(r).error();
  if (r->affected == 0) co_return false;
  storage::Params activate{std::string(status == "verified" ? "active" : "rejected"), now, account};
  auto a = co_await tx.query(kActivate, std::move(activate));
  if (!a) co_return std::move(a).error();
  co_return true;
}

Task<Result<std::int64_t>> insert_assistant(Transaction& tx, const std::string& public_id,
                                            std::int64_t practitioner, const std::string& email,
                                            std::int64_t now) {
  storage::Params params{public_id, practitioner, email, now};
  auto r = co_await tx.query(kInsertAssistant, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->row(0).integer(0);
}

Task<Result<std::vector<Assistant>>> assistants_of(Executor& db, std::int64_t practitioner) {
  storage::Params params{practitioner};
  co_return co_await assistants(
      db,
      std::string(kAssistantColumns) +
          "WHERE s.practitioner_id = $1 AND s.removed_at IS NULL ORDER BY s.invited_at",
      std::move(params));
}

Task<Result<std::optional<Assistant>>> assistant_by_id(Executor& db, std::int64_t id) {
  storage::Params params{id};
  auto all = co_await assistants(
      db, std::string(kAssistantColumns) + "WHERE s.id = $1 AND s.removed_at IS NULL",
      std::move(params));
  if (!all) co_return std::move(all).error();
  if (all->empty()) co_return std::optional<Assistant>{};
  co_return std::optional<Assistant>(all->front());
}

Task<Result<bool>> remove_assistant(Transaction& tx, std::int64_t practitioner,
                                    const std::string& public_id, std::int64_t now) {
  storage::Params params{now, practitioner, public_id};
  auto r = co_await tx.query(kRemoveAssistant, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<bool>> accept_assistant(Transaction& tx, std::int64_t assistant, std::int64_t account,
                                    std::int64_t now) {
  storage::Params params{account, now, assistant};
  auto r = co_await tx.query(kAcceptAssistant, std::move(params));
  if (!r) co_return std::move(r).error();
  co_return r->affected == 1;
}

Task<Result<std::optional<Assistant>>> assistant_link(Executor& db, std::int64_t account) {
  storage::Params params{account};
  auto all = co_await assistants(
      db, std::string(kAssistantColumns) + "WHERE s.account_id = $1 AND s.removed_at IS NULL",
      std::move(params));
  if (!all) co_return std::move(all).error();
  if (all->empty()) co_return std::optional<Assistant>{};
  co_return std::optional<Assistant>(all->front());
}

Task<Result<std::int64_t>> agenda_owner(Executor& db, const Principal& who) {
  if (who.role == Role::practitioner) co_return who.account_id;
  if (who.role != Role::assistant) co_return Error(ErrorCode::forbidden);
  auto link = co_await assistant_link(db, who.account_id);
  if (!link) co_return std::move(link).error();
  if (!*link) co_return Error(ErrorCode::forbidden);
  co_return (*link)->practitioner_id;
}

}  // namespace cabinet::practitioners::store
