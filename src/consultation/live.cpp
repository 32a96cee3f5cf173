// The teleconsultation room's live side (issue 6; docs/realtime.md "Consultations"): who may
// enter, the waiting room, admission, signaling relayed between the participants of one
// consultation only, and the chat kept sealed in the consultation record. Media never reaches
// the server; signaling and chat text are never logged. messages.cpp turns the WebSocket
// messages into these calls.
#include <algorithm>

#include "audit/log.hpp"
#include "consultation/sealing.hpp"
#include "consultation/service.hpp"
#include "consultation/store.hpp"
#include "core/log.hpp"
#include "crypto/keyring.hpp"
#include "practitioners/store.hpp"
#include "realtime/hub.hpp"

namespace cabinet::consultation {
namespace {

constexpr std::size_t kChatHistory = 200;

std::string staff_room(std::int64_t practitioner) {
  return "staff:" + std::to_string(practitioner);
}

nlohmann::json presence(const std::string& id, const std::vector<Participant>& people) {
  return {{"type", "presence"}, {"consultation", id}, {"participants", Rooms::to_json(people)}};
}

std::string waiting_room(const std::string& id, bool waiting) {
  return nlohmann::json{{"type", "waiting_room"}, {"consultation", id}, {"waiting", waiting}}
      .dump();
}

// A participant's access to the record, guests included (they have no account).
audit::Entry entry_of(const std::string& consultation, const Participant& p, std::string action) {
  audit::Entry e;
  if (p.guest == 0) e.actor_account_id = p.account;
  e.actor_role = p.role;
  e.profile_id = p.profile;
  e.action = std::move(action);
  e.object = consultation;
  if (p.guest != 0) e.detail = "guest " + std::to_string(p.guest);
  return e;
}

// Who the socket is in the consultation, from what access() found.
Participant participant(const realtime::Connection& c, const Access& a) {
  const auto& v = a.v;
  Participant p;
  p.connection = c.id();
  p.account = c.principal().account_id;
  p.role = a.role;
  p.practitioner = v.a.practitioner_id;
  p.appointment = v.a.id;
  p.profile = v.a.profile_id;
  p.admitted = a.role != "patient";  // staff; the room decides for the patient
  if (a.guest) {
    // Admission is the guest's, kept in its invitation: a reconnect stays admitted.
    p.account = 0;
    p.guest = a.guest->id;
    p.name = a.guest->name;
    p.kind = a.guest->kind;
    p.admitted = a.admitted;
  } else if (a.role == "patient") {
    p.name = v.profile_first_name + " " + v.profile_last_name;
  } else if (a.role == "practitioner") {
    p.name = booking::practitioner_name(v);
  } else {
    p.name = c.locale() == Locale::en ? "Medical assistant" : "Assistant(e) médical(e)";
  }
  return p;
}

}  // namespace

void Service::announce(const View& v, const std::vector<Participant>& people) {
  const auto status = room_status(v);
  auto message = presence(v.a.public_id, people);
  message["status"] = status;
  rooms_.send(v.a.public_id, message.dump(), Rooms::Audience::everyone);
  d_.hub.broadcast(staff_room(v.a.practitioner_id),
                   waiting_room(v.a.public_id, status == "waiting"));
}

void Service::closed(const std::string& consultation) {
  rooms_.send(consultation,
              nlohmann::json{{"type", "closed"}, {"consultation", consultation}}.dump(),
              Rooms::Audience::everyone);
  // The guests' credentials died with the consultation: their sockets close after `closed`.
  d_.hub.close_if(
      [&consultation](const Principal& p) {
        return p.guest && p.guest->consultation == consultation;
      },
      realtime::CloseCode::normal, "closed");
}

void Service::remove_guest(const std::string& consultation, std::int64_t guest) {
  if (rooms_.remove_guest(consultation, guest).empty()) return;
  rooms_.send(consultation, presence(consultation, rooms_.in(consultation)).dump(),
              Rooms::Audience::everyone);
}

void Service::detached(std::uint64_t connection) {
  for (const auto& [id, who] : rooms_.leave_all(connection)) {
    const auto people = rooms_.in(id);
    rooms_.send(id, presence(id, people).dump(), Rooms::Audience::everyone);
    if (who.role == "patient" && !has_patient(people))
      d_.hub.broadcast(staff_room(who.practitioner), waiting_room(id, false));
  }
}

Task<Result<void>> Service::watch_waiting_room(realtime::Connection& c) {
  auto owner = co_await practitioners::store::agenda_owner(d_.db, c.principal());
  if (!owner) co_return Error(ErrorCode::forbidden);
  d_.hub.join(staff_room(*owner), c.id());
  c.send(nlohmann::json{{"type", "watching"}}.dump());
  co_return ok();
}

Task<Result<nlohmann::json>> Service::chat_history(const View& v, const Participant& p) {
  nlohmann::json chat = nlohmann::json::array();
  // A guest reads the chat only once admitted (it joins again then).
  if (p.waiting_guest()) co_return chat;
  auto rows = co_await store::chat_of(d_.db, v.a.id, kChatHistory);
  if (!rows) co_return chat;  // the call goes on without its history
  for (const auto& m : *rows) {
    auto text = d_.keys.open(m.sealed_body, chat_context(v.a.id));
    if (!text) continue;
    chat.push_back(
        {{"type", "chat"},
         {"consultation", v.a.public_id},
         {"id", m.id},
         {"role", m.sender_role},
         {"name", m.sender_name},
         {"mine", p.guest != 0 ? m.sender_guest_id == p.guest : m.sender_account_id == p.account},
         {"text", *text},
         {"at", m.created_at}});
  }
  // The chat history is health data: reading it is audited, like any access.
  if (!chat.empty()) {
    if (auto r = co_await audited(entry_of(v.a.public_id, p, "consultation.chat.read")); !r)
      co_return std::move(r).error();
  }
  co_return chat;
}

Task<Result<void>> Service::join(realtime::Connection& c, const std::string& id) {
  auto a = co_await access(c.principal(), id);
  if (!a) {
    co_return a.error().code == ErrorCode::unavailable ? Error(ErrorCode::unavailable)
                                                       : Error(ErrorCode::not_found);
  }
  const auto& v = a->v;
  const auto now = d_.clock.unix_seconds();
  if ((a->role == "patient" || a->role == "guest") &&
      (v.a.status != "confirmed" || now < v.a.start_at - options()->room_opens.count()))
    co_return not_open(*options());
  // An assistant runs the agenda and the waiting room, but sees no clinical content (SEC3): the
  // room's chat, files and call are for those who take part in the care.
  if (a->role == "assistant") co_return Error(ErrorCode::forbidden);
  const auto p = participant(c, *a);
  auto chat = co_await chat_history(v, p);
  if (!chat) co_return Error(ErrorCode::unavailable);
  // The files shared so far (records.cpp), so that a reconnected browser lists them again;
  // guests are not sent files (nor may they fetch them).
  nlohmann::json files = nlohmann::json::array();
  if (p.guest == 0) {
    auto shared = co_await joined_files(v, p.account, p.role);
    if (!shared) co_return Error(ErrorCode::unavailable);
    files = std::move(*shared);
  }
  const auto joined = rooms_.join(v.a.public_id, p);
  if (joined.full) co_return room_full(*options());
  // Taken from a queue: entering the room answers the call. Done before `joined` is sent, so
  // that a patient who sees the room holds the place for good.
  if (p.role == "patient" && p.guest == 0 && v.a.origin == "queue") {
    for (const auto& hook : joined_hooks_) co_await hook(v.a.id);
  }
  // A reconnect: the person's earlier socket is out of the room, and told so.
  for (auto old : joined.replaced)
    rooms_.send_to(old,
                   nlohmann::json{{"type", "replaced"}, {"consultation", v.a.public_id}}.dump());
  const auto me = std::find_if(joined.people.begin(), joined.people.end(),
                               [&](const Participant& x) { return x.connection == c.id(); });
  c.send(nlohmann::json{{"type", "joined"},
                        {"consultation", v.a.public_id},
                        {"you", p.id()},
                        {"role", p.role},
                        {"admitted", me != joined.people.end() && me->admitted},
                        {"status", room_status(v)},
                        {"participants", Rooms::to_json(joined.people)},
                        {"chat", std::move(*chat)},
                        {"files", std::move(files)}}
             .dump());
  announce(v, joined.people);
  // After the admission, the patient or the practitioner coming back is a reconnection: the
  // compte-rendu lists them (the HAS guide asks for the call's technical incidents).
  if (v.a.started_at && v.a.status == "confirmed" && p.guest == 0 &&
      (p.role == "patient" || p.role == "practitioner")) {
    store::Incident incident;
    incident.appointment_id = v.a.id;
    incident.kind = "reconnection";
    incident.cause = p.role;
    incident.actor_account_id = p.account;
    incident.at = now;
    if (auto r = co_await store::insert_incident(d_.db, incident); !r)
      log::warn("reconnection not recorded", {{"error", r.error().detail}});
  }
  co_return ok();
}

Task<Result<void>> Service::leave(realtime::Connection& c, const std::string& id) {
  auto [people, was_in] = rooms_.leave(id, c.id());
  if (!was_in) co_return ok();
  auto v = co_await d_.appointments.find(id);
  if (v && *v) announce(**v, people);
  co_return ok();
}

Task<Result<void>> Service::admit_guest(realtime::Connection& c, const View& v,
                                        const Participant& guest) {
  const auto now = d_.clock.unix_seconds();
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto admitted = co_await store::admit_invitation(tx, guest.guest, now);
    if (!admitted) co_return std::move(admitted).error();
    if (!*admitted) co_return ok();  // admitted before (a reconnect): nothing new
    audit::Entry entry;
    entry.actor_account_id = c.principal().account_id;
    entry.actor_role = "practitioner";
    entry.profile_id = v.a.profile_id;
    entry.action = "consultation.guest.admitted";
    entry.object = v.a.public_id;
    entry.detail = "guest " + std::to_string(guest.guest) + " (" + guest.kind + ")";
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!done) co_return Error(ErrorCode::unavailable);
  rooms_.admit_guest(v.a.public_id, guest.guest);
  rooms_.send(v.a.public_id,
              nlohmann::json{{"type", "admitted"},
                             {"consultation", v.a.public_id},
                             {"participant", guest.id()},
                             {"role", "guest"}}
                  .dump(),
              Rooms::Audience::in_call);
  announce(v, rooms_.in(v.a.public_id));
  co_return ok();
}

Task<Result<void>> Service::admit(realtime::Connection& c, const std::string& id,
                                  const std::optional<std::string>& participant) {
  const auto me = rooms_.find(id, c.id());
  if (!me) co_return Error(ErrorCode::not_found);
  if (me->role != "practitioner") co_return Error(ErrorCode::forbidden);
  auto v = co_await d_.appointments.find(id);
  if (!v || !*v) co_return Error(ErrorCode::not_found);
  if (participant) {
    const auto people = rooms_.in(id);
    const auto who = std::find_if(people.begin(), people.end(),
                                  [&](const Participant& p) { return p.id() == *participant; });
    if (who == people.end()) co_return Error(ErrorCode::not_found);
    if (who->guest != 0) co_return co_await admit_guest(c, **v, *who);
    if (who->role != "patient") co_return Error(ErrorCode::invalid_message);
  }
  rooms_.admit(id);
  // The consultation began: it will not become a no-show (BKG6).
  if (auto r = co_await d_.appointments.started((*v)->a.id); !r)
    log::warn("could not record the start", {{"consultation", id}});
  rooms_.send(id, nlohmann::json{{"type", "admitted"}, {"consultation", id}}.dump(),
              Rooms::Audience::in_call);
  announce(**v, rooms_.in(id));
  co_return ok();
}

Task<Result<void>> Service::signal(realtime::Connection& c, const std::string& id,
                                   const std::string& to, const nlohmann::json& data) {
  const auto me = rooms_.find(id, c.id());
  if (!me) co_return Error(ErrorCode::not_found);
  // A guest takes part only once the practitioner admitted it: until then it sends and receives
  // no signaling.
  if (me->waiting_guest()) co_return Error(ErrorCode::not_admitted);
  for (const auto& p : rooms_.in(id)) {
    if (p.id() != to || p.connection == c.id()) continue;
    if (p.waiting_guest()) co_return Error(ErrorCode::not_admitted);
    // Relayed as is; the SDP and candidates are never logged.
    rooms_.send_to(
        p.connection,
        nlohmann::json{{"type", "signal"}, {"consultation", id}, {"from", me->id()}, {"data", data}}
            .dump());
    co_return ok();
  }
  co_return Error(ErrorCode::not_found);
}

Task<Result<void>> Service::chat(realtime::Connection& c, const std::string& id,
                                 const std::string& text) {
  const auto me = rooms_.find(id, c.id());
  if (!me) co_return Error(ErrorCode::not_found);
  if (me->waiting_guest()) co_return Error(ErrorCode::not_admitted);
  store::ChatRow m;
  m.appointment_id = me->appointment;
  // Sent by an account or by a guest: exactly one of the two columns is set.
  if (me->guest == 0) m.sender_account_id = me->account;
  if (me->guest != 0) m.sender_guest_id = me->guest;
  m.sender_role = me->role;
  m.sender_name = me->name;
  m.sealed_body = d_.keys.seal(text, chat_context(me->appointment));
  m.created_at = d_.clock.unix_seconds();
  // Writing health data is audited too (SEC2), in the same transaction: no message without its
  // trace.
  const auto entry = entry_of(id, *me, "consultation.chat.write");
  auto written = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto inserted = co_await store::insert_chat(tx, m);
    if (!inserted) co_return std::move(inserted).error();
    m.id = *inserted;
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!written) co_return Error(ErrorCode::unavailable);
  rooms_.send_each(id, [&](const Participant& p) -> std::optional<std::string> {
    if (p.waiting_guest()) return std::nullopt;  // a waiting guest reads nothing of the room
    return nlohmann::json{{"type", "chat"},
                          {"consultation", id},
                          {"id", m.id},
                          {"from", me->id()},
                          {"role", me->role},
                          {"name", me->name},
                          {"mine", p.person() == me->person()},
                          {"text", text},
                          {"at", m.created_at}}
        .dump();
  });
  co_return ok();
}

}  // namespace cabinet::consultation
