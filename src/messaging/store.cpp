#include "messaging/store.hpp"

#include "storage/query.hpp"

namespace cabinet::messaging::store {
namespace {

constexpr std::string_view kSettings =
    "SELECT enabled, assistants_see_conversations FROM messaging_settings"
    " WHERE practitioner_id = $1";
constexpr std::string_view kPutSettings =
    "INSERT INTO messaging_settings (practitioner_id, enabled, assistants_see_conversations,"
    " updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (practitioner_id) DO UPDATE SET"
    " enabled = excluded.enabled,"
    " assistants_see_conversations = excluded.assistants_see_conversations,"
    " updated_at = excluded.updated_at";

// A consultation that took place is an appointment the practitioner closed (status done),
// whatever its mode, for any profile of the account.
constexpr std::string_view kConsulted =
    "SELECT x.practitioner_id, pp.public_id, ph.first_name, ph.last_name, pr.specialty,"
    " COALESCE(ms.enabled, 0), x.last_at"
    " FROM (SELECT practitioner_id, MAX(start_at) AS last_at FROM appointments"
    "       WHERE patient_account_id = $1 AND status = 'done' GROUP BY practitioner_id) x"
    " JOIN practitioner_profiles pp ON pp.account_id = x.practitioner_id"
    " JOIN practitioners pr ON pr.account_id = x.practitioner_id"
    " JOIN profiles ph ON ph.account_id = x.practitioner_id AND ph.is_holder = 1"
    " LEFT JOIN messaging_settings ms ON ms.practitioner_id = x.practitioner_id"
    " ORDER BY x.last_at DESC, x.practitioner_id";
constexpr std::string_view kPractitionerAccount =
    "SELECT account_id FROM practitioner_profiles WHERE public_id = $1";

// $1 selects the rows; the unread count is of what the side other than `$2` sent.
#define CONVERSATION_SELECT                                                                    \
  "SELECT c.id, c.public_id, c.patient_account_id, c.profile_id, c.practitioner_id, c.reason," \
  " c.status, c.created_at, c.last_message_at, c.last_message_role, c.closed_at,"              \
  " p.public_id, p.first_name, p.last_name, hp.first_name, hp.last_name, pp.public_id,"        \
  " ph.first_name, ph.last_name,"                                                              \
  " (SELECT COUNT(*) FROM conversation_messages m WHERE m.conversation_id = c.id"              \
  "  AND m.read_at IS NULL AND m.sender_role <> $2)"                                           \
  " FROM conversations c"                                                                      \
  " JOIN profiles p ON p.id = c.profile_id"                                                    \
  " LEFT JOIN profiles hp ON hp.account_id = c.patient_account_id AND hp.is_holder = 1"        \
  " JOIN practitioner_profiles pp ON pp.account_id = c.practitioner_id"                        \
  " JOIN profiles ph ON ph.account_id = c.practitioner_id AND ph.is_holder = 1 "

constexpr std::string_view kConversation = CONVERSATION_SELECT "WHERE c.public_id = $1";
constexpr std::string_view kOfPatient = CONVERSATION_SELECT
    "WHERE c.patient_account_id = $1 ORDER BY c.last_message_at DESC, c.id DESC";
constexpr std::string_view kOfPractitioner =
    CONVERSATION_SELECT "WHERE c.practitioner_id = $1 ORDER BY c.last_message_at DESC, c.id DESC";

constexpr std::string_view kInsertConversation =
    "INSERT INTO conversations (public_id, patient_account_id, profile_id, practitioner_id,"
    " reason, status, created_at, last_message_at, last_message_role)"
    " VALUES ($1, $2, $3, $4, $5, 'open', $6, $6, 'patient') RETURNING id";
constexpr std::string_view kClose =
    "UPDATE conversations SET status = 'closed', closed_by = $2, closed_at = $3"
    " WHERE id = $1 AND status = 'open'";
constexpr std::string_view kCloseAllOf =
    "UPDATE conversations SET status = 'closed', closed_by = $1, closed_at = $2"
    " WHERE (patient_account_id = $1 OR practitioner_id = $1) AND status = 'open'";
constexpr std::string_view kTurnOff =
    "UPDATE messaging_settings SET enabled = 0, assistants_see_conversations = 0,"
    " updated_at = $2 WHERE practitioner_id = $1";

constexpr std::string_view kInsertMessage =
    "INSERT INTO conversation_messages (public_id, conversation_id, sender_account_id,"
    " sender_role, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
constexpr std::string_view kTouch =
    "UPDATE conversations SET last_message_at = $2, last_message_role = $3 WHERE id = $1";
constexpr std::string_view kMessages =
    "SELECT id, public_id, sender_account_id, sender_role, body, created_at, read_at"
    " FROM conversation_messages WHERE conversation_id = $1 ORDER BY id";
constexpr std::string_view kMarkRead =
    "UPDATE conversation_messages SET read_at = $3"
    " WHERE conversation_id = $1 AND sender_role <> $2 AND read_at IS NULL";
constexpr std::string_view kUnreadBefore =
    "SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = $1 AND sender_role = $2"
    " AND read_at IS NULL AND id < $3";
constexpr std::string_view kUnreadOfPatient =
    "SELECT COUNT(*) FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id"
    " WHERE c.patient_account_id = $1 AND m.sender_role = 'practitioner' AND m.read_at IS NULL";
constexpr std::string_view kUnreadOfPractitioner =
    "SELECT COUNT(*) FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id"
    " WHERE c.practitioner_id = $1 AND m.sender_role = 'patient' AND m.read_at IS NULL";

constexpr std::string_view kInsertAttachment =
    "INSERT INTO conversation_attachments (public_id, message_id, name, mime, size, body)"
    " VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kAttachments =
    "SELECT a.id, a.public_id, a.message_id, a.name, a.mime, a.size FROM conversation_attachments a"
    " JOIN conversation_messages m ON m.id = a.message_id WHERE m.conversation_id = $1"
    " ORDER BY a.id";
constexpr std::string_view kAttachment =
    "SELECT a.id, a.public_id, a.message_id, a.name, a.mime, a.size, a.body"
    " FROM conversation_attachments a JOIN conversation_messages m ON m.id = a.message_id"
    " WHERE m.conversation_id = $1 AND a.public_id = $2";

std::string doctor(const std::string& first, const std::string& last) {
  return "Dr " + first + " " + last;
}

Conversation conversation_row(const storage::Row& r) {
  Conversation c;
  std::size_t i = 0;
  c.id = r.integer(i++);
  c.public_id = r.text(i++);
  c.patient_account_id = r.integer(i++);
  c.profile_id = r.integer(i++);
  c.practitioner_id = r.integer(i++);
  c.reason = r.text(i++);
  c.status = r.text(i++);
  c.created_at = r.integer(i++);
  c.last_message_at = r.integer(i++);
  c.last_message_role = r.text(i++);
  c.closed_at = r.opt_integer(i++);
  c.profile_public_id = r.text(i++);
  const auto first = r.text(i++);
  c.profile_name = first + " " + r.text(i++);
  const auto holder_first = r.opt_text(i++).value_or("");
  c.patient_name = holder_first + " " + r.opt_text(i++).value_or("");
  c.practitioner_public_id = r.text(i++);
  const auto pfirst = r.text(i++);
  c.practitioner_name = doctor(pfirst, r.text(i++));
  c.unread = r.integer(i++);
  return c;
}

Message message_row(const storage::Row& r) {
  return Message{r.integer(0), r.text(1),    r.integer(2),    r.text(3),
                 r.bytes(4),   r.integer(5), r.opt_integer(6)};
}

Attachment attachment_row(const storage::Row& r) {
  Attachment a{r.integer(0), r.text(1), r.integer(2), r.bytes(3), r.text(4), r.integer(5), {}};
  if (r.size() > 6) a.sealed_body = r.bytes(6);
  return a;
}

Task<Result<std::int64_t>> count(Executor& db, std::string_view sql, storage::Params params) {
  auto n = co_await storage::first(db, sql, std::move(params),
                                   [](const storage::Row& r) { return r.integer(0); });
  if (!n) co_return std::move(n).error();
  co_return n->value_or(0);
}

}  // namespace

Task<Result<Settings>> settings(Executor& db, std::int64_t practitioner) {
  auto row = co_await storage::first(db, kSettings, storage::bind(practitioner),
                                     [](const storage::Row& r) {
                                       return Settings{r.integer(0) != 0, r.integer(1) != 0};
                                     });
  if (!row) co_return std::move(row).error();
  co_return row->value_or(Settings{});
}

Task<Result<void>> put_settings(Executor& db, std::int64_t practitioner, const Settings& s,
                                std::int64_t now) {
  auto params = storage::bind(practitioner, std::int64_t{s.enabled ? 1 : 0},
                              std::int64_t{s.assistants_see_conversations ? 1 : 0}, now);
  co_return co_await storage::run(db, kPutSettings, std::move(params));
}

Task<Result<std::vector<Consulted>>> consulted(Executor& db, std::int64_t patient_account) {
  co_return co_await storage::all(
      db, kConsulted, storage::bind(patient_account), [](const storage::Row& r) {
        return Consulted{r.integer(0), r.text(1),         doctor(r.text(2), r.text(3)),
                         r.text(4),    r.integer(5) != 0, r.integer(6)};
      });
}

Task<Result<std::optional<std::int64_t>>> practitioner_account(Executor& db,
                                                               const std::string& public_id) {
  co_return co_await storage::first(db, kPractitionerAccount, storage::bind(public_id),
                                    [](const storage::Row& r) { return r.integer(0); });
}

Task<Result<std::optional<Conversation>>> conversation(Executor& db, const std::string& public_id,
                                                       const std::string& reader_role) {
  co_return co_await storage::first(db, kConversation, storage::bind(public_id, reader_role),
                                    conversation_row);
}

Task<Result<std::vector<Conversation>>> of_patient(Executor& db, std::int64_t account) {
  co_return co_await storage::all(db, kOfPatient, storage::bind(account, std::string("patient")),
                                  conversation_row);
}

Task<Result<std::vector<Conversation>>> of_practitioner(Executor& db, std::int64_t practitioner) {
  co_return co_await storage::all(db, kOfPractitioner,
                                  storage::bind(practitioner, std::string("practitioner")),
                                  conversation_row);
}

Task<Result<std::int64_t>> insert_conversation(Transaction& tx, const NewConversation& c) {
  auto params = storage::bind(c.public_id, c.patient_account_id, c.profile_id, c.practitioner_id,
                              c.reason, c.now);
  co_return co_await storage::insert_returning_id(tx, kInsertConversation, std::move(params));
}

Task<Result<bool>> close(Executor& db, std::int64_t conversation, std::int64_t by,
                         std::int64_t now) {
  co_return co_await storage::changed_one(db, kClose, storage::bind(conversation, by, now));
}

Task<Result<std::int64_t>> insert_message(Transaction& tx, std::int64_t conversation,
                                          const Message& m) {
  auto params = storage::bind(m.public_id, conversation, m.sender_account_id, m.sender_role,
                              storage::blob(m.sealed_text), m.created_at);
  auto id = co_await storage::insert_returning_id(tx, kInsertMessage, std::move(params));
  if (!id) co_return id;
  auto touch = storage::bind(conversation, m.created_at, m.sender_role);
  if (auto r = co_await storage::run(tx, kTouch, std::move(touch)); !r)
    co_return std::move(r).error();
  co_return id;
}

Task<Result<std::vector<Message>>> messages(Executor& db, std::int64_t conversation) {
  co_return co_await storage::all(db, kMessages, storage::bind(conversation), message_row);
}

Task<Result<std::int64_t>> mark_read(Executor& db, std::int64_t conversation,
                                     const std::string& reader_role, std::int64_t now) {
  co_return co_await storage::execute(db, kMarkRead, storage::bind(conversation, reader_role, now));
}

Task<Result<std::int64_t>> unread_before(Transaction& tx, std::int64_t conversation,
                                         const std::string& sender_role, std::int64_t before) {
  co_return co_await count(tx, kUnreadBefore, storage::bind(conversation, sender_role, before));
}

Task<Result<std::int64_t>> unread_total(Executor& db, std::int64_t account,
                                        const std::string& reader_role) {
  const auto sql = reader_role == "patient" ? kUnreadOfPatient : kUnreadOfPractitioner;
  co_return co_await count(db, sql, storage::bind(account));
}

Task<Result<void>> insert_attachment(Transaction& tx, std::int64_t message, const Attachment& a) {
  auto params = storage::bind(a.public_id, message, storage::blob(a.sealed_name), a.mime, a.size,
                              storage::blob(a.sealed_body));
  co_return co_await storage::run(tx, kInsertAttachment, std::move(params));
}

Task<Result<std::vector<Attachment>>> attachments(Executor& db, std::int64_t conversation) {
  co_return co_await storage::all(db, kAttachments, storage::bind(conversation), attachment_row);
}

Task<Result<std::optional<Attachment>>> attachment(Executor& db, std::int64_t conversation,
                                                   const std::string& public_id) {
  co_return co_await storage::first(db, kAttachment, storage::bind(conversation, public_id),
                                    attachment_row);
}

Task<Result<void>> close_all_of(Transaction& tx, std::int64_t account, std::int64_t now) {
  if (auto r = co_await storage::run(tx, kCloseAllOf, storage::bind(account, now)); !r) co_return r;
  co_return co_await storage::run(tx, kTurnOff, storage::bind(account, now));
}

}  // namespace cabinet::messaging::store
