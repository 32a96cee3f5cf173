// The guests' names at rest (issue 17, V017): rows written before V017 hold them in clear; the
// key is outside the database, so the migration could not seal them and the first start-up
// does. Idempotent: a sealed row no longer matches, a second run finds nothing.
#include <array>
#include <utility>

#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/log.hpp"

namespace cabinet::consultation {

Task<Result<std::size_t>> Service::seal_guest_names() {
  std::size_t sealed = 0;
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    sealed = 0;  // a retried transaction counts again
    auto rows = co_await store::clear_names(tx);
    if (!rows) co_return std::move(rows).error();
    for (const auto& r : *rows) {
      const std::array<std::pair<std::string_view, const std::optional<std::string>*>, 2> names{
          {{"hint", &r.hint}, {"guest_name", &r.guest_name}}};
      for (const auto& [column, clear] : names) {
        if (!*clear) continue;
        const auto value = d_.keys.seal(**clear, invitation_context(r.token_hash, column));
        if (auto s = co_await store::seal_name(tx, r.id, column, **clear, value); !s) co_return s;
      }
      ++sealed;
    }
    co_return ok();
  });
  if (!done) co_return std::move(done).error();
  if (sealed > 0) log::info("guests' names sealed", {{"invitations", sealed}});
  co_return sealed;
}

}  // namespace cabinet::consultation
