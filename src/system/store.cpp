#include "system/store.hpp"

namespace cabinet::system {
namespace {

constexpr std::string_view kInsertInstance =
    "INSERT INTO instance (id, created_at) SELECT $1, $2 "
    "WHERE NOT EXISTS (SELECT 1 FROM instance)";
constexpr std::string_view kSelectInstance = "SELECT id FROM instance";

}  // namespace

Task<Result<std::string>> ensure_instance(storage::Database& db, Random& random,
                                          const Clock& clock) {
  storage::Params params{random_base32(random, 10), clock.unix_seconds()};
  if (auto r = co_await db.query(kInsertInstance, std::move(params)); !r) {
    // Two nodes starting together may both try; the loser reads the winner's row below.
    if (r.error().code != ErrorCode::conflict) co_return std::move(r).error();
  }
  auto rows = co_await db.query(kSelectInstance);
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "instance row missing");
  co_return rows->row(0).text(0);
}

}  // namespace cabinet::system
