#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "booking/appointments.hpp"
#include "consultation/model.hpp"
#include "consultation/room.hpp"
#include "core/clock.hpp"
#include "core/live.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "storage/database.hpp"

namespace cabinet::crypto {
class KeyRing;
}
namespace cabinet::audit {
class Log;
struct Entry;
}  // namespace cabinet::audit
namespace cabinet::realtime {
class Hub;
class Connection;
}  // namespace cabinet::realtime
namespace cabinet::auth {
class RateLimiter;
}

// The teleconsultation (issue 6; docs/consultation.md): the room and its waiting room, admission,
// the call's signaling and chat, guests, the switch to a phone call, and the record kept sealed
// (chat, files, incidents, the practitioner's notes). It reads appointments through
// booking::Appointments, never booking's store.
namespace cabinet::consultation {

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  realtime::Hub& hub;
  BlockingPool& blocking;  // image re-encoding
  booking::Appointments& appointments;
  Options options;
  auth::RateLimiter* limits = nullptr;  // the public invitation routes, per address
};

// The room's refusals that name configured values: they carry them as the wording's parameters.
Error not_open(const Options& options);
Error room_full(const Options& options);

class Service {
 public:
  // Also subscribes to the appointments' close: the room closes with its consultation.
  explicit Service(Deps deps);

  // REST (service.cpp): a participant's view, and the day's list of the agenda `who` keeps, on
  // `date` (YYYY-MM-DD, the agenda's local date; empty: today).
  Task<Result<nlohmann::json>> consultation(const Principal& who, const std::string& id,
                                            Locale locale);
  Task<Result<nlohmann::json>> consultations_of_day(const Principal& who, const std::string& date,
                                                    Locale locale);

  // The room's WebSocket messages (live.cpp; docs/realtime.md "Consultations"). Each answers
  // the sender itself; an error is refused to the sender alone (messages.cpp renders it).
  Task<Result<void>> watch_waiting_room(realtime::Connection& c);
  Task<Result<void>> join(realtime::Connection& c, const std::string& id);
  // Called when the patient of an appointment taken from a queue enters its room (the queue
  // gives them the place and passes the card hold on; docs/queue.md). Wiring time.
  void on_patient_joined(std::function<Task<void>(std::int64_t appointment)> hook) {
    joined_hooks_.push_back(std::move(hook));
  }
  Task<Result<void>> leave(realtime::Connection& c, const std::string& id);
  // The practitioner admits the patient, or with `participant` one waiting guest.
  Task<Result<void>> admit(realtime::Connection& c, const std::string& id,
                           const std::optional<std::string>& participant);
  Task<Result<void>> signal(realtime::Connection& c, const std::string& id, const std::string& to,
                            const nlohmann::json& data);
  Task<Result<void>> chat(realtime::Connection& c, const std::string& id, const std::string& text);
  // A closed socket leaves its rooms; the others see it go.
  void detached(std::uint64_t connection);

  // The record: files shared in the room (files.cpp), the switch to a phone call, the
  // practitioner's side panel and private notes (records.cpp).
  Task<Result<nlohmann::json>> add_file(const Principal& who, const std::string& id,
                                        const std::string& name, std::string bytes);
  Task<Result<nlohmann::json>> files(const Principal& who, const std::string& id);
  Task<Result<SharedFile>> file(const Principal& who, const std::string& id,
                                const std::string& file_id);
  Task<Result<nlohmann::json>> switch_to_phone(const Principal& who, const std::string& id,
                                               const nlohmann::json& body);
  Task<Result<nlohmann::json>> panel(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> save_notes(const Principal& who, const std::string& id,
                                          const nlohmann::json& body);
  // What happened in the call of appointment `appointment` (its row id), for whoever already
  // checked the caller's access (documents/, issuing the compte-rendu).
  Task<Result<CallSummary>> call_summary(std::int64_t appointment);

  // Guests (guests.cpp, ROOM8): invitations by the patient or the practitioner, the link's
  // page and its one-time claim. `credential`: the request's guest cookie, if any.
  Task<Result<nlohmann::json>> invite(const Principal& who, const std::string& id,
                                      const nlohmann::json& body, const std::string& ip);
  Task<Result<nlohmann::json>> invitations(const Principal& who, const std::string& id);
  Task<Result<void>> revoke_invitation(const Principal& who, const std::string& id,
                                       const std::string& invitation, const std::string& ip);
  Task<Result<nlohmann::json>> invitation(const std::string& token,
                                          std::optional<std::string> credential,
                                          const std::string& ip);
  Task<Result<Claimed>> claim(const std::string& token, const nlohmann::json& body,
                              std::optional<std::string> credential, const std::string& ip);
  // Start-up (guest_names.cpp): seals the invitations' names still clear (rows older than V017,
  // which could not seal them without the key), in one transaction. Returns how many rows it
  // sealed; 0 once done.
  Task<Result<std::size_t>> seal_guest_names();

  // The live options (docs/operator.md "Settings"): changed by the operator while the server
  // runs; take one snapshot per piece of work.
  [[nodiscard]] std::shared_ptr<const Options> options() const { return options_.get(); }
  void set_options(Options next) { options_.set(std::move(next)); }

 private:
  struct Invitation;
  // A participant's view: the patient who booked, or the agenda's practitioner or assistant;
  // not_found for anyone else, and for an appointment without a room.
  Task<Result<Access>> access(const Principal& who, const std::string& id);
  // A guest's access: its own consultation only, while its invitation is live.
  Task<Result<Access>> guest_access(const Principal& who, const std::string& id);
  // access() narrowed to who may see clinical data: the patient and the practitioner (with
  // `practitioner_only`, the practitioner alone); forbidden for the others who have access.
  Task<Result<Access>> record_access(const Principal& who, const std::string& id,
                                     bool practitioner_only);
  // The invitation a link's token names, while it is live, with its consultation.
  Task<Result<Invitation>> live_invitation(const std::string& token);
  [[nodiscard]] std::string room_status(const View& v) const;
  [[nodiscard]] nlohmann::json consultation_json(const View& v, const std::string& role,
                                                 Locale locale) const;
  [[nodiscard]] nlohmann::json guest_view(const View& v, const Access& a) const;
  // The chat history a participant reads as it joins, audited (empty for a waiting guest).
  Task<Result<nlohmann::json>> chat_history(const View& v, const Participant& p);
  // The consultation's files as `reader` sees them (`mine`), not audited.
  Task<Result<nlohmann::json>> file_list(const View& v, std::int64_t reader);
  // The same, audited, and empty for an assistant: for `joined` and GET …/files.
  Task<Result<nlohmann::json>> joined_files(const View& v, std::int64_t reader,
                                            const std::string& role);
  // The latest switch to a phone call ({at, cause[, note]}), or null.
  Task<Result<nlohmann::json>> phone_fallback_json(std::int64_t appointment, bool with_note);
  Task<Result<void>> admit_guest(realtime::Connection& c, const View& v, const Participant& guest);
  // Presence to the room, waiting-room state to the agenda's staff.
  void announce(const View& v, const std::vector<Participant>& people);
  // Removes a guest's sockets from the room (revoked) and tells the others.
  void remove_guest(const std::string& consultation, std::int64_t guest);
  // The practitioner closed the consultation: `closed` to the room, the guests' sockets shut.
  void closed(const std::string& consultation);
  Task<Result<void>> audited(const audit::Entry& entry);

  Deps d_;
  Live<Options> options_;
  std::vector<std::function<Task<void>(std::int64_t)>> joined_hooks_;
  Rooms rooms_;
};

}  // namespace cabinet::consultation
