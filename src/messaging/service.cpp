// Reading the messaging (docs/messaging.md): the practitioners a patient may write to, the
// practitioner's choice, the lists, one conversation (audited, marking what the reader received
// as read), closing, the WebSocket's unread count, and account deletion.
#include "messaging/service.hpp"

#include "audit/log.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "messaging/sealing.hpp"
#include "practitioners/specialties.hpp"
#include "practitioners/store.hpp"
#include "realtime/hub.hpp"

namespace cabinet::messaging {
namespace {

std::string room_of(std::int64_t account) { return "messages:" + std::to_string(account); }

}  // namespace

Task<Result<void>> Service::audited(const audit::Entry& entry) {
  co_return co_await d_.db.transact([this, &entry](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  });
}

Task<Result<nlohmann::json>> Service::practitioners(const Principal& who, Locale locale) {
  auto rows = co_await store::consulted(d_.db, who.account_id);
  if (!rows) co_return std::move(rows).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& p : *rows) {
    const auto* s = practitioners::find_specialty(p.specialty);
    items.push_back(
        {{"id", p.public_id},
         {"name", p.name},
         {"specialty", {{"id", p.specialty}, {"label", s ? s->name(locale) : p.specialty}}},
         {"open", p.open},
         {"last_consultation_at", p.last_consultation_at}});
  }
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<nlohmann::json>> Service::settings(const Principal& who) {
  auto s = co_await store::settings(d_.db, who.account_id);
  if (!s) co_return std::move(s).error();
  co_return nlohmann::json{{"enabled", s->enabled},
                           {"assistants_see_conversations", s->assistants_see_conversations}};
}

Task<Result<nlohmann::json>> Service::put_settings(const Principal& who,
                                                   const nlohmann::json& body) {
  const http::Input in(body);
  auto current = co_await store::settings(d_.db, who.account_id);
  if (!current) co_return std::move(current).error();
  auto enabled = in.optional_bool("enabled");
  if (!enabled) co_return std::move(enabled).error();
  auto assistants = in.optional_bool("assistants_see_conversations");
  if (!assistants) co_return std::move(assistants).error();
  store::Settings next = *current;
  if (*enabled) next.enabled = **enabled;
  if (*assistants) next.assistants_see_conversations = **assistants;
  if (auto r = co_await store::put_settings(d_.db, who.account_id, next, d_.clock.unix_seconds());
      !r)
    co_return std::move(r).error();
  co_return co_await settings(who);
}

nlohmann::json Service::conversation_json(const store::Conversation& c, bool with_last) const {
  nlohmann::json out{
      {"id", c.public_id},
      {"reason", c.reason},
      {"status", c.status},
      {"practitioner", {{"id", c.practitioner_public_id}, {"name", c.practitioner_name}}},
      {"profile", {{"id", c.profile_public_id}, {"name", c.profile_name}}},
      {"created_at", c.created_at},
      {"last_message_at", c.last_message_at},
      {"unread", c.unread}};
  // When and from whom, never what: the list shows no text to anyone.
  if (with_last) out["last_message"] = {{"from", c.last_message_role}, {"at", c.last_message_at}};
  return out;
}

Task<Result<nlohmann::json>> Service::list(const Principal& who) {
  Result<std::vector<store::Conversation>> rows = std::vector<store::Conversation>{};
  bool with_last = true;
  if (who.role == Role::patient) {
    rows = co_await store::of_patient(d_.db, who.account_id);
  } else if (who.role == Role::practitioner) {
    rows = co_await store::of_practitioner(d_.db, who.account_id);
  } else if (who.role == Role::assistant) {
    // An assistant sees that conversations exist, only when their practitioner allowed it, and
    // nothing of the messages (not even who wrote last).
    auto link = co_await practitioners::store::assistant_link(d_.db, who.account_id);
    if (!link) co_return std::move(link).error();
    if (!*link) co_return nlohmann::json{{"items", nlohmann::json::array()}};
    auto s = co_await store::settings(d_.db, (*link)->practitioner_id);
    if (!s) co_return std::move(s).error();
    if (!s->assistants_see_conversations)
      co_return nlohmann::json{{"items", nlohmann::json::array()}};
    rows = co_await store::of_practitioner(d_.db, (*link)->practitioner_id);
    with_last = false;
  } else {
    co_return Error(ErrorCode::not_found);
  }
  if (!rows) co_return std::move(rows).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : *rows) items.push_back(conversation_json(c, with_last));
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<Service::Access>> Service::participant(const Principal& who, const std::string& id) {
  if (id.size() > 64) co_return Error(ErrorCode::not_found);
  std::string role;
  if (who.role == Role::patient) role = "patient";
  if (who.role == Role::practitioner) role = "practitioner";
  if (role.empty()) co_return Error(ErrorCode::not_found);
  auto c = co_await store::conversation(d_.db, id, role);
  if (!c) co_return std::move(c).error();
  if (!*c) co_return Error(ErrorCode::not_found);
  const bool mine = role == "patient" ? (*c)->patient_account_id == who.account_id
                                      : (*c)->practitioner_id == who.account_id;
  if (!mine) co_return Error(ErrorCode::not_found);
  co_return Access{std::move(**c), role};
}

Task<Result<nlohmann::json>> Service::message_json(const store::Conversation& c,
                                                   const store::Message& m,
                                                   const std::vector<store::Attachment>& files,
                                                   std::int64_t reader) {
  auto text = d_.keys.open(m.sealed_text, text_context(c.public_id, m.public_id));
  if (!text) co_return Error(ErrorCode::internal, "a message does not open");
  nlohmann::json attachments = nlohmann::json::array();
  for (const auto& f : files) {
    if (f.message_id != m.id) continue;
    auto name = d_.keys.open(f.sealed_name, attachment_context(c.public_id, f.public_id, "name"));
    if (!name) co_return Error(ErrorCode::internal, "an attachment's name does not open");
    attachments.push_back(
        {{"id", f.public_id},
         {"name", *name},
         {"mime", f.mime},
         {"size", f.size},
         {"url", "/api/v1/conversations/" + c.public_id + "/files/" + f.public_id}});
  }
  const bool patient = m.sender_role == "patient";
  nlohmann::json read_at = nullptr;
  if (m.read_at) read_at = *m.read_at;
  co_return nlohmann::json{
      {"id", m.public_id},
      {"from", {{"role", m.sender_role}, {"name", patient ? c.patient_name : c.practitioner_name}}},
      {"mine", m.sender_account_id == reader},
      {"text", std::move(*text)},
      {"attachments", std::move(attachments)},
      {"created_at", m.created_at},
      {"read_at", read_at}};
}

Task<Result<nlohmann::json>> Service::read(const Principal& who, const std::string& id,
                                           const std::string& ip) {
  auto a = co_await participant(who, id);
  if (!a) co_return std::move(a).error();
  audit::Entry e{who.account_id, a->role, a->c.profile_id, "messaging.conversation.read",
                 a->c.public_id, ip,      a->c.reason};
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  const auto opened_unread = a->c.unread;
  if (opened_unread > 0) {
    auto marked = co_await store::mark_read(d_.db, a->c.id, a->role, d_.clock.unix_seconds());
    if (!marked) co_return std::move(marked).error();
    a->c.unread = 0;
  }
  auto messages = co_await store::messages(d_.db, a->c.id);
  if (!messages) co_return std::move(messages).error();
  auto files = co_await store::attachments(d_.db, a->c.id);
  if (!files) co_return std::move(files).error();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& m : *messages) {
    auto json = co_await message_json(a->c, m, *files, who.account_id);
    if (!json) co_return std::move(json).error();
    list.push_back(std::move(*json));
  }
  auto out = conversation_json(a->c, true);
  out["messages"] = std::move(list);
  if (opened_unread > 0) co_await push_unread(who.account_id, a->role);
  co_return out;
}

Task<Result<nlohmann::json>> Service::close(const Principal& who, const std::string& id) {
  auto a = co_await participant(who, id);
  if (!a) co_return std::move(a).error();
  // The practitioner closes; the patient simply stops writing.
  if (a->role != "practitioner") co_return Error(ErrorCode::forbidden);
  const auto now = d_.clock.unix_seconds();
  auto closed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    auto changed = co_await store::close(tx, a->c.id, who.account_id, now);
    if (!changed) co_return std::move(changed).error();
    if (!*changed) co_return ok();  // already closed: the same answer
    audit::Entry e{who.account_id,
                   "practitioner",
                   a->c.profile_id,
                   "messaging.conversation.close",
                   a->c.public_id,
                   "",
                   ""};
    co_return co_await d_.audit.append(tx, e);
  });
  if (!closed) co_return std::move(closed).error();
  a->c.status = "closed";
  a->c.closed_at = now;
  co_return conversation_json(a->c, true);
}

Task<void> Service::push_unread(std::int64_t account, const std::string& role) {
  auto n = co_await store::unread_total(d_.db, account, role);
  if (!n) co_return;  // the next change sends it again
  d_.hub.broadcast(room_of(account), nlohmann::json{{"type", "unread"}, {"count", *n}}.dump());
}

Task<Result<void>> Service::watch(realtime::Connection& c) {
  const auto& who = c.principal();
  if (who.account_id == 0 || (who.role != Role::patient && who.role != Role::practitioner))
    co_return Error(ErrorCode::forbidden);
  const std::string role = who.role == Role::patient ? "patient" : "practitioner";
  auto n = co_await store::unread_total(d_.db, who.account_id, role);
  if (!n) co_return std::move(n).error();
  d_.hub.join(room_of(who.account_id), c.id());
  c.send(nlohmann::json{{"type", "unread"}, {"count", *n}}.dump());
  co_return ok();
}

Task<Result<void>> Service::erase_account(storage::Transaction& tx, std::int64_t account) {
  co_return co_await store::close_all_of(tx, account, d_.clock.unix_seconds());
}

}  // namespace cabinet::messaging
