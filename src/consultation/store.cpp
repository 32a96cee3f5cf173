#include "consultation/store.hpp"

#include "storage/query.hpp"

namespace cabinet::consultation::store {
namespace {

using storage::Params;

constexpr std::string_view kChatOf =
    "SELECT id, appointment_id, sender_account_id, sender_guest_id, sender_role, sender_name,"
    " body, created_at FROM consultation_messages WHERE appointment_id = $1 ORDER BY id LIMIT $2";
constexpr std::string_view kInsertChat =
    "INSERT INTO consultation_messages (appointment_id, sender_account_id, sender_role,"
    " sender_name, body, created_at, sender_guest_id)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";

#define FILE_COLUMNS                                                                   \
  "id, appointment_id, sender_account_id, sender_role, sender_name, name, mime, size," \
  " created_at"
constexpr std::string_view kInsertFile =
    "INSERT INTO consultation_files (appointment_id, sender_account_id, sender_role, sender_name,"
    " name, mime, size, body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
    " RETURNING id";
constexpr std::string_view kFilesOf = "SELECT " FILE_COLUMNS
                                      " FROM consultation_files WHERE appointment_id = $1"
                                      " ORDER BY id LIMIT $2";
constexpr std::string_view kFileBody = "SELECT " FILE_COLUMNS
                                       ", body FROM consultation_files"
                                       " WHERE id = $1 AND appointment_id = $2";

constexpr std::string_view kInsertIncident =
    "INSERT INTO consultation_incidents (appointment_id, kind, cause, note, actor_account_id,"
    " created_at) VALUES ($1, $2, $3, $4, $5, $6)";
constexpr std::string_view kLatestIncident =
    "SELECT appointment_id, kind, cause, note, actor_account_id, created_at"
    " FROM consultation_incidents WHERE appointment_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1";
// Oldest first: the last one seen for an appointment is its latest.
constexpr std::string_view kIncidentsOfPractitioner =
    "SELECT i.appointment_id, i.kind, i.cause, i.note, i.actor_account_id, i.created_at"
    " FROM consultation_incidents i JOIN appointments a ON a.id = i.appointment_id"
    " WHERE a.practitioner_id = $1 AND a.start_at >= $2 AND a.start_at < $3 AND i.kind = $4"
    " ORDER BY i.id";

constexpr std::string_view kIncidentsOf =
    "SELECT appointment_id, kind, cause, note, actor_account_id, created_at"
    " FROM consultation_incidents WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kAdmittedGuests =
    "SELECT token_hash, sealed_guest_name, guest_name, kind FROM consultation_invitations"
    " WHERE appointment_id = $1"
    " AND claimed_at IS NOT NULL AND admitted_at IS NOT NULL ORDER BY id";

constexpr std::string_view kNote =
    "SELECT body, author_account_id, updated_at FROM consultation_notes WHERE appointment_id = $1";
constexpr std::string_view kPutNote =
    "INSERT INTO consultation_notes (appointment_id, author_account_id, body, updated_at)"
    " VALUES ($1, $2, $3, $4) ON CONFLICT (appointment_id) DO UPDATE SET"
    " author_account_id = excluded.author_account_id, body = excluded.body,"
    " updated_at = excluded.updated_at";

// A claimed invitation that still opens the room: its consultation confirmed (not closed,
// cancelled or missed).
#define LIVE_GUEST_SELECT                                                              \
  "SELECT i.id, i.kind, a.id, a.public_id, i.admitted_at, i.expires_at, i.token_hash," \
  " i.sealed_guest_name, i.guest_name"                                                 \
  " FROM consultation_invitations i JOIN appointments a ON a.id = i.appointment_id"    \
  " WHERE i.claimed_at IS NOT NULL AND i.revoked_at IS NULL AND i.expires_at > $2"     \
  " AND a.status = 'confirmed' AND "
constexpr std::string_view kLiveGuestByCredential = LIVE_GUEST_SELECT "i.credential_hash = $1";
constexpr std::string_view kLiveGuestById = LIVE_GUEST_SELECT "i.id = $1";
#define INVITATION_COLUMNS                                                                      \
  "id, appointment_id, kind, claimed_at, credential_hash, expires_at, token_hash, sealed_hint," \
  " hint, sealed_guest_name, guest_name"
constexpr std::string_view kInvitationByToken =
    "SELECT " INVITATION_COLUMNS
    " FROM consultation_invitations"
    " WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2";
constexpr std::string_view kInvitationsOf =
    "SELECT " INVITATION_COLUMNS
    " FROM consultation_invitations"
    " WHERE appointment_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY id";
constexpr std::string_view kLockAppointment = "UPDATE appointments SET id = id WHERE id = $1";
constexpr std::string_view kCountLiveInvitations =
    "SELECT COUNT(*) FROM consultation_invitations"
    " WHERE appointment_id = $1 AND revoked_at IS NULL AND expires_at > $2";
constexpr std::string_view kInsertInvitation =
    "INSERT INTO consultation_invitations (appointment_id, kind, sealed_hint, token_hash,"
    " created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id";
constexpr std::string_view kRevokeInvitation =
    "UPDATE consultation_invitations SET revoked_at = $1"
    " WHERE id = $2 AND appointment_id = $3 AND revoked_at IS NULL";
constexpr std::string_view kClaimInvitation =
    "UPDATE consultation_invitations SET claimed_at = $1, sealed_guest_name = $2,"
    " credential_hash = $3 WHERE id = $4 AND claimed_at IS NULL AND revoked_at IS NULL";
// Rows older than V017 (or written by a node of the previous version) whose names are clear.
constexpr std::string_view kClearNames =
    "SELECT id, token_hash, hint, guest_name FROM consultation_invitations"
    " WHERE hint IS NOT NULL OR guest_name IS NOT NULL ORDER BY id";
// Only if the clear value is still the one sealed: a claim racing the sealing keeps its name.
constexpr std::string_view kSealHint =
    "UPDATE consultation_invitations SET sealed_hint = $1, hint = NULL WHERE id = $2 AND hint = $3";
constexpr std::string_view kSealGuestName =
    "UPDATE consultation_invitations SET sealed_guest_name = $1, guest_name = NULL"
    " WHERE id = $2 AND guest_name = $3";
constexpr std::string_view kAdmitInvitation =
    "UPDATE consultation_invitations SET admitted_at = $1"
    " WHERE id = $2 AND admitted_at IS NULL AND revoked_at IS NULL";

ChatRow chat_row(const storage::Row& r) {
  ChatRow m;
  m.id = r.integer(0);
  m.appointment_id = r.integer(1);
  m.sender_account_id = r.opt_integer(2);
  m.sender_guest_id = r.opt_integer(3);
  m.sender_role = r.text(4);
  m.sender_name = r.text(5);
  m.sealed_body = r.bytes(6);
  m.created_at = r.integer(7);
  return m;
}

FileRow file_row(const storage::Row& r) {
  FileRow f;
  f.id = r.integer(0);
  f.appointment_id = r.integer(1);
  f.sender_account_id = r.integer(2);
  f.sender_role = r.text(3);
  f.sender_name = r.text(4);
  f.sealed_name = r.bytes(5);
  f.mime = r.text(6);
  f.size = r.integer(7);
  f.created_at = r.integer(8);
  return f;
}

Incident incident(const storage::Row& r) {
  Incident i;
  i.appointment_id = r.integer(0);
  i.kind = r.text(1);
  i.cause = r.text(2);
  if (!r.is_null(3)) i.sealed_note = r.bytes(3);
  i.actor_account_id = r.integer(4);
  i.at = r.integer(5);
  return i;
}

std::optional<std::string> opt_bytes(const storage::Row& r, std::size_t i) {
  if (r.is_null(i)) return std::nullopt;
  return r.bytes(i);
}

// A name's two columns, sealed then clear, from column `i`.
StoredName stored_name(const storage::Row& r, std::size_t i) {
  return StoredName{opt_bytes(r, i), r.opt_text(i + 1)};
}

LiveGuestRow live_guest(const storage::Row& r) {
  LiveGuestRow g;
  g.live.guest.id = r.integer(0);
  g.live.guest.kind = r.text(1);
  g.live.guest.appointment = r.integer(2);
  g.live.guest.consultation = r.text(3);
  g.live.admitted = !r.is_null(4);
  g.live.expires_at = r.integer(5);
  g.token_hash = r.text(6);
  g.name = stored_name(r, 7);
  return g;
}

InvitationRow invitation(const storage::Row& r) {
  InvitationRow i;
  i.id = r.integer(0);
  i.appointment_id = r.integer(1);
  i.kind = r.text(2);
  i.claimed = !r.is_null(3);
  i.credential_hash = r.opt_text(4);
  i.expires_at = r.integer(5);
  i.token_hash = r.text(6);
  i.hint = stored_name(r, 7);
  i.guest_name = stored_name(r, 9);
  return i;
}

}  // namespace

Task<Result<std::vector<ChatRow>>> chat_of(Executor& db, std::int64_t appointment,
                                           std::size_t limit) {
  co_return co_await storage::all(
      db, kChatOf, storage::bind(appointment, static_cast<std::int64_t>(limit)), chat_row);
}

Task<Result<std::int64_t>> insert_chat(Executor& db, const ChatRow& m) {
  co_return co_await storage::insert_returning_id(
      db, kInsertChat,
      storage::bind(m.appointment_id, storage::optional(m.sender_account_id), m.sender_role,
                    m.sender_name, storage::blob(m.sealed_body), m.created_at,
                    storage::optional(m.sender_guest_id)));
}

Task<Result<std::int64_t>> insert_file(Executor& db, const FileRow& f,
                                       const std::string& sealed_body) {
  co_return co_await storage::insert_returning_id(
      db, kInsertFile,
      storage::bind(f.appointment_id, f.sender_account_id, f.sender_role, f.sender_name,
                    storage::blob(f.sealed_name), f.mime, f.size, storage::blob(sealed_body),
                    f.created_at));
}

Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t appointment,
                                            std::size_t limit) {
  co_return co_await storage::all(
      db, kFilesOf, storage::bind(appointment, static_cast<std::int64_t>(limit)), file_row);
}

Task<Result<std::optional<FileBody>>> file_body(Executor& db, std::int64_t appointment,
                                                std::int64_t file) {
  co_return co_await storage::first(db, kFileBody, storage::bind(file, appointment),
                                    [](const storage::Row& r) {
                                      return FileBody{file_row(r), r.bytes(9)};
                                    });
}

Task<Result<void>> insert_incident(Executor& db, const Incident& i) {
  // Built before the co_await: GCC 12 miscompiles a conditional expression inside one.
  auto params =
      storage::bind(i.appointment_id, i.kind, i.cause, storage::null(), i.actor_account_id, i.at);
  if (i.sealed_note) params[3] = storage::blob(*i.sealed_note);
  co_return co_await storage::run(db, kInsertIncident, std::move(params));
}

Task<Result<std::optional<Incident>>> latest_incident(Executor& db, std::int64_t appointment,
                                                      const std::string& kind) {
  co_return co_await storage::first(db, kLatestIncident, storage::bind(appointment, kind),
                                    incident);
}

Task<Result<std::map<std::int64_t, Incident>>> latest_incidents(Executor& db,
                                                                std::int64_t practitioner,
                                                                std::int64_t from, std::int64_t to,
                                                                const std::string& kind) {
  auto all = co_await storage::all(db, kIncidentsOfPractitioner,
                                   storage::bind(practitioner, from, to, kind), incident);
  if (!all) co_return std::move(all).error();
  std::map<std::int64_t, Incident> out;
  for (auto& one : *all) out[one.appointment_id] = std::move(one);
  co_return out;
}

Task<Result<std::optional<Note>>> note(Executor& db, std::int64_t appointment) {
  co_return co_await storage::first(db, kNote, storage::bind(appointment),
                                    [](const storage::Row& r) {
                                      return Note{r.bytes(0), r.integer(1), r.integer(2)};
                                    });
}

Task<Result<void>> put_note(Executor& db, std::int64_t appointment, const Note& n) {
  co_return co_await storage::run(
      db, kPutNote,
      storage::bind(appointment, n.author_account_id, storage::blob(n.sealed_body), n.updated_at));
}

Task<Result<std::optional<LiveGuestRow>>> live_guest_by_credential(Executor& db,
                                                                   const std::string& hash,
                                                                   std::int64_t now) {
  co_return co_await storage::first(db, kLiveGuestByCredential, storage::bind(hash, now),
                                    live_guest);
}

Task<Result<std::optional<LiveGuestRow>>> live_guest_by_id(Executor& db, std::int64_t id,
                                                           std::int64_t now) {
  co_return co_await storage::first(db, kLiveGuestById, storage::bind(id, now), live_guest);
}

Task<Result<std::optional<InvitationRow>>> invitation_by_token(Executor& db,
                                                               const std::string& token_hash,
                                                               std::int64_t now) {
  co_return co_await storage::first(db, kInvitationByToken, storage::bind(token_hash, now),
                                    invitation);
}

Task<Result<std::vector<InvitationRow>>> invitations_of(Executor& db, std::int64_t appointment,
                                                        std::int64_t now) {
  co_return co_await storage::all(db, kInvitationsOf, storage::bind(appointment, now), invitation);
}

Task<Result<void>> lock_appointment(Transaction& tx, std::int64_t appointment) {
  co_return co_await storage::run(tx, kLockAppointment, storage::bind(appointment));
}

Task<Result<std::int64_t>> count_live_invitations(Executor& db, std::int64_t appointment,
                                                  std::int64_t now) {
  auto count = co_await storage::first(db, kCountLiveInvitations, storage::bind(appointment, now),
                                       [](const storage::Row& r) { return r.integer(0); });
  if (!count) co_return std::move(count).error();
  co_return count->value_or(0);
}

Task<Result<std::int64_t>> insert_invitation(Executor& db, const NewInvitation& i) {
  storage::Value sealed_hint = nullptr;
  if (i.sealed_hint) sealed_hint = storage::blob(*i.sealed_hint);
  co_return co_await storage::insert_returning_id(
      db, kInsertInvitation,
      storage::bind(i.appointment_id, i.kind, sealed_hint, i.token_hash, i.created_by, i.created_at,
                    i.expires_at));
}

Task<Result<bool>> revoke_invitation(Executor& db, std::int64_t id, std::int64_t appointment,
                                     std::int64_t now) {
  co_return co_await storage::changed_one(db, kRevokeInvitation,
                                          storage::bind(now, id, appointment));
}

Task<Result<bool>> claim_invitation(Executor& db, std::int64_t id,
                                    const std::string& sealed_guest_name,
                                    const std::string& credential_hash, std::int64_t now) {
  co_return co_await storage::changed_one(
      db, kClaimInvitation,
      storage::bind(now, storage::blob(sealed_guest_name), credential_hash, id));
}

Task<Result<std::vector<ClearNames>>> clear_names(Executor& db) {
  storage::Params none;
  co_return co_await storage::all(db, kClearNames, std::move(none), [](const storage::Row& r) {
    return ClearNames{r.integer(0), r.text(1), r.opt_text(2), r.opt_text(3)};
  });
}

Task<Result<void>> seal_name(Executor& db, std::int64_t id, std::string_view column,
                             const std::string& clear, const std::string& sealed) {
  const auto sql = column == "hint" ? kSealHint : kSealGuestName;
  co_return co_await storage::run(db, sql, storage::bind(storage::blob(sealed), id, clear));
}

Task<Result<bool>> admit_invitation(Executor& db, std::int64_t id, std::int64_t now) {
  co_return co_await storage::changed_one(db, kAdmitInvitation, storage::bind(now, id));
}

Task<Result<std::vector<Incident>>> incidents_of(Executor& db, std::int64_t appointment) {
  co_return co_await storage::all(db, kIncidentsOf, storage::bind(appointment), incident);
}

Task<Result<std::vector<AdmittedGuest>>> admitted_guests(Executor& db, std::int64_t appointment) {
  co_return co_await storage::all(db, kAdmittedGuests, storage::bind(appointment),
                                  [](const storage::Row& r) {
                                    return AdmittedGuest{r.text(0), stored_name(r, 1), r.text(3)};
                                  });
}

}  // namespace cabinet::consultation::store
