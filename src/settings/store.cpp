#include "settings/store.hpp"

namespace cabinet::settings::store {
namespace {

constexpr std::string_view kSelectVersion = "SELECT version FROM settings_version WHERE id = 1";
constexpr std::string_view kBumpVersion =
    "UPDATE settings_version SET version = version + 1 WHERE id = 1";
constexpr std::string_view kSelectOverrides =
    "SELECT name, value, updated_by, updated_at FROM settings ORDER BY name";
constexpr std::string_view kUpsert =
    "INSERT INTO settings (name, value, updated_by, updated_at) VALUES ($1, $2, $3, $4)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value,"
    " updated_by = excluded.updated_by, updated_at = excluded.updated_at";
constexpr std::string_view kDelete = "DELETE FROM settings WHERE name = $1";
constexpr std::string_view kInsertHistory =
    "INSERT INTO settings_history (version, name, old_value, new_value, account_id, changed_at)"
    " VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kSelectHistory =
    "SELECT h.version, h.name, h.old_value, h.new_value, h.account_id, a.email, h.changed_at"
    " FROM settings_history h LEFT JOIN accounts a ON a.id = h.account_id"
    " ORDER BY h.id DESC LIMIT $1";

}  // namespace

Task<Result<std::int64_t>> version(storage::Executor& db) {
  auto rows = co_await db.query(kSelectVersion);
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "settings_version row missing");
  co_return rows->row(0).integer(0);
}

Task<Result<std::vector<Override>>> overrides(storage::Executor& db) {
  auto rows = co_await db.query(kSelectOverrides);
  if (!rows) co_return std::move(rows).error();
  std::vector<Override> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Override o;
    o.name = r.text(0);
    o.value = r.text(1);
    o.updated_by = r.opt_integer(2);
    o.updated_at = r.integer(3);
    out.push_back(std::move(o));
  }
  co_return out;
}

Task<Result<std::int64_t>> apply(storage::Transaction& tx, const std::vector<Change>& changes,
                                 std::int64_t account, std::int64_t now) {
  if (auto r = co_await tx.query(kBumpVersion); !r) co_return std::move(r).error();
  auto next = co_await version(tx);
  if (!next) co_return next;
  for (const auto& c : changes) {
    if (c.new_value) {
      storage::Params p{c.name, *c.new_value, account, now};
      if (auto r = co_await tx.query(kUpsert, std::move(p)); !r) co_return std::move(r).error();
    } else {
      storage::Params p{c.name};
      if (auto r = co_await tx.query(kDelete, std::move(p)); !r) co_return std::move(r).error();
    }
    storage::Params h{
        *next,   c.name, storage::optional(c.old_value), storage::optional(c.new_value),
        account, now};
    if (auto r = co_await tx.query(kInsertHistory, std::move(h)); !r)
      co_return std::move(r).error();
  }
  co_return *next;
}

Task<Result<std::vector<HistoryRow>>> history(storage::Executor& db, std::int64_t limit) {
  storage::Params params{limit};
  auto rows = co_await db.query(kSelectHistory, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<HistoryRow> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    HistoryRow h;
    h.version = r.integer(0);
    h.name = r.text(1);
    h.old_value = r.opt_text(2);
    h.new_value = r.opt_text(3);
    h.account_id = r.opt_integer(4);
    h.email = r.opt_text(5).value_or(std::string());
    h.changed_at = r.integer(6);
    out.push_back(std::move(h));
  }
  co_return out;
}

}  // namespace cabinet::settings::store
