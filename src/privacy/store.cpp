#include "privacy/store.hpp"

#include <array>
#include <utility>

namespace cabinet::privacy::store {
namespace {

constexpr std::string_view kSessions =
    "SELECT public_id AS id, created_at, last_seen_at, expires_at, revoked_at, ip, user_agent"
    " FROM sessions WHERE account_id = $1 ORDER BY id";
constexpr std::string_view kLoginAttempts =
    "SELECT created_at, method, ip, attempts, used_at FROM login_challenges"
    " WHERE account_id = $1 ORDER BY created_at";
constexpr std::string_view kPasskeys =
    "SELECT name, created_at, last_used_at FROM passkeys WHERE account_id = $1 ORDER BY id";
constexpr std::string_view kNotifications =
    "SELECT channel, recipient, subject, body_text, created_at, delivered_at, failed_at"
    " FROM outbox WHERE recipient = $1 OR recipient = $2 ORDER BY id";
constexpr std::string_view kActions =
    "SELECT at, action, object, ip FROM audit_log WHERE actor_account_id = $1"
    " ORDER BY id DESC LIMIT 10000";
constexpr std::string_view kAppointments =
    "SELECT a.id AS internal_id, a.public_id AS id, p.public_id AS profile,"
    " doc.first_name AS practitioner_first_name, doc.last_name AS practitioner_last_name,"
    " pr.specialty AS practitioner_specialty, m.label AS motif, a.mode, a.start_at, a.end_at,"
    " a.status, a.cancelled_by, a.booked_by, a.price_cents, a.payment_state, a.card_brand,"
    " a.card_last4, a.captured_cents, a.started_at, a.ended_at, a.created_at, a.updated_at"
    " FROM appointments a JOIN profiles p ON p.id = a.profile_id"
    " JOIN motifs m ON m.id = a.motif_id"
    " LEFT JOIN profiles doc ON doc.account_id = a.practitioner_id AND doc.is_holder = 1"
    " LEFT JOIN practitioners pr ON pr.account_id = a.practitioner_id"
    " WHERE a.patient_account_id = $1 ORDER BY a.start_at, a.id";
constexpr std::string_view kHolds =
    "SELECT provider, amount_cents, state, created_at, updated_at FROM payment_holds"
    " WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kReminders =
    "SELECT kind, due_at, state FROM booking_jobs WHERE appointment_id = $1 ORDER BY due_at, id";
constexpr std::string_view kInvitations =
    "SELECT kind, created_by, created_at, expires_at, revoked_at, claimed_at, admitted_at,"
    " token_hash, sealed_hint, hint, sealed_guest_name, guest_name FROM consultation_invitations"
    " WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kNote =
    "SELECT updated_at FROM consultation_notes WHERE appointment_id = $1";
constexpr std::string_view kMessages =
    "SELECT sender_role, sender_name, created_at, body, sender_account_id"
    " FROM consultation_messages WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kFiles =
    "SELECT id, sender_role, sender_name, mime, size, created_at, name, sender_account_id"
    " FROM consultation_files WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kFilesWithBodies =
    "SELECT id, sender_role, sender_name, mime, size, created_at, name, sender_account_id, body"
    " FROM consultation_files WHERE appointment_id = $1 ORDER BY id";
// Documents (issue 14): the PDF as the sealed value; the issuing account is not a sender.
constexpr std::string_view kDocuments =
    "SELECT public_id, kind, version, issued_at, standin, pdf, NULL"
    " FROM documents WHERE appointment_id = $1 ORDER BY id";
constexpr std::string_view kIncidents =
    "SELECT kind, cause, created_at, note, actor_account_id FROM consultation_incidents"
    " WHERE appointment_id = $1 AND kind = 'phone_fallback' ORDER BY id";
constexpr std::string_view kQueueEntries =
    "SELECT e.public_id AS id, e.specialty, p.public_id AS profile_id, e.state, e.commune_code,"
    " e.price_cents, e.fee_cents, e.joined_at, e.called_at, e.ended_at, e.end_reason, e.reason,"
    " e.account_id FROM queue_entries e JOIN profiles p ON p.id = e.profile_id"
    " WHERE e.account_id = $1 ORDER BY e.id";
constexpr std::string_view kPractitioner =
    "SELECT rpps, specialty, status, decided_at, rejection_reason, created_at FROM practitioners"
    " WHERE account_id = $1";
constexpr std::string_view kPractitionerProfile =
    "SELECT public_id AS id, address_line, commune_code, postcode, lat, lng, timezone,"
    " department, phone, languages, sector, carte_vitale, tiers_payant, payment_modes, video,"
    " in_person, presentation, min_notice_minutes, horizon_days, closed_on_public_holidays,"
    " published, delay_minutes, delay_announced_at, updated_at"
    " FROM practitioner_profiles WHERE account_id = $1";
constexpr std::string_view kMotifs =
    "SELECT public_id AS id, label, duration_min, mode, price_cents, position, archived_at,"
    " created_at FROM motifs WHERE practitioner_id = $1 ORDER BY position, id";
constexpr std::string_view kHours =
    "SELECT weekday, mode, start_min, end_min FROM opening_hours WHERE practitioner_id = $1"
    " ORDER BY weekday, start_min";
constexpr std::string_view kExceptions =
    "SELECT public_id AS id, kind, start_at, end_at, mode, note, created_at"
    " FROM agenda_exceptions WHERE practitioner_id = $1 OR created_by = $1 ORDER BY start_at, id";
constexpr std::string_view kAssistants =
    "SELECT email, invited_at, accepted_at, removed_at FROM assistants WHERE practitioner_id = $1"
    " ORDER BY id";
// The practitioner's lists, each under its key in the export.
constexpr std::string_view kMessagingSettings =
    "SELECT enabled, assistants_see_conversations, updated_at FROM messaging_settings"
    " WHERE practitioner_id = $1";
constexpr std::string_view kDeclarations =
    "SELECT year, in_person, updated_at FROM teleconsultation_declarations"
    " WHERE practitioner_id = $1 ORDER BY year";
constexpr std::array<std::pair<const char*, std::string_view>, 6> kPractitionerLists{{
    {"motifs", kMotifs},
    {"opening_hours", kHours},
    {"agenda_exceptions", kExceptions},
    {"assistants", kAssistants},
    {"messaging", kMessagingSettings},
    {"teleconsultation_declarations", kDeclarations},
}};
constexpr std::string_view kAssistantOf =
    "SELECT p.first_name AS practitioner_first_name, p.last_name AS practitioner_last_name,"
    " a.invited_at, a.accepted_at, a.removed_at FROM assistants a"
    " LEFT JOIN profiles p ON p.account_id = a.practitioner_id AND p.is_holder = 1"
    " WHERE a.account_id = $1 ORDER BY a.id";
constexpr std::string_view kPhoto =
    "SELECT jpeg, updated_at FROM practitioner_photos WHERE account_id = $1";
constexpr std::string_view kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    " ORDER BY name";
constexpr std::string_view kPostgresTables =
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
    " AND table_type = 'BASE TABLE' ORDER BY table_name";

nlohmann::json cell(const storage::Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;  // NULL; blobs are never selected as plain columns
}

// The first `columns` cells of a row as an object named after the columns.
nlohmann::json object(const storage::QueryResult& rows, std::size_t i, std::size_t columns) {
  nlohmann::json o = nlohmann::json::object();
  const auto row = rows.row(i);
  for (std::size_t c = 0; c < columns && c < rows.columns.size(); ++c) {
    o[rows.columns[c]] = cell(row.at(c));
  }
  return o;
}

Task<Result<Rows>> all(Executor& db, std::string_view sql, storage::Params params) {
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  Rows out = Rows::array();
  for (std::size_t i = 0; i < rows->size(); ++i)
    out.push_back(object(*rows, i, rows->columns.size()));
  co_return out;
}

// Rows of a statement whose one parameter is an id.
Task<Result<Rows>> by_id(Executor& db, std::string_view sql, std::int64_t id) {
  storage::Params params{id};
  co_return co_await all(db, sql, std::move(params));
}

// Rows whose last columns are a sealed value (bytes) and the sender's account.
Task<Result<std::vector<Sealed>>> sealed_rows(Executor& db, std::string_view sql,
                                              std::int64_t appointment, std::size_t plain,
                                              bool body) {
  storage::Params params{appointment};
  auto rows = co_await db.query(sql, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Sealed> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Sealed s;
    s.row = object(*rows, i, plain);
    if (!r.is_null(plain)) s.sealed = r.bytes(plain);
    s.sender_account = r.opt_integer(plain + 1);
    if (body) s.sealed_body = r.bytes(plain + 2);
    out.push_back(std::move(s));
  }
  co_return out;
}

}  // namespace

Task<Result<std::vector<Sealed>>> queue_entries(Executor& db, std::int64_t account) {
  co_return co_await sealed_rows(db, kQueueEntries, account, 11, false);
}
Task<Result<Rows>> sessions(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kSessions, account);
}
Task<Result<Rows>> login_attempts(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kLoginAttempts, account);
}
Task<Result<Rows>> passkeys(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kPasskeys, account);
}
Task<Result<Rows>> notifications(Executor& db, const std::string& email,
                                 const std::optional<std::string>& phone) {
  storage::Params params{email, phone.value_or(email)};
  co_return co_await all(db, kNotifications, std::move(params));
}
Task<Result<Rows>> actions_of(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kActions, account);
}

Task<Result<std::vector<Appointment>>> appointments(Executor& db, std::int64_t patient) {
  storage::Params params{patient};
  auto rows = co_await db.query(kAppointments, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Appointment> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    auto row = object(*rows, i, rows->columns.size());
    const auto id = row["internal_id"].get<std::int64_t>();
    row.erase("internal_id");
    out.push_back({id, std::move(row)});
  }
  co_return out;
}
Task<Result<Rows>> payment_holds(Executor& db, std::int64_t appointment) {
  co_return co_await by_id(db, kHolds, appointment);
}
Task<Result<Rows>> reminders(Executor& db, std::int64_t appointment) {
  co_return co_await by_id(db, kReminders, appointment);
}
Task<Result<std::vector<Invitation>>> invitations(Executor& db, std::int64_t appointment) {
  storage::Params params{appointment};
  auto rows = co_await db.query(kInvitations, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<Invitation> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    Invitation inv;
    inv.row = object(*rows, i, 7);
    inv.token_hash = r.text(7);
    if (!r.is_null(8)) inv.hint.sealed = r.bytes(8);
    inv.hint.clear = r.opt_text(9);
    if (!r.is_null(10)) inv.guest_name.sealed = r.bytes(10);
    inv.guest_name.clear = r.opt_text(11);
    out.push_back(std::move(inv));
  }
  co_return out;
}
Task<Result<std::optional<std::int64_t>>> note_updated_at(Executor& db, std::int64_t appointment) {
  storage::Params params{appointment};
  auto rows = co_await db.query(kNote, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<std::int64_t>{};
  co_return std::optional(rows->row(0).integer(0));
}

Task<Result<std::vector<Sealed>>> messages(Executor& db, std::int64_t appointment) {
  co_return co_await sealed_rows(db, kMessages, appointment, 3, false);
}
Task<Result<std::vector<Sealed>>> files(Executor& db, std::int64_t appointment, bool bodies) {
  const auto sql = bodies ? kFilesWithBodies : kFiles;
  co_return co_await sealed_rows(db, sql, appointment, 6, bodies);
}
Task<Result<std::vector<Sealed>>> documents(Executor& db, std::int64_t appointment) {
  co_return co_await sealed_rows(db, kDocuments, appointment, 5, false);
}
Task<Result<std::vector<Sealed>>> incidents(Executor& db, std::int64_t appointment) {
  co_return co_await sealed_rows(db, kIncidents, appointment, 3, false);
}

// Messaging (docs/messaging.md).
constexpr std::string_view kConversations =
    "SELECT c.id AS conversation_id, c.public_id AS id, c.reason, c.status, c.created_at,"
    " c.closed_at, p.public_id AS profile_id, ph.first_name AS practitioner_first_name,"
    " ph.last_name AS practitioner_last_name FROM conversations c"
    " JOIN profiles p ON p.id = c.profile_id"
    " JOIN profiles ph ON ph.account_id = c.practitioner_id AND ph.is_holder = 1"
    " WHERE c.patient_account_id = $1 ORDER BY c.id";
constexpr std::string_view kConversationMessages =
    "SELECT m.public_id AS id, m.sender_role, m.created_at, m.read_at, m.body,"
    " m.sender_account_id FROM conversation_messages m WHERE m.conversation_id = $1"
    " ORDER BY m.id";
#define CONVERSATION_ATTACHMENTS(BODY)                                                     \
  "SELECT a.public_id AS id, m.public_id AS message_id, a.mime, a.size, a.name, NULL" BODY \
  " FROM conversation_attachments a JOIN conversation_messages m ON m.id = a.message_id"   \
  " WHERE m.conversation_id = $1 ORDER BY a.id"
constexpr std::string_view kConversationAttachments = CONVERSATION_ATTACHMENTS("");
constexpr std::string_view kConversationAttachmentBodies = CONVERSATION_ATTACHMENTS(", a.body");

Task<Result<Rows>> conversations(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kConversations, account);
}
Task<Result<std::vector<Sealed>>> conversation_messages(Executor& db, std::int64_t conversation) {
  co_return co_await sealed_rows(db, kConversationMessages, conversation, 4, false);
}
Task<Result<std::vector<Sealed>>> conversation_attachments(Executor& db, std::int64_t conversation,
                                                           bool bodies) {
  const auto sql = bodies ? kConversationAttachmentBodies : kConversationAttachments;
  co_return co_await sealed_rows(db, sql, conversation, 4, bodies);
}

Task<Result<nlohmann::json>> practitioner(Executor& db, std::int64_t account) {
  auto main = co_await by_id(db, kPractitioner, account);
  if (!main) co_return std::move(main).error();
  if (main->empty()) co_return nlohmann::json(nullptr);
  nlohmann::json out = (*main)[0];
  auto profile = co_await by_id(db, kPractitionerProfile, account);
  if (!profile) co_return std::move(profile).error();
  out["public_profile"] = profile->empty() ? nlohmann::json(nullptr) : (*profile)[0];
  for (const auto& [key, sql] : kPractitionerLists) {
    auto rows = co_await by_id(db, sql, account);
    if (!rows) co_return std::move(rows).error();
    out[key] = std::move(*rows);
  }
  co_return out;
}

Task<Result<std::optional<Photo>>> photo(Executor& db, std::int64_t account) {
  storage::Params params{account};
  auto rows = co_await db.query(kPhoto, std::move(params));
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return std::optional<Photo>{};
  co_return std::optional(Photo{rows->row(0).bytes(0), rows->row(0).integer(1)});
}

Task<Result<Rows>> assistant_of(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kAssistantOf, account);
}

// The health space (V019).
constexpr std::string_view kHealthFiles =
    "SELECT f.public_id AS id, p.public_id AS profile_id, f.kind, f.mime, f.size, f.hidden,"
    " f.added_at, f.title, f.name, f.body FROM health_files f"
    " JOIN profiles p ON p.id = f.profile_id WHERE f.account_id = $1 ORDER BY f.id";
constexpr std::string_view kHiddenDocuments =
    "SELECT d.public_id AS id, v.updated_at AS hidden_at FROM document_visibility v"
    " JOIN documents d ON d.id = v.document_id WHERE d.account_id = $1 AND v.hidden = 1"
    " ORDER BY d.id";
constexpr std::string_view kShares =
    "SELECT a.public_id AS appointment_id, s.position, f.public_id AS file_id,"
    " d.public_id AS document_id FROM appointment_shares s"
    " JOIN appointments a ON a.id = s.appointment_id"
    " LEFT JOIN health_files f ON f.id = s.file_id LEFT JOIN documents d ON d.id = s.document_id"
    " WHERE a.patient_account_id = $1 ORDER BY a.id, s.position";
constexpr std::string_view kMedicalProfiles =
    "SELECT p.public_id, m.body FROM medical_profiles m JOIN profiles p ON p.id = m.profile_id"
    " WHERE p.account_id = $1 ORDER BY p.id";

Task<Result<std::vector<HealthFile>>> health_files(Executor& db, std::int64_t account,
                                                   bool bodies) {
  storage::Params params{account};
  auto rows = co_await db.query(kHealthFiles, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<HealthFile> out;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const auto r = rows->row(i);
    HealthFile f;
    f.row = object(*rows, i, 7);
    f.sealed_title = r.bytes(7);
    f.sealed_name = r.bytes(8);
    if (bodies) f.sealed_body = r.bytes(9);
    out.push_back(std::move(f));
  }
  co_return out;
}
Task<Result<Rows>> hidden_documents(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kHiddenDocuments, account);
}
Task<Result<Rows>> appointment_shares(Executor& db, std::int64_t account) {
  co_return co_await by_id(db, kShares, account);
}
Task<Result<std::vector<MedicalProfile>>> medical_profiles(Executor& db, std::int64_t account) {
  storage::Params params{account};
  auto rows = co_await db.query(kMedicalProfiles, std::move(params));
  if (!rows) co_return std::move(rows).error();
  std::vector<MedicalProfile> out;
  for (std::size_t i = 0; i < rows->size(); ++i)
    out.push_back({rows->row(i).text(0), rows->row(i).bytes(1)});
  co_return out;
}

Task<Result<std::vector<std::string>>> tables(Executor& db, storage::Engine engine) {
  const auto sql = engine == storage::Engine::sqlite ? kSqliteTables : kPostgresTables;
  auto rows = co_await db.query(sql);
  if (!rows) co_return std::move(rows).error();
  std::vector<std::string> out;
  for (std::size_t i = 0; i < rows->size(); ++i) out.push_back(rows->row(i).text(0));
  co_return out;
}

}  // namespace cabinet::privacy::store
