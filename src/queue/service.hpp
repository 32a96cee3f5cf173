#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/locale.hpp"
#include "core/periodic.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "queue/rules.hpp"
#include "queue/store.hpp"
#include "storage/database.hpp"

namespace boost::asio {
class io_context;
}
namespace cabinet::crypto {
class KeyRing;
}
namespace cabinet::audit {
class Log;
}
namespace cabinet::payments {
class PaymentProvider;
}
namespace cabinet::realtime {
class Hub;
class Connection;
}  // namespace cabinet::realtime

// Immediate teleconsultation (NOW1, NOW2, PAY3, PAY4, AGD3; docs/queue.md): a queue per
// specialty, practitioners on duty who take the next patient into a consultation room, the
// live position and wait over the WebSocket, and the service fee.
namespace cabinet::queue {

struct Options {
  std::vector<std::string> specialties{"general_medicine"};
  Window hours;                     // local time, Europe/Paris
  int fee_cents = 500;              // PAY3: the service fee, apart, never reimbursed
  int price_cents = 0;              // the consultation's price; 0: the convention's video tariff
  std::chrono::seconds grace{120};  // a page gone this long loses the place
  std::chrono::seconds answer_window{180};  // a called patient must join the room by then
  std::chrono::seconds near_priority{600};  // how long a patient is kept for near practitioners
  double near_km = 30;
  std::chrono::seconds no_show_grace{1800};
  std::chrono::seconds default_service{720};  // until 5 consultations were measured
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  realtime::Hub& hub;
  payments::PaymentProvider& provider;
  std::string provider_name;
  Options options;
  // The white-label partner a Host header names: entries joined there are tagged with it.
  std::function<std::optional<std::int64_t>(std::string_view host)> partner_of_host = {};
};

struct Answer {
  int status = 200;
  nlohmann::json body;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)), options_(d_.options) {}

  // Public.
  Task<Result<nlohmann::json>> queues(Locale locale);

  // Patient.
  Task<Result<nlohmann::json>> quote(const Principal& who, const std::string& specialty,
                                     const nlohmann::json& body, Locale locale);
  Task<Result<Answer>> join(const Principal& who, const std::string& specialty,
                            const nlohmann::json& body, const std::string& idempotency_key,
                            Locale locale, const std::string& host = {});
  Task<Result<nlohmann::json>> entries(const Principal& who, Locale locale);
  Task<Result<nlohmann::json>> entry(const Principal& who, const std::string& id, Locale locale);
  Task<Result<void>> leave(const Principal& who, const std::string& id);

  // Practitioner.
  Task<Result<nlohmann::json>> staff(const Principal& who, Locale locale);
  Task<Result<nlohmann::json>> set_duty(const Principal& who, const nlohmann::json& body,
                                        Locale locale);
  Task<Result<nlohmann::json>> take(const Principal& who);

  // WebSocket.
  Task<Result<void>> watch(realtime::Connection& c, const std::string& entry);
  Task<Result<void>> watch_staff(realtime::Connection& c);

  // The patient of an appointment taken from a queue entered its room: the place is theirs,
  // the hold passes to the appointment (consultation::Service calls it).
  Task<void> patient_joined(std::int64_t appointment);

  // The sweep: pages gone past the grace, patients called who did not answer, entries whose
  // appointment ended without them, authorizations left half-way. Returns what it changed.
  Task<Result<std::size_t>> sweep();
  void start(boost::asio::io_context& io, std::chrono::milliseconds interval);
  void stop(std::function<void()> done = {});

  // Positions and estimates pushed to the watchers of the specialty whose place changed (and a
  // nudge to its staff). `positions` false: only the staff's lists changed.
  Task<Result<void>> broadcast(const std::string& specialty, bool positions = true);

  // The live options (docs/operator.md "Settings"): the fee, hours and specialties may change
  // while the server runs; take one snapshot per piece of work.
  [[nodiscard]] std::shared_ptr<const Options> options() const { return options_.get(); }
  void set_options(Options next) { options_.set(std::move(next)); }

 private:
  struct Numbers;
  Task<Result<Numbers>> numbers(const std::string& specialty);
  [[nodiscard]] bool has_queue(const std::string& specialty) const;
  [[nodiscard]] int price_of(const std::string& specialty) const;
  Task<Result<store::Entry>> own(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> entry_json(const store::Entry& e, Locale locale);
  Task<Result<nlohmann::json>> staff_json(std::int64_t practitioner, Locale locale);
  // Ends a live entry and voids its hold if it still has it; false when it had ended.
  Task<Result<bool>> finish(const store::Entry& e, const std::string& state,
                            const std::string& reason);
  Task<Result<void>> void_hold(const store::Entry& e);
  Task<Result<void>> cancel_appointment(std::int64_t appointment);
  Task<Result<bool>> no_answer(const store::Entry& e);
  void notify_entry(const store::Entry& e, const nlohmann::json& message);
  Task<Result<void>> audited(std::int64_t actor, const std::string& role,
                             std::optional<std::int64_t> profile, const std::string& action,
                             const std::string& object, const std::string& detail);
  Deps d_;
  Live<Options> options_;
  Periodic loop_;
  // Reasons a practitioner has read already (the first read of each is audited).
  std::mutex seen_mutex_;
  std::set<std::pair<std::int64_t, std::int64_t>> seen_;
  // The measured service time per specialty, kept a minute.
  std::mutex service_mutex_;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> service_;  // at, seconds
  std::map<std::string, std::int64_t> announced_service_;  // what the last sweep pushed
  // Per specialty: the broadcasts started and the newest one that was sent, so that one
  // computed from an older list never lands after a newer one (a position going back up); and
  // the last message each watched place was sent, so that an unchanged place is not told again.
  struct Pushed {
    std::uint64_t started = 0;
    std::uint64_t sent = 0;
    std::map<std::string, std::string> last;
  };
  std::mutex pushed_mutex_;
  std::map<std::string, Pushed> pushed_;
};

std::string entry_room(const std::string& entry_public_id);
std::string staff_room(const std::string& specialty);

}  // namespace cabinet::queue
