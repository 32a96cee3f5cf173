// Writing (docs/messaging.md): a new conversation with its first message, a message, a message
// carrying a file through the upload gate, and reading that file back. Every message is sealed,
// audited in the transaction that stores it, and announced to the other side: by email (that a
// message arrived, never what it says) and over the WebSocket.
#include <algorithm>

#include "accounts/store.hpp"
#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "crypto/keyring.hpp"
#include "http/input.hpp"
#include "messaging/rules.hpp"
#include "messaging/sealing.hpp"
#include "messaging/service.hpp"
#include "notify/outbox.hpp"
#include "realtime/hub.hpp"

namespace cabinet::messaging {
namespace {

constexpr std::size_t kMaxTextBytes = 64 * 1024;  // before trimming; the limit is in characters

std::string room_of(std::int64_t account) { return "messages:" + std::to_string(account); }

}  // namespace

Task<Result<void>> Service::may_send(const Principal& who, const Access& a) {
  if (a.c.status != "open") co_return Error(ErrorCode::conversation_closed);
  if (a.role == "patient") {
    auto s = co_await store::settings(d_.db, a.c.practitioner_id);
    if (!s) co_return std::move(s).error();
    if (!s->enabled) co_return Error(ErrorCode::messaging_closed);
  }
  const auto current = options();
  const auto& limit =
      a.role == "patient" ? current->messages_per_patient : current->messages_per_practitioner;
  co_return co_await d_.limits.hit(limit, who.account_public_id);
}

Task<Result<nlohmann::json>> Service::open(const Principal& who, const nlohmann::json& body,
                                           const std::string& ip) {
  const http::Input in(body);
  auto practitioner = in.text("practitioner_id", 64);
  if (!practitioner) co_return std::move(practitioner).error();
  auto profile = in.text("profile_id", 64);
  if (!profile) co_return std::move(profile).error();
  auto reason = in.text("reason", 32);
  if (!reason) co_return std::move(reason).error();
  if (!known_reason(*reason))
    co_return http::invalid_field(
        "reason", "Motif inconnu (renewal, result, treatment, administrative ou other).",
        "Unknown reason (renewal, result, treatment, administrative or other).");
  auto raw = in.text("message", kMaxTextBytes);
  if (!raw) co_return std::move(raw).error();
  auto text = checked_text("message", *raw);
  if (!text) co_return std::move(text).error();

  auto profiles = co_await accounts::store::profiles_of(d_.db, who.account_id);
  if (!profiles) co_return std::move(profiles).error();
  const auto p = std::find_if(profiles->begin(), profiles->end(),
                              [&](const auto& x) { return x.public_id == *profile; });
  if (p == profiles->end()) co_return Error(ErrorCode::not_found);
  auto consulted = co_await store::consulted(d_.db, who.account_id);
  if (!consulted) co_return std::move(consulted).error();
  const auto doc = std::find_if(consulted->begin(), consulted->end(),
                                [&](const auto& x) { return x.public_id == *practitioner; });
  if (doc == consulted->end()) {
    auto known = co_await store::practitioner_account(d_.db, *practitioner);
    if (!known) co_return std::move(known).error();
    if (!*known) co_return Error(ErrorCode::not_found);
    co_return Error(ErrorCode::no_prior_consultation);
  }
  if (!doc->open) co_return Error(ErrorCode::messaging_closed);
  if (auto r = co_await d_.limits.hit(options()->conversations_per_patient, who.account_public_id);
      !r)
    co_return std::move(r).error();
  if (auto r = co_await d_.limits.hit(options()->messages_per_patient, who.account_public_id); !r)
    co_return std::move(r).error();

  store::NewConversation fresh;
  fresh.public_id = "c_" + random_base32(d_.random, 12);
  fresh.patient_account_id = who.account_id;
  fresh.profile_id = p->id;
  fresh.practitioner_id = doc->account_id;
  fresh.reason = *reason;
  fresh.now = d_.clock.unix_seconds();
  Access a;
  a.role = "patient";
  a.c.public_id = fresh.public_id;
  a.c.patient_account_id = who.account_id;
  a.c.practitioner_id = doc->account_id;
  a.c.profile_id = p->id;
  Outgoing first{std::move(*text), std::nullopt};
  auto message = co_await deliver(who, a, std::move(first), ip, &fresh);
  if (!message) co_return std::move(message).error();
  auto c = co_await store::conversation(d_.db, fresh.public_id, "patient");
  if (!c) co_return std::move(c).error();
  if (!*c) co_return Error(ErrorCode::internal, "a new conversation is not found");
  auto out = conversation_json(**c, true);
  out["messages"] = nlohmann::json::array({std::move(*message)});
  co_return out;
}

Task<Result<nlohmann::json>> Service::send(const Principal& who, const std::string& id,
                                           const nlohmann::json& body, const std::string& ip) {
  const http::Input in(body);
  auto raw = in.text("message", kMaxTextBytes);
  if (!raw) co_return std::move(raw).error();
  auto text = checked_text("message", *raw);
  if (!text) co_return std::move(text).error();
  auto a = co_await participant(who, id);
  if (!a) co_return std::move(a).error();
  if (auto r = co_await may_send(who, *a); !r) co_return std::move(r).error();
  Outgoing out{std::move(*text), std::nullopt};
  co_return co_await deliver(who, *a, std::move(out), ip, nullptr);
}

Task<Result<nlohmann::json>> Service::attach(const Principal& who, const std::string& id,
                                             const std::string& name, std::string bytes,
                                             const std::string& raw_text, const std::string& ip) {
  auto text = checked_text("message", raw_text, true);
  if (!text) co_return std::move(text).error();
  auto a = co_await participant(who, id);
  if (!a) co_return std::move(a).error();
  if (auto r = co_await may_send(who, *a); !r) co_return std::move(r).error();
  // The same gate as the patient's own files: type by content, images re-encoded, PDFs checked.
  auto checked = co_await d_.blocking.call(
      [&] { return uploads::check(std::move(bytes), options()->files, "file"); });
  if (!checked) co_return std::move(checked).error();
  Outgoing out{std::move(*text), File{name, std::move(checked->mime), std::move(checked->bytes)}};
  co_return co_await deliver(who, *a, std::move(out), ip, nullptr);
}

Task<Result<File>> Service::file(const Principal& who, const std::string& id,
                                 const std::string& file, const std::string& ip) {
  auto a = co_await participant(who, id);
  if (!a) co_return std::move(a).error();
  if (file.size() > 64) co_return Error(ErrorCode::not_found);
  auto row = co_await store::attachment(d_.db, a->c.id, file);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::not_found);
  const auto& f = **row;
  auto name = d_.keys.open(f.sealed_name, attachment_context(a->c.public_id, f.public_id, "name"));
  auto bytes = d_.keys.open(f.sealed_body, attachment_context(a->c.public_id, f.public_id, "body"));
  if (!name || !bytes) co_return Error(ErrorCode::internal, "an attachment does not open");
  audit::Entry e{who.account_id, a->role, a->c.profile_id, "messaging.attachment.read",
                 a->c.public_id, ip,      f.public_id};
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  co_return File{std::move(*name), f.mime, std::move(*bytes)};
}

Task<Result<nlohmann::json>> Service::deliver(const Principal& who, const Access& a, Outgoing out,
                                              const std::string& ip,
                                              const store::NewConversation* create) {
  const auto& conv = a.c.public_id;
  store::Message m;
  m.public_id = "m_" + random_base32(d_.random, 12);
  m.sender_account_id = who.account_id;
  m.sender_role = a.role;
  m.sealed_text = d_.keys.seal(out.text, text_context(conv, m.public_id));
  m.created_at = d_.clock.unix_seconds();
  std::vector<store::Attachment> files;
  if (out.file) {
    store::Attachment f;
    f.public_id = "f_" + random_base32(d_.random, 12);
    f.sealed_name = d_.keys.seal(out.file->name, attachment_context(conv, f.public_id, "name"));
    f.mime = out.file->mime;
    f.size = static_cast<std::int64_t>(out.file->bytes.size());
    f.sealed_body = d_.keys.seal(out.file->bytes, attachment_context(conv, f.public_id, "body"));
    files.push_back(std::move(f));
  }
  const bool to_patient = a.role == "practitioner";
  const auto recipient = to_patient ? a.c.patient_account_id : a.c.practitioner_id;
  auto account = co_await accounts::store::account_by_id(d_.db, recipient);
  if (!account) co_return std::move(account).error();
  std::int64_t conversation = a.c.id;

  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
    if (create) {
      auto inserted = co_await store::insert_conversation(tx, *create);
      if (!inserted) co_return std::move(inserted).error();
      conversation = *inserted;
      audit::Entry opened{who.account_id, a.role, a.c.profile_id, "messaging.conversation.open",
                          conv,           ip,     create->reason};
      if (auto r = co_await d_.audit.append(tx, opened); !r) co_return r;
    }
    auto id = co_await store::insert_message(tx, conversation, m);
    if (!id) co_return std::move(id).error();
    m.id = *id;
    for (auto& f : files) {
      f.message_id = m.id;
      if (auto r = co_await store::insert_attachment(tx, m.id, f); !r) co_return r;
    }
    audit::Entry sent{who.account_id,
                      a.role,
                      a.c.profile_id,
                      "messaging.message.send",
                      conv,
                      ip,
                      files.empty() ? m.public_id : m.public_id + " with a file"};
    if (auto r = co_await d_.audit.append(tx, sent); !r) co_return r;
    // One email per batch: none while an earlier message of this side is still unread there.
    auto earlier = co_await store::unread_before(tx, conversation, a.role, m.id);
    if (!earlier) co_return std::move(earlier).error();
    if (*earlier > 0 || !*account || (*account)->email.empty()) co_return ok();
    const auto& to = **account;
    const auto locale = to.locale == "en" ? Locale::en : Locale::fr;
    const auto link =
        options()->public_url + (to_patient ? "/messages/" : "/praticien/messages/") + conv;
    notify::Variables vars{{"link", link}};
    if (to_patient) vars["practitioner"] = a.c.practitioner_name;
    const auto mail =
        notify::render(to_patient ? "message_to_patient" : "message_to_practitioner", locale, vars);
    co_return co_await d_.outbox.email(tx, to.email, mail);
  };
  auto stored = co_await d_.db.transact(body);
  if (!stored) co_return std::move(stored).error();
  d_.outbox.wake();

  for (auto& f : files) f.sealed_body.clear();
  store::Conversation c = a.c;
  c.id = conversation;
  if (create) {
    // The names the JSON shows come from the stored row.
    auto row = co_await store::conversation(d_.db, conv, a.role);
    if (row && *row) c = std::move(**row);
  }
  auto theirs = co_await message_json(c, m, files, recipient);
  if (theirs) {
    d_.hub.broadcast(
        room_of(recipient),
        nlohmann::json{{"type", "message"}, {"conversation", conv}, {"message", std::move(*theirs)}}
            .dump());
  }
  const std::string recipient_role = to_patient ? "patient" : "practitioner";
  co_await push_unread(recipient, recipient_role);
  co_return co_await message_json(c, m, files, who.account_id);
}

}  // namespace cabinet::messaging
