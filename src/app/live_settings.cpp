// Settings without a restart (issue 19, docs/operator.md "Settings"): the settings service and
// how a new configuration reaches the running services. Part of App (app.hpp): each service
// keeps its own options; only the fields the operator may change are replaced here, so that a
// service never sees a value it cannot take while running.
#include "accounts/service.hpp"
#include "app/app.hpp"
#include "app/settings_catalog.hpp"
#include "auth/rate_limit.hpp"
#include "booking/service.hpp"
#include "consultation/service.hpp"
#include "core/log.hpp"
#include "directory/index.hpp"
#include "health/service.hpp"
#include "messaging/service.hpp"
#include "queue/service.hpp"
#include "settings/service.hpp"

namespace cabinet::app {

Result<void> App::build_settings() {
  settings_catalog_ =
      std::make_unique<SettingsCatalog>(config_, [this](const Config& c) { apply_settings(c); });
  // The video window is part of every practitioner's slots: the directory is rebuilt.
  auto settle = [this]() -> Task<void> {
    if (!directory_stale_.exchange(false)) co_return;
    if (auto r = co_await index_->load_all(); !r) {
      const auto why = r.error().detail;
      log::warn("directory not rebuilt for the new video window", {{"error", why}});
    }
  };
  settings_ = std::make_unique<settings::Service>(
      settings::Deps{*db_, clock_, *audit_, *settings_catalog_, std::move(settle)});
  // The operator's values over cabinet.toml's, before the first request.
  if (auto r = block_on(settings_->refresh()); !r) return std::move(r).error();
  return ok();
}

void App::apply_settings(const Config& c) {
  {
    auto q = *queue_->options();
    q.specialties = directory::split_list(c.queue.specialties);
    q.hours = queue::Window{c.queue.hours_start_min, c.queue.hours_end_min};
    q.fee_cents = c.queue.fee_cents;
    q.price_cents = c.queue.price_cents;
    queue_->set_options(std::move(q));
  }
  {
    auto h = *health_->options();
    h.file_types = directory::split_list(c.health.file_types);
    h.file_max_size = c.health.file_max_size;
    health_->set_options(std::move(h));
    // Attachments follow the own files' rules (docs/health-space.md): one setting for both.
    auto m = *messaging_->options();
    m.files.types = directory::split_list(c.health.file_types);
    m.files.max_size = c.health.file_max_size;
    messaging_->set_options(std::move(m));
  }
  {
    auto room = *consultation_->options();
    room.room_opens = c.booking.room_opens;
    room.file_types = directory::split_list(c.consultation.file_types);
    room.file_max_size = c.consultation.file_max_size;
    consultation_->set_options(std::move(room));
  }
  {
    auto b = *booking_->options();
    b.reminder_day_before = c.booking.reminder_day_before;
    b.reminder_hours_before = c.booking.reminder_hours_before;
    b.reminder_link = c.booking.reminder_link;
    booking_->set_options(b);
  }
  limits_->set_limits(c.limits);
  sign_in_policy_->set(
      accounts::SignInPolicy{c.security.strong_factor_roles, c.security.password_min_length});
  const auto index = index_->options();
  if (index.video_window_start != c.agenda.video_window_start ||
      index.video_window_end != c.agenda.video_window_end) {
    index_->set_video_window(c.agenda.video_window_start, c.agenda.video_window_end);
    directory_stale_ = true;
  }
}

}  // namespace cabinet::app
