#include "accounts/access_store.hpp"

namespace cabinet::accounts::store {
namespace {

constexpr std::string_view kAppointmentStarts =
    "SELECT public_id, start_at FROM appointments WHERE public_id IN ";
constexpr std::string_view kGuests =
    "SELECT id, guest_name, kind FROM consultation_invitations WHERE id IN ";

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

}  // namespace

Task<Result<std::map<std::string, std::int64_t>>> appointment_starts(
    storage::Executor& db, const std::vector<std::string>& public_ids) {
  std::map<std::string, std::int64_t> out;
  if (public_ids.empty()) co_return out;
  storage::Params params;
  const auto sql = std::string(kAppointmentStarts) + in_list(public_ids, params);
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  for (std::size_t i = 0; i < rows->size(); ++i) {
    out[rows->row(i).text(0)] = rows->row(i).integer(1);
  }
  co_return out;
}

Task<Result<std::map<std::int64_t, GuestName>>> guests_by_id(storage::Executor& db,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, GuestName> out;
  if (ids.empty()) co_return out;
  storage::Params params;
  const auto sql = std::string(kGuests) + in_list(ids, params);
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    out[r.integer(0)] = GuestName{r.opt_text(1).value_or(""), r.text(2)};
  }
  co_return out;
}

}  // namespace cabinet::accounts::store
