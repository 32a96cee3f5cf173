#pragma once

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accounts/store.hpp"
#include "booking/room.hpp"
#include "booking/store.hpp"
#include "core/clock.hpp"
#include "core/locale.hpp"
#include "core/periodic.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
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
namespace cabinet::notify {
class Outbox;
}
namespace cabinet::payments {
class PaymentProvider;
}
namespace cabinet::directory {
class Index;
}
namespace cabinet::realtime {
class Hub;
class Connection;
}  // namespace cabinet::realtime
namespace cabinet::auth {
class RateLimiter;
}

// The booking lifecycle (BKG1–BKG8, PAY1–PAY6; docs/booking.md): appointments held while the
// patient pays, confirmed with a card hold, cancelled by either side or through the signed
// link, reminded, closed as done (captured) or no-show (voided).
namespace cabinet::booking {

struct Options {
  std::chrono::seconds payment_window{600};
  std::chrono::seconds no_show_grace{1800};
  std::chrono::seconds card_deadline{7200};
  std::chrono::seconds hold_lead{5 * 24 * 3600};
  std::chrono::seconds room_opens{600};  // patients enter the waiting room this long before
  // Files shared in a consultation (consultation.file_max_size, consultation.file_types).
  std::size_t file_max_size = 5UL * 1024 * 1024;
  std::vector<std::string> file_types{"image/jpeg", "image/png"};
  bool secure_cookies = true;  // the guest cookie is Secure like the session's
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const audit::Log& audit;
  notify::Outbox& outbox;
  payments::PaymentProvider& provider;
  directory::Index& index;
  realtime::Hub& hub;
  BlockingPool& blocking;  // image re-encoding
  std::string public_url;
  Options options;
  auth::RateLimiter* limits = nullptr;  // the public invitation routes, per address
};

// An answer with its status, for the routes that are not always 200.
struct Answer {
  int status = 200;
  nlohmann::json body;
};

class Service {
 public:
  explicit Service(Deps deps) : d_(std::move(deps)) {}

  // Patient.
  Task<Result<Answer>> create(const Principal& who, const nlohmann::json& body,
                              const std::string& idempotency_key, Locale locale);
  Task<Result<nlohmann::json>> confirm(const Principal& who, const std::string& id,
                                       const nlohmann::json& body, Locale locale);
  Task<Result<nlohmann::json>> list(const Principal& who, const std::optional<std::string>& profile,
                                    Locale locale);
  Task<Result<nlohmann::json>> get(const Principal& who, const std::string& id, Locale locale);
  Task<Result<nlohmann::json>> cancel(const Principal& who, const std::string& id, Locale locale);
  Task<Result<std::string>> calendar(const Principal& who, const std::string& id);
  Task<Result<nlohmann::json>> estimate(const Principal& who, const nlohmann::json& body,
                                        Locale locale);

  // The signed link of the confirmation email (no login).
  Task<Result<nlohmann::json>> link_view(const std::string& token, Locale locale);
  Task<Result<nlohmann::json>> link_cancel(const std::string& token, Locale locale);
  Task<Result<std::string>> link_calendar(const std::string& token);

  // Practitioner or assistant.
  Task<Result<nlohmann::json>> book_for_patient(const Principal& who, const nlohmann::json& body,
                                                Locale locale);
  Task<Result<nlohmann::json>> cancel_by_practitioner(const Principal& who, const std::string& id,
                                                      const nlohmann::json& body, Locale locale);
  Task<Result<nlohmann::json>> close(const Principal& who, const std::string& id,
                                     const nlohmann::json& body, Locale locale);
  // The consultation began (the room, issue 6): the appointment will not become a no-show.
  Task<Result<void>> started(std::int64_t appointment);

  // The teleconsultation room (consultation_views.cpp, room_messages.cpp; docs/consultation.md).
  Task<Result<nlohmann::json>> consultation(const Principal& who, const std::string& id,
                                            Locale locale);
  // The video consultations of the agenda `who` keeps, on `date` (YYYY-MM-DD, the agenda's
  // local date; empty: today).
  Task<Result<nlohmann::json>> consultations_of_day(const Principal& who, const std::string& date,
                                                    Locale locale);
  // The WebSocket messages of the room (join, leave, admit, signal, chat…), on d_.hub.
  void register_room();

  // The consultation record (records.cpp, docs/consultation.md): files shared in the room, the
  // switch to a phone call, the practitioner's side panel and private notes.
  struct SharedFile {
    std::string name;
    std::string mime;
    std::string bytes;
  };
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
  [[nodiscard]] std::size_t file_max_size() const { return d_.options.file_max_size; }
  // Guests (guests.cpp, ROOM8): invitations by the patient or the practitioner, the link's
  // page and its one-time claim.
  Task<Result<nlohmann::json>> invite(const Principal& who, const std::string& id,
                                      const nlohmann::json& body, const std::string& ip);
  Task<Result<nlohmann::json>> invitations(const Principal& who, const std::string& id);
  Task<Result<void>> revoke_invitation(const Principal& who, const std::string& id,
                                       const std::string& invitation, const std::string& ip);
  // `credential`: the request's guest cookie, if any (is this browser the guest already?).
  Task<Result<nlohmann::json>> invitation(const std::string& token,
                                          std::optional<std::string> credential,
                                          const std::string& ip);
  struct Claimed {
    nlohmann::json body;
    std::string credential;  // the guest cookie's value
    std::int64_t max_age = 0;
  };
  Task<Result<Claimed>> claim(const std::string& token, const nlohmann::json& body,
                              std::optional<std::string> credential, const std::string& ip);
  [[nodiscard]] bool secure_cookies() const { return d_.options.secure_cookies; }

  // Jobs (jobs.cpp): one pass over what is due. Returns how many things were done. Tests call it
  // with the clock where they want it.
  Task<Result<std::size_t>> run_due();
  // Runs run_due every `interval` until stop(); `done` runs once the loop has exited.
  // `on_pass` after each pass (a metric: tests wait for a pass instead of sleeping).
  void start(boost::asio::io_context& io, std::chrono::milliseconds interval,
             std::function<void()> on_pass = {});
  void stop(std::function<void()> done = {});

  [[nodiscard]] std::string cancel_link(const store::Appointment& a) const;
  [[nodiscard]] std::string provider_name() const;

 private:
  struct Booked;
  struct Access {
    store::View v;
    std::string role;                       // patient, practitioner, assistant, guest
    std::optional<Principal::Guest> guest;  // with role guest: as the database has it now
    bool admitted = false;                  // with role guest
  };
  // A participant's view: the patient who booked, or the agenda's practitioner or assistant;
  // not_found for anyone else, and for an appointment without a room.
  Task<Result<Access>> access(const Principal& who, const std::string& id);
  // A guest's access: its own consultation only, while its invitation is live.
  Task<Result<Access>> guest_access(const Principal& who, const std::string& id);
  // The invitation a link's token names, while it is live, with its consultation.
  struct Invitation;
  Task<Result<Invitation>> live_invitation(const std::string& token);
  [[nodiscard]] std::string room_status(const store::View& v) const;
  [[nodiscard]] nlohmann::json guest_view(const store::View& v, const Access& a) const;
  // A message to the room: its hub room (everyone admitted, and the staff) and the guests
  // still waiting, who are kept out of the hub room so that nothing else reaches them.
  void to_room(const std::string& consultation, const std::string& message);
  // The practitioner admits a waiting guest (admit with `participant`).
  Task<void> admit_guest(realtime::Connection& c, const store::View& v, const Participant& guest);
  // Removes a guest's sockets from the room (revoked) and tells the others.
  void remove_guest(const std::string& consultation, std::int64_t guest);
  [[nodiscard]] nlohmann::json consultation_json(const store::View& v, const std::string& role,
                                                 Locale locale) const;
  // access() narrowed to who may see clinical data: the patient and the practitioner (with
  // `practitioner_only`, the practitioner alone); forbidden for the others who have access.
  Task<Result<Access>> record_access(const Principal& who, const std::string& id,
                                     bool practitioner_only);
  // The consultation's files as `reader` sees them (`mine`), not audited.
  Task<Result<nlohmann::json>> file_list(const store::View& v, std::int64_t reader);
  // The same, audited, and empty for an assistant: for `joined` and GET …/files.
  Task<Result<nlohmann::json>> joined_files(const store::View& v, std::int64_t reader,
                                            const std::string& role);
  // The latest switch to a phone call ({at, cause[, note]}), or null.
  Task<Result<nlohmann::json>> phone_fallback_json(std::int64_t appointment, bool with_note);
  // Sends each participant in the consultation's room, on this node, what `make` writes for
  // them (nothing on nullopt).
  void to_room(const std::string& id,
               const std::function<std::optional<std::string>(const Participant&)>& make);
  // Presence to the room, waiting-room state to the agenda's staff.
  void announce(const store::View& v, const std::vector<Participant>& people);
  void room_closed(const std::string& id);
  Task<Result<bool>> run_job(const store::Job& job);
  Task<Result<bool>> run_place_hold(const store::Job& job, const store::View& v);
  Task<Result<std::size_t>> reconcile();
  // The slot must be one the agenda offers now, for that motif and mode.
  Task<Result<Booked>> validate_slot(const std::string& practitioner, const std::string& motif,
                                     const std::string& start, const std::string& mode);
  // The common fields of a new appointment of `profile` (of `patient`) in `slot`.
  store::Appointment new_appointment(const Booked& slot, std::int64_t patient,
                                     std::int64_t profile);
  // One of the account's profiles, by public id; 400 "profile_id" otherwise.
  Task<Result<accounts::store::Profile>> profile_of(std::int64_t account,
                                                    const std::string& public_id);
  Task<Result<store::View>> own(const Principal& who, const std::string& id);
  // An appointment of the agenda `who` manages (practitioner or assistant).
  Task<Result<store::View>> managed(const Principal& who, const std::string& id);
  // Ends an active appointment (cancelled, no_show, expired): granules freed, jobs skipped,
  // notices queued, the hold voided after the commit, the index refreshed.
  Task<Result<bool>> end(const store::View& v, const std::string& status, const std::string& by,
                         const std::string& reason);
  Task<Result<void>> void_live_hold(std::int64_t appointment);
  // Places the hold now or saves the card (deferred hold), then confirms when pending.
  Task<Result<void>> pay(const store::View& v, const std::string& payment_method);
  Task<Result<void>> place_deferred_hold(const store::View& v);
  Task<Result<void>> after_change(std::int64_t practitioner);
  Task<Result<void>> queue_confirmation(storage::Transaction& tx, const store::View& v);
  Task<Result<void>> add_jobs(storage::Transaction& tx, const store::View& v, std::int64_t now);
  [[nodiscard]] nlohmann::json to_json(const store::View& v, Locale locale) const;
  Deps d_;
  Periodic loop_;
  Rooms rooms_;
};

}  // namespace cabinet::booking
