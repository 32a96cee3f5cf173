#pragma once

#include <exception>
#include <functional>
#include <string_view>

#include "storage/database.hpp"

namespace cabinet::storage {

// The transaction protocol both engines share: BEGIN, the body, then COMMIT when the body
// succeeded or ROLLBACK when it failed or threw. `control` runs one control statement.
template <class Control>
Task<Result<void>> run_in_transaction(Control control, std::string_view begin, Transaction& tx,
                                      const TransactionBody& body) {
  if (auto r = co_await control(begin); !r) co_return r;
  Result<void> outcome;
  std::exception_ptr failure;
  try {
    outcome = co_await body(tx);
  } catch (...) {
    failure = std::current_exception();  // co_await is not allowed inside a handler
  }
  if (failure) {
    (void)co_await control("ROLLBACK");
    std::rethrow_exception(failure);
  }
  if (!outcome) {
    (void)co_await control("ROLLBACK");
    co_return outcome;
  }
  if (auto r = co_await control("COMMIT"); !r) {
    (void)co_await control("ROLLBACK");
    co_return r;
  }
  co_return ok();
}

}  // namespace cabinet::storage
