// The agenda half of directory::Service (AGD1–AGD4): weekly hours, exceptions, the day and
// week views, and the delay announcement.
#include <algorithm>

#include "agenda/holidays.hpp"
#include "agenda/local_time.hpp"
#include "core/utf8.hpp"
#include "directory/agenda_store.hpp"
#include "directory/input.hpp"
#include "directory/json.hpp"
#include "directory/service.hpp"

namespace cabinet::directory {
namespace {

constexpr std::size_t kMaxRanges = 70;  // ten per day
constexpr std::size_t kMaxFutureExceptions = 500;
constexpr std::int64_t kDay = 86400;
constexpr int kMaxExceptionDays = 366;

// One booking as the practitioner's day and week views show it (docs/booking.md).
nlohmann::json agenda_appointment_json(const store::AgendaAppointment& a,
                                       const date::time_zone* zone) {
  return {{"id", a.public_id},
          {"start", agenda::iso(a.start_at, zone)},
          {"end", agenda::iso(a.end_at, zone)},
          {"mode", a.mode},
          {"status", a.status},
          {"patient",
           {{"name", a.patient_first_name + " " + a.patient_last_name},
            {"birth_date", a.patient_birth_date ? nlohmann::json(*a.patient_birth_date)
                                                : nlohmann::json(nullptr)}}},
          {"motif", {{"id", a.motif_public_id}, {"label", a.motif_label}}},
          {"price_cents", a.price_cents},
          {"payment",
           {{"state", a.payment_state},
            {"amount_cents", a.price_cents},
            {"captured_cents", a.captured_cents}}}};
}

const date::time_zone* zone_of(const store::Profile& p) {
  const auto* z = agenda::zone(p.timezone);
  return z != nullptr ? z : agenda::zone("Europe/Paris");
}

Result<std::vector<store::Hours>> parse_hours(const nlohmann::json& body) {
  if (!body.contains("hours") || !body["hours"].is_array()) return http::missing_field("hours");
  const auto& list = body["hours"];
  if (list.size() > kMaxRanges) return invalid("hours", "70 plages au plus.", "70 ranges at most.");
  std::vector<store::Hours> out;
  for (const auto& item : list) {
    if (!item.is_object() || !item.contains("weekday") || !item["weekday"].is_number_integer() ||
        item["weekday"].get<std::int64_t>() < 1 || item["weekday"].get<std::int64_t>() > 7)
      return invalid("hours", "Jour de la semaine invalide.", "Invalid day of the week.");
    if (!item.contains("mode") || !item["mode"].is_string() ||
        !agenda::parse_mode(item["mode"].get<std::string>()))
      return invalid("hours", "Mode : vidéo ou cabinet.", "Mode: video or in person.");
    const auto start = item.contains("start") && item["start"].is_string()
                           ? agenda::parse_hhmm(item["start"].get<std::string>())
                           : std::nullopt;
    const auto end = item.contains("end") && item["end"].is_string()
                         ? agenda::parse_hhmm(item["end"].get<std::string>())
                         : std::nullopt;
    if (!start || !end || *start >= *end || *start >= 1440)
      return invalid("hours", "Chaque plage va d’une heure à une heure plus tardive (HH:MM).",
                     "Each range goes from a time to a later time (HH:MM).");
    if (*start % 5 != 0 || *end % 5 != 0)
      return invalid("hours",
                     "Les horaires tombent sur des multiples de 5 minutes (09:05, pas 09:03).",
                     "Times fall on multiples of 5 minutes (09:05, not 09:03).");
    out.push_back(store::Hours{static_cast<int>(item["weekday"].get<std::int64_t>()),
                               item["mode"].get<std::string>(), *start, *end, 0});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.weekday, a.mode, a.start_min) < std::tie(b.weekday, b.mode, b.start_min);
  });
  for (std::size_t i = 1; i < out.size(); ++i) {
    const auto& a = out[i - 1];
    const auto& b = out[i];
    if (a.weekday == b.weekday && a.mode == b.mode && b.start_min < a.end_min)
      return invalid("hours", "Deux plages du même jour se chevauchent.",
                     "Two ranges of the same day overlap.");
  }
  return out;
}

}  // namespace

Task<Result<nlohmann::json>> Service::hours(const Principal& who) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  auto p = co_await own_profile(*owner);
  if (!p) co_return std::move(p).error();
  auto rows = co_await store::hours(d_.db, *owner);
  if (!rows) co_return std::move(rows).error();
  co_return nlohmann::json{{"timezone", p->timezone}, {"hours", hours_json(*rows)}};
}

Task<Result<nlohmann::json>> Service::put_hours(const Principal& who, const nlohmann::json& body) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  if (auto p = co_await own_profile(*owner); !p) co_return std::move(p).error();
  auto hours = parse_hours(body);
  if (!hours) co_return std::move(hours).error();
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::replace_hours(tx, *owner, *hours); !r) co_return r;
    co_return co_await store::record_change(tx, *owner, d_.clock.unix_seconds());
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(*owner); !r) co_return std::move(r).error();
  co_return co_await this->hours(who);
}

Task<Result<nlohmann::json>> Service::exceptions(const Principal& who,
                                                 std::optional<agenda::LocalDate> from,
                                                 std::optional<agenda::LocalDate> to) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  auto p = co_await own_profile(*owner);
  if (!p) co_return std::move(p).error();
  const auto* zone = zone_of(*p);
  const auto now = d_.clock.unix_seconds();
  const auto after = from ? agenda::to_instant_lenient(*from, 0, zone) : now;
  const auto before = to ? agenda::to_instant_lenient(*to, 1440, zone) : now + 400 * kDay;
  auto rows = co_await store::exceptions(d_.db, *owner, after, before);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& e : *rows) items.push_back(exception_json(e, zone));
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<nlohmann::json>> Service::add_exception(const Principal& who,
                                                    const nlohmann::json& body) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  auto p = co_await own_profile(*owner);
  if (!p) co_return std::move(p).error();
  const auto* zone = zone_of(*p);
  http::Input in(body);
  store::Exception e;
  e.practitioner_id = *owner;
  auto kind = in.text("kind", 10);
  if (!kind) co_return std::move(kind).error();
  if (*kind != "absence" && *kind != "block" && *kind != "extra")
    co_return invalid("kind", "Absence, créneau bloqué ou ouverture exceptionnelle.",
                      "Absence, blocked time or extra opening.");
  e.kind = *kind;
  auto start_text = in.text("start", 25);
  if (!start_text) co_return std::move(start_text).error();
  auto end_text = in.text("end", 25);
  if (!end_text) co_return std::move(end_text).error();
  const auto start = agenda::parse_local_datetime(*start_text, zone);
  if (!start)
    co_return invalid("start", "Date et heure attendues (AAAA-MM-JJTHH:MM).",
                      "Date and time expected (YYYY-MM-DDTHH:MM).");
  const auto end = agenda::parse_local_datetime(*end_text, zone);
  if (!end)
    co_return invalid("end", "Date et heure attendues (AAAA-MM-JJTHH:MM).",
                      "Date and time expected (YYYY-MM-DDTHH:MM).");
  if (*end <= *start)
    co_return invalid("end", "La fin doit suivre le début.", "The end must come after the start.");
  if (*end - *start > kMaxExceptionDays * kDay)
    co_return invalid("end", "Un an au plus.", "One year at most.");
  const auto now = d_.clock.unix_seconds();
  if (*end <= now)
    co_return invalid("end", "Cette période est déjà passée.", "This period is already over.");
  e.start_at = *start;
  e.end_at = *end;
  if (e.kind == "extra") {
    auto mode = in.text("mode", 10);
    if (!mode) co_return std::move(mode).error();
    if (!agenda::parse_mode(*mode))
      co_return invalid("mode", "Mode : vidéo ou cabinet.", "Mode: video or in person.");
    e.mode = *mode;
  }
  auto note = in.optional_text("note", 800);
  if (!note) co_return std::move(note).error();
  if (*note && utf8_length(**note) > 200)

    co_return invalid("note", "200 caractères au plus.", "200 characters at most.");
  e.note = *note;
  auto future = co_await store::exceptions(d_.db, *owner, now, now + 400 * kDay);
  if (!future) co_return std::move(future).error();
  if (future->size() >= kMaxFutureExceptions)
    co_return invalid("start", "Trop d’exceptions à venir (500 au plus).",
                      "Too many upcoming exceptions (500 at most).");
  e.public_id = "x" + random_base32(d_.random, 12);
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::insert_exception(tx, e, who.account_id, now); !r) co_return r;
    co_return co_await store::record_change(tx, *owner, now);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(*owner); !r) co_return std::move(r).error();
  co_return exception_json(e, zone);
}

Task<Result<void>> Service::delete_exception(const Principal& who, const std::string& id) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  bool found = false;
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    auto deleted = co_await store::delete_exception(tx, *owner, id);
    if (!deleted) co_return std::move(deleted).error();
    found = *deleted;
    if (!found) co_return ok();
    co_return co_await store::record_change(tx, *owner, d_.clock.unix_seconds());
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return r;
  if (!found) co_return Error(ErrorCode::not_found);
  co_return co_await d_.index.refresh(*owner);
}

Task<Result<nlohmann::json>> Service::agenda(const Principal& who,
                                             std::optional<agenda::LocalDate> from_date, int days,
                                             Locale locale) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  auto p = co_await own_profile(*owner);
  if (!p) co_return std::move(p).error();
  const auto* zone = zone_of(*p);
  const auto now = d_.clock.unix_seconds();
  const auto from = from_date.value_or(agenda::local_date(now, zone));
  const auto first = agenda::to_instant_lenient(from, 0, zone);
  const auto last = agenda::to_instant_lenient(agenda::add_days(from, days), 0, zone);
  auto motifs = co_await store::motifs(d_.db, *owner);
  if (!motifs) co_return std::move(motifs).error();
  auto hours = co_await store::hours(d_.db, *owner);
  if (!hours) co_return std::move(hours).error();
  auto exceptions = co_await store::exceptions(d_.db, *owner, first, last);
  if (!exceptions) co_return std::move(exceptions).error();
  auto booked = co_await store::agenda_appointments(d_.db, *owner, first, last);
  if (!booked) co_return std::move(booked).error();
  std::vector<agenda::Interval> busy;
  for (const auto& a : *booked) {
    if (a.status == "pending_payment" || a.status == "confirmed")
      busy.push_back(agenda::Interval{a.start_at, a.end_at});
  }
  const auto entry =
      build_entry(*p, std::move(*motifs), std::move(*hours), *exceptions, busy, d_.index.options());
  const auto& rules = entry->rules;

  nlohmann::json out_days = nlohmann::json::array();
  for (int i = 0; i < days; ++i) {
    const auto date = agenda::add_days(from, i);
    const auto day_start = agenda::to_instant_lenient(date, 0, zone);
    const auto day_end = agenda::to_instant_lenient(date, 1440, zone);
    const auto holiday = agenda::public_holiday(date, p->department);
    nlohmann::json open = nlohmann::json::array();
    if (!holiday || !p->closed_on_public_holidays) {
      for (const auto& w : rules.weekly) {
        if (w.weekday != agenda::weekday(date)) continue;
        open.push_back(
            {{"start", agenda::iso(agenda::to_instant_lenient(date, w.start_min, zone), zone)},
             {"end", agenda::iso(agenda::to_instant_lenient(date, w.end_min, zone), zone)},
             {"mode", agenda::to_string(w.mode)}});
      }
    }
    for (const auto& x : rules.extras) {
      if (x.when.end <= day_start || x.when.start >= day_end) continue;
      open.push_back({{"start", agenda::iso(x.when.start, zone)},
                      {"end", agenda::iso(x.when.end, zone)},
                      {"mode", agenda::to_string(x.mode)}});
    }
    // Free slots per mode, each with that mode's first motif's duration.
    std::vector<agenda::Slot> free;
    for (const auto mode : {agenda::Mode::video, agenda::Mode::in_person}) {
      agenda::Query q;
      q.from = date;
      q.days = 1;
      q.mode = mode;
      q.duration_min = entry->default_duration(mode);
      q.now = now;
      auto s = agenda::compute_slots(rules, q);
      free.insert(free.end(), s.begin(), s.end());
    }
    std::sort(free.begin(), free.end(), [](const auto& a, const auto& b) {
      return a.start != b.start ? a.start < b.start : a.mode < b.mode;
    });
    nlohmann::json free_json = nlohmann::json::array();
    for (const auto& s : free) free_json.push_back(slot_json(s, zone));
    nlohmann::json blocked = nlohmann::json::array();
    for (const auto& x : *exceptions) {
      if (x.kind == "extra" || x.end_at <= day_start || x.start_at >= day_end) continue;
      blocked.push_back(exception_json(x, zone));
    }
    nlohmann::json appointments = nlohmann::json::array();
    for (const auto& a : *booked) {
      if (a.end_at <= day_start || a.start_at >= day_end) continue;
      appointments.push_back(agenda_appointment_json(a, zone));
    }
    out_days.push_back(
        {{"date", agenda::format_date(date)},
         {"holiday", holiday ? nlohmann::json(locale == Locale::en ? holiday->en : holiday->fr)
                             : nlohmann::json(nullptr)},
         {"open", std::move(open)},
         {"free", std::move(free_json)},
         {"blocked", std::move(blocked)},
         {"appointments", std::move(appointments)}});
  }
  co_return nlohmann::json{{"timezone", p->timezone},
                           {"delay_minutes", p->delay_minutes},
                           {"days", std::move(out_days)}};
}

Task<Result<nlohmann::json>> Service::announce_delay(const Principal& who, int minutes) {
  auto owner = co_await agenda_owner(who);
  if (!owner) co_return std::move(owner).error();
  auto p = co_await own_profile(*owner);
  if (!p) co_return std::move(p).error();
  const auto now = d_.clock.unix_seconds();
  auto tx_body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (auto r = co_await store::set_delay(tx, *owner, minutes, now); !r) co_return r;
    co_return co_await store::record_change(tx, *owner, now);
  };
  if (auto r = co_await d_.db.transact(tx_body); !r) co_return std::move(r).error();
  if (auto r = co_await d_.index.refresh(*owner); !r) co_return std::move(r).error();
  // Waiting patients subscribe to this room (issue 6); the profile page shows it too.
  d_.hub.broadcast(
      "practitioner:" + p->public_id,
      nlohmann::json{{"type", "delay"}, {"practitioner", p->public_id}, {"minutes", minutes}}
          .dump());
  co_return nlohmann::json{{"minutes", minutes}, {"announced_at", agenda::iso(now, zone_of(*p))}};
}

}  // namespace cabinet::directory
