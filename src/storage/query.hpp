#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "storage/database.hpp"

// "Run, map the rows, propagate the error": the three lines every store function used to
// repeat. Stores keep their statements as named constants and their row mappers as functions;
// these helpers only remove the plumbing between the two.
namespace cabinet::storage {

// The parameters of a statement. A braced list written inside a coroutine's co_await trips GCC
// 12 ("array used as initializer"); built here, in a plain function, it does not.
template <class... Args>
Params bind(Args&&... args) {
  Params p;
  p.reserve(sizeof...(args));
  (p.emplace_back(std::forward<Args>(args)), ...);
  return p;
}

template <class Map>
using Mapped = std::invoke_result_t<Map, const Row&>;

// Every row, mapped.
template <class Map>
Task<Result<std::vector<Mapped<Map>>>> all(Executor& db, std::string_view sql, Params params,
                                           Map map) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Mapped<Map>> out;
  out.reserve(rows->size());
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(map(rows->row(i)));
  co_return out;
}

// The first row, mapped; nullopt when there is none.
template <class Map>
Task<Result<std::optional<Mapped<Map>>>> first(Executor& db, std::string_view sql, Params params,
                                               Map map) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Mapped<Map>>{};
  co_return std::optional<Mapped<Map>>{map(rows->row(0))};
}

// A statement run for its effect: how many rows it changed.
inline Task<Result<std::int64_t>> execute(Executor& db, std::string_view sql, Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  co_return rows->affected;
}

// A statement run for its effect alone.
inline Task<Result<void>> run(Executor& db, std::string_view sql, Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  co_return ok();
}

// An UPDATE or DELETE meant for one row: whether it changed one (false: already changed by
// someone else, or no longer in the state the WHERE asks for).
inline Task<Result<bool>> changed_one(Executor& db, std::string_view sql, Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  co_return rows->affected == 1;
}

// An INSERT … RETURNING id: the new row's id.
inline Task<Result<std::int64_t>> insert_returning_id(Executor& db, std::string_view sql,
                                                      Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "INSERT returned no id");
  co_return rows->row(0).integer(0);
}

}  // namespace cabinet::storage
