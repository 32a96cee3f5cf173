#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "agenda/slots.hpp"
#include "core/clock.hpp"
#include "core/periodic.hpp"
#include "directory/agenda_store.hpp"
#include "directory/store.hpp"
#include "geo/communes.hpp"
#include "practitioners/specialties.hpp"
#include "storage/database.hpp"

// The in-memory directory every search reads (DIR2): listed practitioners with their agenda
// rules, so that a search over thousands of practitioners with their next free slots never
// waits for the database. Rebuilt per practitioner on change; other nodes' changes arrive
// through the directory_changes table.
namespace cabinet::directory {

struct Entry {
  store::Profile profile;
  std::vector<store::Motif> motifs;
  std::vector<store::Hours> hours;
  std::vector<store::Exception> exceptions;  // current and future
  agenda::Rules rules;
  // The same without bookings: a booking checks its slot against these, so that a slot taken a
  // moment ago is a 409 slot_taken from the database, not a 400 "not a slot".
  agenda::Rules open_rules;
  const practitioners::Specialty* specialty = nullptr;
  const geo::Commune* commune = nullptr;
  std::string name;              // "Dr Camille Durand"
  std::string search_name;       // normalised first and last name
  std::string search_specialty;  // normalised French and English labels
  std::vector<std::string> languages;
  std::vector<std::string> payment_modes;

  // The duration of the first motif offered in `mode` (either mode when nullopt); 15 min if none.
  [[nodiscard]] int default_duration(std::optional<agenda::Mode> mode) const;
  [[nodiscard]] const store::Motif* motif(std::string_view public_id) const;

  // Next free slots, cached: time only removes slots, so the cache holds until its first slot
  // falls inside the minimum notice (or a minute, when fewer than asked were found).
  struct Cached {
    std::int64_t valid_until = 0;
    std::vector<agenda::Slot> slots;
    std::string json;  // the slots as a JSON array, rendered once for every search that shows them
  };
  // The search item's JSON object without its closing brace, per locale (0 fr, 1 en): rendered
  // once per change, so a search only appends distance and slots.
  std::string summary_text[2];
  mutable std::mutex cache_mutex;
  mutable Cached cache[2];  // [0] both modes, [1] video only
  // The first cached slot and its validity, readable without the mutex: a search orders
  // hundreds of entries by their first slot and only renders the page.
  mutable std::atomic<std::int64_t> first_valid_until[2] = {0, 0};
  mutable std::atomic<std::int64_t> first_start[2] = {0, 0};
};

// Builds an entry's rules from its rows. `video_window` in minutes of local time.
// `booked`: active appointments (pending payment or confirmed), unavailable like a block.
agenda::Rules rules_for(const store::Profile& p, const std::vector<store::Hours>& hours,
                        const std::vector<store::Exception>& exceptions,
                        const std::vector<agenda::Interval>& booked, int video_window_start,
                        int video_window_end);

struct IndexOptions {
  int video_window_start = 7 * 60;
  int video_window_end = 24 * 60;
  std::chrono::milliseconds refresh_interval{1000};
  std::size_t next_slots = 5;
};

// An entry from its rows (also used to preview an unlisted practitioner's own profile).
std::shared_ptr<Entry> build_entry(store::Profile profile, std::vector<store::Motif> motifs,
                                   std::vector<store::Hours> hours,
                                   std::vector<store::Exception> exceptions,
                                   const std::vector<agenda::Interval>& booked,
                                   const IndexOptions& options);
// "a, b,c" → {"a", "b", "c"}: comma-separated, spaces around items and empty items dropped.
std::vector<std::string> split_list(const std::string& comma_separated);
// "Dr Camille Durand"; midwives, physiotherapists, psychologists and dietitians have no title.
std::string display_name(std::string_view specialty, const std::string& first,
                         const std::string& last);

struct Near {
  double lat = 0;
  double lng = 0;
  std::string label;
  std::optional<geo::Place> place;
};

struct SearchQuery {
  std::string q;  // normalised
  std::string specialty;
  std::optional<Near> near;
  double radius_km = 30;
  bool video = false;
  std::optional<agenda::LocalDate> date;
  std::string language;
  bool tiers_payant = false;
  std::vector<std::string> sectors;
  bool sort_by_distance = false;
  std::size_t page = 1;
  std::size_t per_page = 10;
};

struct Hit {
  std::shared_ptr<const Entry> entry;
  std::optional<double> distance_km;
  std::int64_t first_slot = 0;           // for the soonest-first order (INT64_MAX when none)
  std::vector<agenda::Slot> next_slots;  // set for the page's items, and for date searches
};

struct SearchResult {
  std::vector<Hit> items;
  std::size_t total = 0;
};

class Index {
 public:
  Index(storage::Database& db, const Clock& clock, IndexOptions options);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  Task<Result<void>> load_all();
  // Reloads one practitioner (after a change on this node, or one seen in directory_changes).
  Task<Result<void>> refresh(std::int64_t account);
  // Applies the changes other nodes recorded since the last pass.
  Task<Result<void>> poll_changes();

  [[nodiscard]] std::shared_ptr<const Entry> find(std::string_view public_id) const;
  [[nodiscard]] std::shared_ptr<const Entry> find_account(std::int64_t account) const;
  [[nodiscard]] std::size_t size() const;
  // Changes whenever an entry is added, replaced or removed (response caches key on it).
  [[nodiscard]] std::uint64_t generation() const { return generation_.load(); }
  [[nodiscard]] SearchResult search(const SearchQuery& q) const;
  // Next free slots of the entry's default motif, from now (cached) or from a local date.
  [[nodiscard]] std::vector<agenda::Slot> next_slots(const Entry& e,
                                                     std::optional<agenda::Mode> mode,
                                                     std::optional<agenda::LocalDate> from) const;
  // The same slots as next_slots(e, mode, nullopt), as a JSON array (cached with them).
  [[nodiscard]] std::string next_slots_json(const Entry& e, std::optional<agenda::Mode> mode) const;
  // A copy: the video window (agenda.video_window) may change while the server runs.
  [[nodiscard]] IndexOptions options() const;
  // The operator changed agenda.video_window (docs/operator.md "Settings"): entries built from
  // now on use it; load_all() then rebuilds those already in memory.
  void set_video_window(int start_min, int end_min);

  // Polls directory_changes every refresh_interval until stop().
  void start(boost::asio::io_context& io);
  void stop(std::function<void()> done = {});

 private:
  struct Snapshot {
    std::vector<std::shared_ptr<const Entry>> entries;
    std::unordered_map<std::string, std::size_t> by_public_id;
    std::unordered_map<std::int64_t, std::size_t> by_account;
    std::unordered_map<std::string, std::vector<std::size_t>> by_specialty;
  };
  [[nodiscard]] std::shared_ptr<const Snapshot> snapshot() const;
  // Refreshes e's cache for `mode` when stale; call with e.cache_mutex held.
  void fresh_cache(const Entry& e, std::optional<agenda::Mode> mode, std::int64_t now) const;
  void replace(std::int64_t account, std::shared_ptr<const Entry> entry);
  static void index_snapshot(Snapshot& s);

  storage::Database& db_;
  const Clock& clock_;
  IndexOptions options_;
  mutable std::mutex options_mutex_;  // guards options_'s video window
  mutable std::mutex mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
  std::unordered_map<std::int64_t, std::int64_t> applied_;  // change id → seen at (poller only)
  Periodic loop_;
  std::atomic<std::uint64_t> generation_{1};
};

// Parses `near`: a postcode, "c:<INSEE code>" or "lat,lng". nullopt when unknown or malformed.
std::optional<Near> resolve_near(std::string_view text);

}  // namespace cabinet::directory
