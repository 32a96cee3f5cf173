#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "directory/index.hpp"
#include "realtime/hub.hpp"
#include "storage/database.hpp"

namespace cabinet::directory {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  BlockingPool& blocking;
  Index& index;
  realtime::Hub& hub;
};

// Public directory reads (DIR1, DIR2), the practitioner's profile and motifs, and the agenda
// (AGD1–AGD4) edited by the practitioner or their assistants.
class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)) {}

  // Public.
  // The search answer as JSON text (written directly: it is the directory's hottest path).
  [[nodiscard]] std::string search(const SearchQuery& q, Locale locale) const;
  [[nodiscard]] Result<nlohmann::json> practitioner(const std::string& id, Locale locale) const;
  struct SlotsQuery {
    std::optional<agenda::LocalDate> from;
    int days = 7;
    std::optional<agenda::Mode> mode;
    std::optional<std::string> motif_id;
  };
  // JSON text, written directly.
  [[nodiscard]] Result<std::string> slots(const std::string& id, const SlotsQuery& q) const;
  Task<Result<std::string>> photo(const std::string& id);

  // Practitioner (profile, photo, motifs).
  Task<Result<void>> ensure_profile(std::int64_t account);
  Task<Result<nlohmann::json>> my_profile(const Principal& who, Locale locale);
  Task<Result<nlohmann::json>> update_profile(const Principal& who, const nlohmann::json& body,
                                              Locale locale);
  Task<Result<void>> put_photo(const Principal& who, std::string bytes);
  Task<Result<void>> delete_photo(const Principal& who);
  Task<Result<nlohmann::json>> motifs(const Principal& who);
  Task<Result<nlohmann::json>> add_motif(const Principal& who, const nlohmann::json& body);
  Task<Result<nlohmann::json>> update_motif(const Principal& who, const std::string& id,
                                            const nlohmann::json& body);
  Task<Result<void>> delete_motif(const Principal& who, const std::string& id);

  // Agenda (practitioner or assistant).
  Task<Result<nlohmann::json>> hours(const Principal& who);
  Task<Result<nlohmann::json>> put_hours(const Principal& who, const nlohmann::json& body);
  Task<Result<nlohmann::json>> exceptions(const Principal& who,
                                          std::optional<agenda::LocalDate> from,
                                          std::optional<agenda::LocalDate> to);
  Task<Result<nlohmann::json>> add_exception(const Principal& who, const nlohmann::json& body);
  Task<Result<void>> delete_exception(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> agenda(const Principal& who, std::optional<agenda::LocalDate> from,
                                      int days, Locale locale);
  Task<Result<nlohmann::json>> announce_delay(const Principal& who, int minutes);

  // After any change visible in the directory: recorded for the other nodes, applied here.
  Task<Result<void>> changed(std::int64_t account);

 private:
  // The practitioner whose agenda `who` manages: themselves, or the one an assistant works for.
  Task<Result<std::int64_t>> agenda_owner(const Principal& who);
  Task<Result<store::Profile>> own_profile(std::int64_t account);
  // Today in the practitioner's time zone (YYYY-MM-DD): the date tariffs are read at.
  std::string today(const store::Profile& p) const;
  // Answers of the two hottest public reads, kept for one second and dropped as soon as the
  // index changes (a practitioner edits their agenda): popular searches are computed once per
  // second, not once per request. Slots are checked again at booking.
  struct CachedText {
    std::uint64_t generation = 0;
    std::int64_t expires = 0;
    std::string text;
  };
  [[nodiscard]] std::string render_search(const SearchQuery& q, Locale locale) const;
  [[nodiscard]] std::optional<std::string> cached(const std::string& key) const;
  void remember(const std::string& key, const std::string& text) const;
  mutable std::mutex cache_mutex_;
  mutable std::unordered_map<std::string, CachedText> cache_;
  Deps d_;
};

}  // namespace cabinet::directory
