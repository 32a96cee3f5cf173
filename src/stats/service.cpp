#include "stats/service.hpp"

#include <map>
#include <set>

#include "http/input.hpp"
#include "practitioners/specialties.hpp"
#include "stats/figures.hpp"
#include "stats/periods.hpp"
#include "stats/store.hpp"

namespace cabinet::stats {
namespace {

constexpr std::int64_t kMaxSetupMs = 120000;

const date::time_zone* paris() { return agenda::zone("Europe/Paris"); }

struct Rows {
  std::vector<store::Appointment> appointments;
  std::vector<std::int64_t> phones;
  std::vector<store::CallReport> reports;
  std::vector<store::QueueEntry> queue;
  std::vector<store::Document> documents;
};

Task<Result<Rows>> load(storage::Database& db, const store::Bounds& b) {
  Rows rows;
  auto a = co_await store::appointments(db, b);
  if (!a) co_return std::move(a).error();
  rows.appointments = std::move(*a);
  auto p = co_await store::phone_fallbacks(db, b);
  if (!p) co_return std::move(p).error();
  rows.phones = std::move(*p);
  auto r = co_await store::call_reports(db, b);
  if (!r) co_return std::move(r).error();
  rows.reports = std::move(*r);
  auto q = co_await store::queue_entries(db, b);
  if (!q) co_return std::move(q).error();
  rows.queue = std::move(*q);
  auto d = co_await store::documents(db, b);
  if (!d) co_return std::move(d).error();
  rows.documents = std::move(*d);
  co_return rows;
}

// Adds every row to its period's figures (`at` maps an instant to the period's index).
template <class At>
void tally(const Rows& rows, std::vector<Figures>& out, At at) {
  for (const auto& a : rows.appointments) {
    const auto i = at(a.start_at);
    if (!i) continue;
    auto& f = out[*i];
    ++f.bookings;
    if (a.status == "done") {
      ++f.held;
      if (a.started_at && a.ended_at && *a.ended_at >= *a.started_at)
        f.durations_s.push_back(*a.ended_at - *a.started_at);
    }
    if (a.status == "no_show") ++f.no_shows;
    if (a.status == "cancelled") ++f.cancelled;
  }
  for (const auto start : rows.phones)
    if (const auto i = at(start)) ++out[*i].phone_fallbacks;
  // A consultation counts once: relayed or audio-only when either side was.
  std::map<std::int64_t, std::pair<bool, bool>> calls;
  std::map<std::int64_t, std::int64_t> call_start;
  for (const auto& r : rows.reports) {
    const auto i = at(r.start_at);
    if (!i) continue;
    out[*i].setups_ms.push_back(r.setup_ms);
    auto& c = calls[r.appointment_id];
    c.first = c.first || r.relayed;
    c.second = c.second || r.audio_only;
    call_start[r.appointment_id] = r.start_at;
  }
  for (const auto& [id, c] : calls) {
    auto& f = out[*at(call_start[id])];
    ++f.calls_reported;
    if (c.first) ++f.calls_relayed;
    if (c.second) ++f.audio_only;
  }
  for (const auto& e : rows.queue) {
    const auto i = at(e.joined_at);
    if (!i) continue;
    ++out[*i].queue_joined;
    if (e.called_at && *e.called_at >= e.joined_at)
      out[*i].queue_waits_s.push_back(*e.called_at - e.joined_at);
  }
  for (const auto& d : rows.documents)
    if (const auto i = at(d.issued_at)) ++out[*i].documents[d.kind];
}

nlohmann::json by_specialty(const Rows& rows, std::int64_t threshold, Locale locale) {
  std::map<std::string, Figures> figures;
  for (const auto& a : rows.appointments) {
    auto& f = figures[a.specialty];
    ++f.bookings;
    if (a.status == "done") ++f.held;
    if (a.status == "no_show") ++f.no_shows;
    if (a.status == "cancelled") ++f.cancelled;
  }
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [code, f] : figures) {
    const auto* s = practitioners::find_specialty(code);
    const auto all = figures_json(f, threshold);
    nlohmann::json item{{"specialty", code}, {"label", s ? s->name(locale) : code}};
    for (const auto* k : {"bookings", "held", "no_shows", "cancelled"}) item[k] = all[k];
    nlohmann::json suppressed = nlohmann::json::array();
    for (const auto& name : all["suppressed"])
      if (item.contains(name.get<std::string>())) suppressed.push_back(name);
    item["suppressed"] = std::move(suppressed);
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Task<Result<nlohmann::json>> Service::read(const Principal& who, const Query& q, Locale locale) {
  if (who.role != Role::operator_ && who.role != Role::partner_admin)
    co_return Error(ErrorCode::forbidden);
  const auto today = agenda::local_date(d_.clock.unix_seconds(), paris());
  auto range = parse_range(q.from, q.to, q.by, today);
  if (!range) co_return std::move(range).error();

  std::int64_t partner = who.role == Role::partner_admin ? who.partner_id : 0;
  if (q.partner && !q.partner->empty()) {
    auto id = co_await store::partner_id(d_.db, q.partner->substr(0, 64));
    if (!id) co_return std::move(id).error();
    // A partner administrator learns nothing of other partners, not even that they exist.
    if (who.role == Role::partner_admin && (!*id || **id != who.partner_id))
      co_return Error(ErrorCode::forbidden);
    if (!*id) co_return http::invalid_field("partner", "Partenaire inconnu.", "Unknown partner.");
    partner = **id;
  }
  std::optional<std::string> partner_public;
  if (partner != 0) {
    auto p = co_await store::partner_public_id(d_.db, partner);
    if (!p) co_return std::move(p).error();
    partner_public = *p;
  }

  const Bucketer bucketer(*range, paris());
  const store::Bounds bounds{bucketer.begin(), bucketer.end(), partner};
  auto rows = co_await load(d_.db, bounds);
  if (!rows) co_return std::move(rows).error();

  const auto list = periods(*range);
  std::vector<Figures> figures(list.size());
  tally(*rows, figures, [&](std::int64_t t) -> std::optional<std::size_t> {
    auto i = bucketer.index(t);
    if (i && *i >= figures.size()) return std::nullopt;
    return i;
  });
  std::vector<Figures> total(1);
  tally(*rows, total, [&](std::int64_t t) -> std::optional<std::size_t> {
    if (!bucketer.index(t)) return std::nullopt;
    return std::size_t{0};
  });

  nlohmann::json series = nlohmann::json::array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto item = figures_json(figures[i], d_.min_count);
    item["period"] = list[i].label;
    item["start"] = agenda::format_date(list[i].start);
    item["end"] = agenda::format_date(list[i].end);
    series.push_back(std::move(item));
  }
  nlohmann::json out{
      {"from", agenda::format_date(range->from)},
      {"to", agenda::format_date(range->to)},
      {"by", std::string(to_string(range->by))},
      {"partner", partner_public ? nlohmann::json(*partner_public) : nlohmann::json(nullptr)},
      {"threshold", d_.min_count},
      {"series", std::move(series)},
      {"totals", figures_json(total[0], d_.min_count)},
      {"by_specialty", by_specialty(*rows, d_.min_count, locale)}};

  audit::Entry entry;
  entry.actor_account_id = who.account_id;
  entry.actor_role = std::string(to_string(who.role));
  entry.action = "operator.stats.read";
  entry.object = partner_public.value_or("");
  entry.ip = q.ip;
  entry.detail = out["from"].get<std::string>() + ".." + out["to"].get<std::string>() + " by " +
                 out["by"].get<std::string>() + " (" + q.format + ")";
  auto audited = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!audited) co_return std::move(audited).error();
  co_return out;
}

Task<Result<void>> Service::report_call(const Principal& who, const std::string& consultation,
                                        const nlohmann::json& body) {
  const http::Input in(body);
  if (!body.is_object() || !body.contains("setup_ms") || !body["setup_ms"].is_number_integer())
    co_return http::missing_field("setup_ms");
  const auto setup = body["setup_ms"].get<std::int64_t>();
  if (setup < 0 || setup > kMaxSetupMs)
    co_return http::invalid_field("setup_ms", "Entre 0 et 120000 ms.", "0 to 120000 ms.");
  auto relayed = in.optional_bool("relayed");
  if (!relayed) co_return std::move(relayed).error();
  if (!*relayed) co_return http::missing_field("relayed");
  auto audio_only = in.optional_bool("audio_only");
  if (!audio_only) co_return std::move(audio_only).error();
  if (who.account_id == 0) co_return Error(ErrorCode::not_found);
  auto side = co_await store::side_of(d_.db, consultation.substr(0, 64), who.account_id);
  if (!side) co_return std::move(side).error();
  if (!*side) co_return Error(ErrorCode::not_found);
  if ((*side)->status != "confirmed" && (*side)->status != "done")
    co_return Error(ErrorCode::conflict).with_detail("consultation not held");
  co_return co_await store::upsert_call_report(
      d_.db, **side, setup, **relayed, audio_only->value_or(false), d_.clock.unix_seconds());
}

}  // namespace cabinet::stats
