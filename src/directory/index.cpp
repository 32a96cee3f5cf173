#include "directory/index.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <unordered_map>

#include "agenda/holidays.hpp"
#include "agenda/local_time.hpp"
#include "core/log.hpp"
#include "directory/json.hpp"

namespace cabinet::directory {
namespace asio = boost::asio;

namespace {

constexpr std::int64_t kDay = 86400;
// Changes are read back over this window: a transaction that committed late, or a node whose
// clock runs a little behind, is still seen. Applied change ids are remembered to skip repeats.
constexpr std::int64_t kChangeLookback = 30;
constexpr std::int64_t kChangeRetention = 3600;

}  // namespace

namespace {

std::vector<std::string> words(const std::string& normalised) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < normalised.size()) {
    const auto end = std::min(normalised.find(' ', start), normalised.size());
    if (end > start) out.emplace_back(normalised.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool has_word_prefix(const std::string& haystack, const std::string& word) {
  for (std::size_t pos = haystack.find(word); pos != std::string::npos;
       pos = haystack.find(word, pos + 1)) {
    if (pos == 0 || haystack[pos - 1] == ' ') return true;
  }
  return false;
}

}  // namespace

Index::Index(storage::Database& db, const Clock& clock, IndexOptions options)
    : db_(db), clock_(clock), options_(options), snapshot_(std::make_shared<Snapshot>()) {}

IndexOptions Index::options() const {
  const std::lock_guard lock(options_mutex_);
  return options_;
}

void Index::set_video_window(int start_min, int end_min) {
  const std::lock_guard lock(options_mutex_);
  options_.video_window_start = start_min;
  options_.video_window_end = end_min;
}

Index::~Index() = default;

std::shared_ptr<const Index::Snapshot> Index::snapshot() const {
  std::lock_guard lock(mutex_);
  return snapshot_;
}

std::size_t Index::size() const { return snapshot()->entries.size(); }

void Index::replace(std::int64_t account, std::shared_ptr<const Entry> entry) {
  std::lock_guard lock(mutex_);
  auto next = std::make_shared<Snapshot>();
  next->entries.reserve(snapshot_->entries.size() + 1);
  for (const auto& e : snapshot_->entries)
    if (e->profile.account_id != account) next->entries.push_back(e);
  if (entry) next->entries.push_back(std::move(entry));
  index_snapshot(*next);
  snapshot_ = std::move(next);
  ++generation_;
}

void Index::index_snapshot(Snapshot& s) {
  for (std::size_t i = 0; i < s.entries.size(); ++i) {
    s.by_public_id.emplace(s.entries[i]->profile.public_id, i);
    s.by_account.emplace(s.entries[i]->profile.account_id, i);
    s.by_specialty[s.entries[i]->profile.specialty].push_back(i);
  }
}

Task<Result<void>> Index::load_all() {
  const auto now = clock_.unix_seconds();
  auto profiles = co_await store::listed(db_, std::nullopt);
  if (!profiles) co_return std::move(profiles).error();
  auto motifs = co_await store::motifs(db_, std::nullopt);
  if (!motifs) co_return std::move(motifs).error();
  auto hours = co_await store::hours(db_, std::nullopt);
  if (!hours) co_return std::move(hours).error();
  auto exceptions = co_await store::exceptions(db_, std::nullopt, now, now + 400 * kDay);
  if (!exceptions) co_return std::move(exceptions).error();
  auto busy = co_await store::busy(db_, std::nullopt, now);
  if (!busy) co_return std::move(busy).error();
  std::unordered_map<std::int64_t, std::vector<agenda::Interval>> booked_of;
  for (const auto& b : *busy) booked_of[b.practitioner_id].push_back({b.start_at, b.end_at});

  std::unordered_map<std::int64_t, std::vector<store::Motif>> motifs_of;
  for (auto& m : *motifs) motifs_of[m.practitioner_id].push_back(std::move(m));
  std::unordered_map<std::int64_t, std::vector<store::Hours>> hours_of;
  for (auto& h : *hours) hours_of[h.practitioner_id].push_back(std::move(h));
  std::unordered_map<std::int64_t, std::vector<store::Exception>> exceptions_of;
  for (auto& x : *exceptions) exceptions_of[x.practitioner_id].push_back(std::move(x));

  auto next = std::make_shared<Snapshot>();
  next->entries.reserve(profiles->size());
  const auto built_with = options();
  for (auto& p : *profiles) {
    const auto id = p.account_id;
    next->entries.push_back(build_entry(std::move(p), std::move(motifs_of[id]),
                                        std::move(hours_of[id]), std::move(exceptions_of[id]),
                                        booked_of[id], built_with));
  }
  index_snapshot(*next);
  std::lock_guard lock(mutex_);
  snapshot_ = std::move(next);
  ++generation_;
  co_return ok();
}

Task<Result<void>> Index::refresh(std::int64_t account) {
  const auto now = clock_.unix_seconds();
  auto profiles = co_await store::listed(db_, account);
  if (!profiles) co_return std::move(profiles).error();
  if (profiles->empty()) {
    replace(account, nullptr);
    co_return ok();
  }
  auto motifs = co_await store::motifs(db_, account);
  if (!motifs) co_return std::move(motifs).error();
  auto hours = co_await store::hours(db_, account);
  if (!hours) co_return std::move(hours).error();
  auto exceptions = co_await store::exceptions(db_, account, now, now + 400 * kDay);
  if (!exceptions) co_return std::move(exceptions).error();
  auto busy = co_await store::busy(db_, account, now);
  if (!busy) co_return std::move(busy).error();
  std::vector<agenda::Interval> booked;
  booked.reserve(busy->size());
  for (const auto& b : *busy) booked.push_back({b.start_at, b.end_at});
  replace(account, build_entry(std::move(profiles->front()), std::move(*motifs), std::move(*hours),
                               std::move(*exceptions), booked, options()));
  co_return ok();
}

Task<Result<void>> Index::poll_changes() {
  const auto now = clock_.unix_seconds();
  auto changes = co_await store::changes_since(db_, now - kChangeLookback);
  if (!changes) co_return std::move(changes).error();
  std::set<std::int64_t> accounts;
  for (const auto& c : *changes) {
    if (applied_.emplace(c.id, now).second) accounts.insert(c.practitioner_id);
  }
  for (const auto account : accounts) {
    if (auto r = co_await refresh(account); !r) co_return r;
  }
  std::erase_if(applied_, [&](const auto& kv) { return kv.second < now - 2 * kChangeLookback; });
  if (now % 600 < std::max<std::int64_t>(1, options_.refresh_interval.count() / 1000)) {
    (void)co_await store::forget_changes_before(db_, now - kChangeRetention);
  }
  co_return ok();
}

std::shared_ptr<const Entry> Index::find(std::string_view public_id) const {
  auto snap = snapshot();
  auto it = snap->by_public_id.find(std::string(public_id));
  return it == snap->by_public_id.end() ? nullptr : snap->entries[it->second];
}

std::shared_ptr<const Entry> Index::find_account(std::int64_t account) const {
  auto snap = snapshot();
  auto it = snap->by_account.find(account);
  return it == snap->by_account.end() ? nullptr : snap->entries[it->second];
}

std::vector<agenda::Slot> Index::next_slots(const Entry& e, std::optional<agenda::Mode> mode,
                                            std::optional<agenda::LocalDate> from) const {
  const auto now = clock_.unix_seconds();
  const auto duration = e.default_duration(mode);
  if (from) {
    agenda::Query q;
    q.from = *from;
    q.days = 14;
    q.mode = mode;
    q.duration_min = duration;
    q.now = now;
    q.limit = options_.next_slots;
    return agenda::compute_slots(e.rules, q);
  }
  std::lock_guard lock(e.cache_mutex);
  fresh_cache(e, mode, now);
  return e.cache[mode ? 1 : 0].slots;
}

void Index::fresh_cache(const Entry& e, std::optional<agenda::Mode> mode, std::int64_t now) const {
  auto& cached = e.cache[mode ? 1 : 0];
  if (now < cached.valid_until) return;
  cached.slots =
      agenda::next_slots(e.rules, mode, e.default_duration(mode), now, options_.next_slots);
  cached.valid_until = cached.slots.size() == options_.next_slots
                           ? std::max(now + 1, cached.slots.front().start -
                                                   std::int64_t{e.rules.min_notice_min} * 60)
                           : now + 60;
  cached.json = slots_text(cached.slots, e.rules.zone);
  const int k = mode ? 1 : 0;
  e.first_start[k] =
      cached.slots.empty() ? std::numeric_limits<std::int64_t>::max() : cached.slots.front().start;
  e.first_valid_until[k] = cached.valid_until;
}

std::string Index::next_slots_json(const Entry& e, std::optional<agenda::Mode> mode) const {
  std::lock_guard lock(e.cache_mutex);
  fresh_cache(e, mode, clock_.unix_seconds());
  return e.cache[mode ? 1 : 0].json;
}

SearchResult Index::search(const SearchQuery& q) const {
  constexpr auto kNever = std::numeric_limits<std::int64_t>::max();
  auto snap = snapshot();
  double box_lat = 0;
  double box_lng = 0;
  if (q.near) {
    box_lat = q.radius_km / 110.5 + 0.01;
    const double c = std::cos(q.near->lat * M_PI / 180.0);
    box_lng = c > 0.01 ? q.radius_km / (111.4 * c) + 0.01 : 360.0;
  }
  const auto terms = words(q.q);
  const std::optional<agenda::Mode> mode =
      q.video ? std::optional(agenda::Mode::video) : std::nullopt;
  std::vector<Hit> hits;
  static const std::vector<std::size_t> kNone;
  const std::vector<std::size_t>* only = nullptr;
  if (!q.specialty.empty()) {
    auto it = snap->by_specialty.find(q.specialty);
    only = it == snap->by_specialty.end() ? &kNone : &it->second;
  }
  const std::size_t candidates = only ? only->size() : snap->entries.size();
  for (std::size_t c = 0; c < candidates; ++c) {
    const auto& e = snap->entries[only ? (*only)[c] : c];
    const auto& p = e->profile;
    if (q.video && !p.video) continue;
    if (q.tiers_payant && !p.tiers_payant) continue;
    if (!q.language.empty() &&
        std::find(e->languages.begin(), e->languages.end(), q.language) == e->languages.end())
      continue;
    if (!q.sectors.empty() &&
        std::find(q.sectors.begin(), q.sectors.end(), p.sector) == q.sectors.end())
      continue;
    if (!terms.empty()) {
      bool all = true;
      for (const auto& t : terms) {
        if (has_word_prefix(e->search_name, t)) continue;
        if (has_word_prefix(e->search_specialty, t)) continue;
        all = false;
        break;
      }
      if (!all) continue;
    }
    std::optional<double> distance;
    if (q.near) {
      if (!p.lat || !p.lng) continue;
      // A cheap box first: most practitioners are far away and need no trigonometry.
      if (std::abs(*p.lat - q.near->lat) > box_lat || std::abs(*p.lng - q.near->lng) > box_lng)
        continue;
      distance = geo::distance_km(q.near->lat, q.near->lng, *p.lat, *p.lng);
      if (*distance > q.radius_km) continue;
    }
    hits.push_back(Hit{e, distance, kNever, {}});
  }
  const auto now = clock_.unix_seconds();
  if (q.date) {
    for (auto& h : hits) h.next_slots = next_slots(*h.entry, mode, q.date);
    std::erase_if(hits, [&](const Hit& h) {
      return h.next_slots.empty() ||
             agenda::local_date(h.next_slots.front().start, h.entry->rules.zone) != *q.date;
    });
    for (auto& h : hits) h.first_slot = h.next_slots.front().start;
  } else if (!q.sort_by_distance) {
    const int k = mode ? 1 : 0;
    for (auto& h : hits) {
      if (now >= h.entry->first_valid_until[k].load(std::memory_order_acquire)) {
        std::lock_guard lock(h.entry->cache_mutex);
        fresh_cache(*h.entry, mode, now);
      }
      h.first_slot = h.entry->first_start[k].load(std::memory_order_relaxed);
    }
  }
  const auto by_name = [](const Hit& a, const Hit& b) {
    const auto& pa = a.entry->profile;
    const auto& pb = b.entry->profile;
    if (pa.last_name != pb.last_name) return pa.last_name < pb.last_name;
    if (pa.first_name != pb.first_name) return pa.first_name < pb.first_name;
    return pa.public_id < pb.public_id;
  };
  // Only the pages up to the one asked for need ordering.
  const auto first = (q.page - 1) * q.per_page;
  const auto sorted_end =
      hits.begin() + static_cast<std::ptrdiff_t>(std::min(hits.size(), first + q.per_page));
  if (q.sort_by_distance && q.near) {
    std::partial_sort(hits.begin(), sorted_end, hits.end(), [&](const Hit& a, const Hit& b) {
      if (*a.distance_km != *b.distance_km) return *a.distance_km < *b.distance_km;
      return by_name(a, b);
    });
  } else {
    std::partial_sort(hits.begin(), sorted_end, hits.end(), [&](const Hit& a, const Hit& b) {
      if (a.first_slot != b.first_slot) return a.first_slot < b.first_slot;
      return by_name(a, b);
    });
  }
  SearchResult out;
  out.total = hits.size();
  for (std::size_t i = first; i < hits.size() && i < first + q.per_page; ++i)
    out.items.push_back(std::move(hits[i]));
  return out;
}

void Index::start(asio::io_context& io) {
  loop_.start(io, options_.refresh_interval, "directory refresh", [this]() -> Task<bool> {
    auto r = co_await poll_changes();
    if (!r) log::warn("directory refresh failed", {{"error", r.error().detail}});
    co_return false;
  });
}

void Index::stop(std::function<void()> done) { loop_.stop(std::move(done)); }

}  // namespace cabinet::directory
