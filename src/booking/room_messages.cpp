// The teleconsultation room's messages (issue 6; docs/realtime.md "Consultations"): who may
// enter, the waiting room, admission, signaling relayed between the participants of one
// consultation only, and the chat kept sealed in the consultation record. Media never reaches
// the server; signaling and chat text are never logged.
#include <algorithm>

#include "audit/log.hpp"
#include "booking/internal.hpp"
#include "booking/room.hpp"
#include "booking/sealing.hpp"
#include "core/log.hpp"
#include "core/utf8.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "practitioners/store.hpp"
#include "realtime/hub.hpp"

namespace cabinet::booking {
namespace {

constexpr std::size_t kMaxSignal = 32 * 1024;
constexpr std::size_t kMaxChat = 2000;
constexpr std::size_t kChatHistory = 200;

std::string staff_room(std::int64_t practitioner) {
  return "staff:" + std::to_string(practitioner);
}

void refuse(realtime::Connection& c, std::string_view code) {
  c.send(realtime::Hub::error_message(code, c.locale()));
}

std::optional<std::string> consultation_field(const nlohmann::json& m) {
  if (!m.contains("consultation") || !m["consultation"].is_string()) return std::nullopt;
  auto id = m["consultation"].get<std::string>();
  if (id.empty() || id.size() > 64) return std::nullopt;
  return id;
}

// The sender of a message about a consultation, as a member of its room on this node; on
// nullopt the refusal has been sent (invalid without a consultation, not_found outside it).
struct Sender {
  std::string consultation;
  Participant me;
};
std::optional<Sender> sender(const Rooms& rooms, realtime::Connection& c, const nlohmann::json& m) {
  auto id = consultation_field(m);
  if (!id) {
    refuse(c, "invalid");
    return std::nullopt;
  }
  auto me = rooms.find(room_of(*id), c.id());
  if (!me) {
    refuse(c, "not_found");
    return std::nullopt;
  }
  return Sender{std::move(*id), std::move(*me)};
}

}  // namespace

void Service::to_room(const std::string& id,
                      const std::function<std::optional<std::string>(const Participant&)>& make) {
  for (const auto& p : rooms_.in(room_of(id))) {
    if (auto message = make(p)) d_.hub.send_to(p.connection, *message);
  }
}

void Service::room_closed(const std::string& id) {
  to_room(id, nlohmann::json{{"type", "closed"}, {"consultation", id}}.dump());
  // The guests' credentials died with the consultation: their sockets close after `closed`.
  d_.hub.close_if([&id](const Principal& p) { return p.guest && p.guest->consultation == id; },
                  realtime::CloseCode::normal, "closed");
}

void Service::to_room(const std::string& consultation, const std::string& message) {
  const auto room = room_of(consultation);
  d_.hub.broadcast(room, message);
  for (const auto& p : rooms_.in(room)) {
    if (p.guest != 0 && !p.admitted) d_.hub.send_to(p.connection, message);
  }
}

void Service::remove_guest(const std::string& consultation, std::int64_t guest) {
  const auto room = room_of(consultation);
  const auto removed = rooms_.remove_guest(room, guest);
  if (removed.empty()) return;
  for (auto connection : removed) d_.hub.leave(room, connection);
  to_room(consultation, nlohmann::json{{"type", "presence"},
                                       {"consultation", consultation},
                                       {"participants", Rooms::to_json(rooms_.in(room))}}
                            .dump());
}

void Service::announce(const store::View& v, const std::vector<Participant>& people) {
  const auto status = room_status(v);
  to_room(v.a.public_id, nlohmann::json{{"type", "presence"},
                                        {"consultation", v.a.public_id},
                                        {"participants", Rooms::to_json(people)},
                                        {"status", status}}
                             .dump());
  d_.hub.broadcast(staff_room(v.a.practitioner_id), nlohmann::json{{"type", "waiting_room"},
                                                                   {"consultation", v.a.public_id},
                                                                   {"waiting", status == "waiting"}}
                                                        .dump());
}

Task<void> Service::admit_guest(realtime::Connection& c, const store::View& v,
                                const Participant& guest) {
  const auto now = d_.clock.unix_seconds();
  auto done = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    storage::Params params{now, guest.guest};
    auto r = co_await tx.query(
        "UPDATE consultation_invitations SET admitted_at = $1"
        " WHERE id = $2 AND admitted_at IS NULL AND revoked_at IS NULL",
        std::move(params));
    if (!r) co_return std::move(r).error();
    if (r->affected == 0) co_return ok();  // admitted before (a reconnect): nothing new
    audit::Entry entry;
    entry.actor_account_id = c.principal().account_id;
    entry.actor_role = "practitioner";
    entry.profile_id = v.a.profile_id;
    entry.action = "consultation.guest.admitted";
    entry.object = v.a.public_id;
    entry.detail = "guest " + std::to_string(guest.guest) + " (" + guest.kind + ")";
    co_return co_await d_.audit.append(tx, entry);
  });
  if (!done) {
    refuse(c, "unavailable");
    co_return;
  }
  const auto room = room_of(v.a.public_id);
  for (auto connection : rooms_.admit_guest(room, guest.guest)) d_.hub.join(room, connection);
  d_.hub.broadcast(room, nlohmann::json{{"type", "admitted"},
                                        {"consultation", v.a.public_id},
                                        {"participant", guest.id()},
                                        {"role", "guest"}}
                             .dump());
  announce(v, rooms_.in(room));
}

void Service::register_room() {
  auto& hub = d_.hub;
  // The practitioner's dashboard: waiting-room changes of every consultation of the agenda.
  hub.on("watch_waiting_room",
         [this](realtime::Connection& c, const nlohmann::json&) -> Task<void> {
           const auto& who = c.principal();
           auto owner = co_await practitioners::store::agenda_owner(d_.db, who);
           if (!owner) {
             refuse(c, "forbidden");
             co_return;
           }
           d_.hub.join(staff_room(*owner), c.id());
           c.send(nlohmann::json{{"type", "watching"}}.dump());
         });

  hub.on(
      "join",
      [this](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
        const auto id = consultation_field(m);
        if (!id) {
          refuse(c, "invalid");
          co_return;
        }
        auto a = co_await access(c.principal(), *id);
        if (!a) {
          refuse(c, a.error().code == ErrorCode::unavailable ? "unavailable" : "not_found");
          co_return;
        }
        const auto& v = a->v;
        const auto now = d_.clock.unix_seconds();
        if ((a->role == "patient" || a->role == "guest") &&
            (v.a.status != "confirmed" || now < v.a.start_at - d_.options.room_opens.count())) {
          refuse(c, "not_open");
          co_return;
        }
        // An assistant runs the agenda and the waiting room, but sees no clinical content
        // (SEC3): the room's chat, files and call are for those who take part in the care.
        if (a->role == "assistant") {
          refuse(c, "forbidden");
          co_return;
        }
        Participant p;
        p.connection = c.id();
        p.account = c.principal().account_id;
        p.role = a->role;
        p.practitioner = v.a.practitioner_id;
        p.admitted = a->role != "patient";  // staff; the room decides for the patient
        if (a->guest) {
          // Admission is the guest's, kept in its invitation: a reconnect stays admitted.
          p.account = 0;
          p.guest = a->guest->id;
          p.name = a->guest->name;
          p.kind = a->guest->kind;
          p.admitted = a->admitted;
        } else if (a->role == "patient") {
          p.name = v.profile_first_name + " " + v.profile_last_name;
        } else if (a->role == "practitioner") {
          p.name = practitioner_name(v);
        } else {
          p.name = c.locale() == Locale::en ? "Medical assistant" : "Assistant(e) médical(e)";
        }
        // The chat history is health data: reading it is audited, like any access. A guest reads
        // it only once admitted (it joins again then).
        const bool reads_chat = p.guest == 0 || p.admitted;
        storage::Params params{v.a.id, static_cast<std::int64_t>(reads_chat ? kChatHistory : 0)};
        auto rows = co_await d_.db.query(
            "SELECT id, sender_account_id, sender_role, sender_name, body, created_at,"
            " sender_guest_id FROM consultation_messages WHERE appointment_id = $1 ORDER BY id"
            " LIMIT $2",
            std::move(params));
        nlohmann::json chat = nlohmann::json::array();
        if (rows) {
          for (std::size_t i = 0; i < rows->size(); ++i) {
            const auto r = rows->row(i);
            auto text = d_.keys.open(r.bytes(4), chat_context(v.a.id));
            if (!text) continue;
            chat.push_back({{"type", "chat"},
                            {"consultation", v.a.public_id},
                            {"id", r.integer(0)},
                            {"role", r.text(2)},
                            {"name", r.text(3)},
                            {"mine", p.guest != 0 ? r.opt_integer(6) == p.guest
                                                  : r.opt_integer(1) == p.account},
                            {"text", *text},
                            {"at", r.integer(5)}});
          }
        }
        if (!chat.empty()) {
          audit::Entry entry;
          if (p.guest == 0) entry.actor_account_id = p.account;
          entry.actor_role = p.role;
          entry.profile_id = v.a.profile_id;
          entry.action = "consultation.chat.read";
          entry.object = v.a.public_id;
          if (p.guest != 0) entry.detail = "guest " + std::to_string(p.guest);
          auto audited =
              co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
                co_return co_await d_.audit.append(tx, entry);
              });
          if (!audited) {
            refuse(c, "unavailable");
            co_return;
          }
        }
        // The files shared so far (records.cpp), so that a reconnected browser lists them
        // again; guests are not sent files (nor may they fetch them).
        nlohmann::json files = nlohmann::json::array();
        if (p.guest == 0) {
          auto shared = co_await joined_files(v, p.account, p.role);
          if (!shared) {
            refuse(c, "unavailable");
            co_return;
          }
          files = std::move(*shared);
        }
        const auto room = room_of(v.a.public_id);
        const auto joined = rooms_.join(room, p);
        if (joined.full) {
          refuse(c, "room_full");
          co_return;
        }
        // A reconnect: the person's earlier socket is out of the room, and told so.
        for (auto old : joined.replaced) {
          d_.hub.leave(room, old);
          d_.hub.send_to(
              old, nlohmann::json{{"type", "replaced"}, {"consultation", v.a.public_id}}.dump());
        }
        // A waiting guest stays out of the hub room: only presence reaches it (to_room).
        const bool in_call = p.guest == 0 || p.admitted;
        if (in_call) d_.hub.join(room, c.id());
        const auto me = std::find_if(joined.people.begin(), joined.people.end(),
                                     [&](const Participant& x) { return x.connection == c.id(); });
        c.send(nlohmann::json{{"type", "joined"},
                              {"consultation", v.a.public_id},
                              {"you", p.id()},
                              {"role", p.role},
                              {"admitted", me != joined.people.end() && me->admitted},
                              {"status", room_status(v)},
                              {"participants", Rooms::to_json(joined.people)},
                              {"chat", std::move(chat)},
                              {"files", std::move(files)}}
                   .dump());
        announce(v, joined.people);
      },
      realtime::Guests::allowed);

  hub.on(
      "leave",
      [this](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
        const auto id = consultation_field(m);
        if (!id) {
          refuse(c, "invalid");
          co_return;
        }
        auto [people, was_in] = rooms_.leave(room_of(*id), c.id());
        if (!was_in) co_return;
        d_.hub.leave(room_of(*id), c.id());
        auto v = co_await store::find(d_.db, *id);
        if (v && *v) announce(**v, people);
      },
      realtime::Guests::allowed);

  hub.on("admit", [this](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
    const auto s = sender(rooms_, c, m);
    if (!s) co_return;
    const auto* id = &s->consultation;
    if (s->me.role != "practitioner") {
      refuse(c, "forbidden");
      co_return;
    }
    auto v = co_await store::find(d_.db, *id);
    if (!v || !*v) {
      refuse(c, "not_found");
      co_return;
    }
    if (m.contains("participant")) {
      if (!m["participant"].is_string()) {
        refuse(c, "invalid");
        co_return;
      }
      const auto target = m["participant"].get<std::string>();
      std::optional<Participant> who;
      for (const auto& p : rooms_.in(room_of(*id))) {
        if (p.id() == target) who = p;
      }
      if (!who) {
        refuse(c, "not_found");
        co_return;
      }
      if (who->guest != 0) {
        co_await admit_guest(c, **v, *who);
        co_return;
      }
      if (who->role != "patient") {
        refuse(c, "invalid");
        co_return;
      }
    }
    rooms_.admit(room_of(*id));
    // The consultation began: it will not become a no-show (BKG6).
    if (auto r = co_await started((*v)->a.id); !r)
      log::warn("could not record the start", {{"consultation", *id}});
    d_.hub.broadcast(room_of(*id),
                     nlohmann::json{{"type", "admitted"}, {"consultation", *id}}.dump());
    announce(**v, rooms_.in(room_of(*id)));
  });

  hub.on(
      "signal",
      [this](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
        if (!m.contains("to") || !m["to"].is_string() || !m.contains("data") ||
            !m["data"].is_object()) {
          refuse(c, "invalid");
          co_return;
        }
        const auto s = sender(rooms_, c, m);
        if (!s) co_return;
        const auto* id = &s->consultation;
        const auto* me = &s->me;
        auto data = m["data"].dump();
        if (data.size() > kMaxSignal) {
          refuse(c, "invalid");
          co_return;
        }
        // A guest takes part only once the practitioner admitted it: until then it sends and
        // receives no signaling.
        if (me->guest != 0 && !me->admitted) {
          refuse(c, "not_admitted");
          co_return;
        }
        const auto to = m["to"].get<std::string>();
        for (const auto& p : rooms_.in(room_of(*id))) {
          if (p.id() != to || p.connection == c.id()) continue;
          if (p.guest != 0 && !p.admitted) {
            refuse(c, "not_admitted");
            co_return;
          }
          // Relayed as is; the SDP and candidates are never logged.
          d_.hub.send_to(p.connection, nlohmann::json{{"type", "signal"},
                                                      {"consultation", *id},
                                                      {"from", me->id()},
                                                      {"data", m["data"]}}
                                           .dump());
          co_return;
        }
        refuse(c, "not_found");
      },
      realtime::Guests::allowed);

  hub.on(
      "chat",
      [this](realtime::Connection& c, const nlohmann::json& m) -> Task<void> {
        const auto text = m.contains("text") && m["text"].is_string() ? m["text"].get<std::string>()
                                                                      : std::string();
        if (text.empty() || text.size() > kMaxChat * 4 || !is_valid_utf8(text) ||
            utf8_length(text) > kMaxChat) {
          refuse(c, "invalid");
          co_return;
        }
        const auto s = sender(rooms_, c, m);
        if (!s) co_return;
        const auto* id = &s->consultation;
        const auto* me = &s->me;
        if (me->guest != 0 && !me->admitted) {
          refuse(c, "not_admitted");
          co_return;
        }
        auto v = co_await store::find(d_.db, *id);
        if (!v || !*v) {
          refuse(c, "not_found");
          co_return;
        }
        const auto now = d_.clock.unix_seconds();
        auto sealed = d_.keys.seal(text, chat_context((*v)->a.id));
        // Sent by an account or by a guest: exactly one of the two columns is set.
        const auto account = me->guest == 0 ? std::optional(me->account) : std::nullopt;
        const auto guest = me->guest != 0 ? std::optional(me->guest) : std::nullopt;
        storage::Params params{(*v)->a.id,
                               storage::optional(account),
                               me->role,
                               me->name,
                               storage::blob(std::move(sealed)),
                               now,
                               storage::optional(guest)};
        // Writing health data is audited too (SEC2), in the same transaction: no message
        // without its trace.
        std::int64_t message_id = 0;
        audit::Entry entry;
        if (me->guest == 0) entry.actor_account_id = me->account;
        entry.actor_role = me->role;
        entry.profile_id = (*v)->a.profile_id;
        entry.action = "consultation.chat.write";
        entry.object = *id;
        if (me->guest != 0) entry.detail = "guest " + std::to_string(me->guest);
        auto written = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
          auto row = co_await tx.query(
              "INSERT INTO consultation_messages (appointment_id, sender_account_id, sender_role,"
              " sender_name, body, created_at, sender_guest_id)"
              " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
              std::move(params));
          if (!row) co_return std::move(row).error();
          if (row->empty()) co_return Error(ErrorCode::internal, "chat insert returned no id");
          message_id = row->row(0).integer(0);
          co_return co_await d_.audit.append(tx, entry);
        });
        if (!written) {
          refuse(c, "unavailable");
          co_return;
        }
        for (const auto& p : rooms_.in(room_of(*id))) {
          if (p.guest != 0 && !p.admitted) continue;  // a waiting guest reads nothing of the room
          d_.hub.send_to(p.connection, nlohmann::json{{"type", "chat"},
                                                      {"consultation", *id},
                                                      {"id", message_id},
                                                      {"from", me->id()},
                                                      {"role", me->role},
                                                      {"name", me->name},
                                                      {"mine", p.person() == me->person()},
                                                      {"text", text},
                                                      {"at", now}}
                                           .dump());
        }
      },
      realtime::Guests::allowed);

  // A closed socket leaves its rooms; the others see it go.
  hub.on_detach([this](std::uint64_t connection) {
    for (const auto& [room, who] : rooms_.leave_all(connection)) {
      const auto people = rooms_.in(room);
      const auto id = room.substr(std::string("consultation:").size());
      to_room(id, nlohmann::json{{"type", "presence"},
                                 {"consultation", id},
                                 {"participants", Rooms::to_json(people)}}
                      .dump());
      if (who.role == "patient" && !has_patient(people)) {
        d_.hub.broadcast(
            staff_room(who.practitioner),
            nlohmann::json{{"type", "waiting_room"}, {"consultation", id}, {"waiting", false}}
                .dump());
      }
    }
  });
}

}  // namespace cabinet::booking
