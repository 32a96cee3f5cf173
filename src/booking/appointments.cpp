// What other features read of appointments (booking::Appointments, appointments.hpp; decision
// 007): with the same authorization as booking's own views.
#include "booking/internal.hpp"

namespace cabinet::booking {

Task<Result<void>> Service::started(std::int64_t appointment) {
  auto r = co_await store::mark_started(d_.db, appointment, d_.clock.unix_seconds());
  if (!r) co_return std::move(r).error();
  co_return ok();
}

Task<Result<View>> Service::visible_to(const Principal& who, const std::string& id) {
  if (who.role == Role::patient) co_return co_await own(who, id);
  if (who.role == Role::practitioner || who.role == Role::assistant)
    co_return co_await managed(who, id);
  co_return Error(ErrorCode::not_found);
}

Task<Result<std::optional<View>>> Service::find(const std::string& public_id) {
  co_return co_await store::find(d_.db, public_id);
}

Task<Result<std::optional<View>>> Service::find_id(std::int64_t id) {
  co_return co_await store::find_id(d_.db, id);
}

Task<Result<std::vector<View>>> Service::of_practitioner(std::int64_t practitioner,
                                                         std::int64_t from, std::int64_t to) {
  co_return co_await store::of_practitioner(d_.db, practitioner, from, to);
}

}  // namespace cabinet::booking
