#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "consultation/model.hpp"
#include "consultation/sealing.hpp"
#include "storage/database.hpp"

// Every statement of the consultation (V008–V010; docs/consultation.md): the chat, shared files,
// incidents (the switches to a phone call), the practitioner's private notes, and the guests'
// invitations. Contents come and go sealed: the service seals and opens them with the keyring.
namespace cabinet::consultation::store {

using storage::Executor;
using storage::Transaction;

// The chat (consultation_messages).
struct ChatRow {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::optional<std::int64_t> sender_account_id;  // exactly one of the two senders is set
  std::optional<std::int64_t> sender_guest_id;
  std::string sender_role;
  std::string sender_name;
  std::string sealed_body;
  std::int64_t created_at = 0;
};
// The oldest `limit` messages, oldest first.
Task<Result<std::vector<ChatRow>>> chat_of(Executor& db, std::int64_t appointment,
                                           std::size_t limit);
// Returns the new message's id.
Task<Result<std::int64_t>> insert_chat(Executor& db, const ChatRow& m);

// Shared files (consultation_files).
struct FileRow {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::int64_t sender_account_id = 0;
  std::string sender_role;
  std::string sender_name;
  std::string sealed_name;
  std::string mime;
  std::int64_t size = 0;
  std::int64_t created_at = 0;
};
// Returns the new file's id.
Task<Result<std::int64_t>> insert_file(Executor& db, const FileRow& f,
                                       const std::string& sealed_body);
// The consultation's files, oldest first, without their bodies (at most `limit`).
Task<Result<std::vector<FileRow>>> files_of(Executor& db, std::int64_t appointment,
                                            std::size_t limit);
struct FileBody {
  FileRow row;
  std::string sealed_body;
};
// One file of that consultation (nullopt when it is another's, or unknown).
Task<Result<std::optional<FileBody>>> file_body(Executor& db, std::int64_t appointment,
                                                std::int64_t file);

// Incidents (consultation_incidents).
struct Incident {
  std::int64_t appointment_id = 0;
  std::string kind;  // phone_fallback
  std::string cause;
  std::optional<std::string> sealed_note;
  std::int64_t actor_account_id = 0;
  std::int64_t at = 0;
};
Task<Result<void>> insert_incident(Executor& db, const Incident& i);
Task<Result<std::optional<Incident>>> latest_incident(Executor& db, std::int64_t appointment,
                                                      const std::string& kind);
// The latest incident of `kind` of each appointment of a practitioner starting in [from, to).
Task<Result<std::map<std::int64_t, Incident>>> latest_incidents(Executor& db,
                                                                std::int64_t practitioner,
                                                                std::int64_t from, std::int64_t to,
                                                                const std::string& kind);

// Every incident of a consultation, oldest first (the compte-rendu's traceability).
Task<Result<std::vector<Incident>>> incidents_of(Executor& db, std::int64_t appointment);
// The guests the practitioner admitted into the call: their name and kind, oldest first.
struct AdmittedGuest {
  std::string token_hash;  // the name's context (invitation_context)
  StoredName name;         // "guest_name"
  std::string kind;        // guest, interpreter
};
Task<Result<std::vector<AdmittedGuest>>> admitted_guests(Executor& db, std::int64_t appointment);

// The practitioner's private notes (consultation_notes).
struct Note {
  std::string sealed_body;
  std::int64_t author_account_id = 0;
  std::int64_t updated_at = 0;
};
Task<Result<std::optional<Note>>> note(Executor& db, std::int64_t appointment);
// One current note per consultation: replaces the previous one.
Task<Result<void>> put_note(Executor& db, std::int64_t appointment, const Note& n);

// Guests' invitations (consultation_invitations).
// A claimed invitation that still opens the room, its guest's name still sealed.
struct LiveGuestRow {
  LiveGuest live;  // live.guest.name empty: the service opens `name`
  std::string token_hash;
  StoredName name;  // "guest_name"
};
// By the hash of the guest's cookie or by id.
Task<Result<std::optional<LiveGuestRow>>> live_guest_by_credential(Executor& db,
                                                                   const std::string& hash,
                                                                   std::int64_t now);
Task<Result<std::optional<LiveGuestRow>>> live_guest_by_id(Executor& db, std::int64_t id,
                                                           std::int64_t now);
struct InvitationRow {
  std::int64_t id = 0;
  std::int64_t appointment_id = 0;
  std::string kind;
  bool claimed = false;
  std::optional<std::string> credential_hash;
  std::int64_t expires_at = 0;
  std::string token_hash;  // the names' context (invitation_context)
  StoredName hint;         // the name the inviter typed
  StoredName guest_name;   // as the guest typed it when claiming
};
// The live (unrevoked, unexpired) invitation whose link's token hashes to `token_hash`.
Task<Result<std::optional<InvitationRow>>> invitation_by_token(Executor& db,
                                                               const std::string& token_hash,
                                                               std::int64_t now);
// The live invitations of a consultation, oldest first.
Task<Result<std::vector<InvitationRow>>> invitations_of(Executor& db, std::int64_t appointment,
                                                        std::int64_t now);
// Touches the appointment's row: two invitations racing for the last place are serialised.
Task<Result<void>> lock_appointment(Transaction& tx, std::int64_t appointment);
Task<Result<std::int64_t>> count_live_invitations(Executor& db, std::int64_t appointment,
                                                  std::int64_t now);
struct NewInvitation {
  std::int64_t appointment_id = 0;
  std::string kind;
  std::optional<std::string> sealed_hint;  // invitation_context(token_hash, "hint")
  std::string token_hash;
  std::int64_t created_by = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
};
Task<Result<std::int64_t>> insert_invitation(Executor& db, const NewInvitation& i);
// Each returns false when nothing changed (revoked or claimed before, another consultation's).
Task<Result<bool>> revoke_invitation(Executor& db, std::int64_t id, std::int64_t appointment,
                                     std::int64_t now);
// `sealed_guest_name`: invitation_context(token hash, "guest_name").
Task<Result<bool>> claim_invitation(Executor& db, std::int64_t id,
                                    const std::string& sealed_guest_name,
                                    const std::string& credential_hash, std::int64_t now);
Task<Result<bool>> admit_invitation(Executor& db, std::int64_t id, std::int64_t now);

// The names still clear (rows older than V017), for the start-up sealing.
struct ClearNames {
  std::int64_t id = 0;
  std::string token_hash;
  std::optional<std::string> hint;
  std::optional<std::string> guest_name;
};
Task<Result<std::vector<ClearNames>>> clear_names(Executor& db);
// Stores `sealed` in place of the clear `column` ("hint" or "guest_name"), if it still holds
// `clear`.
Task<Result<void>> seal_name(Executor& db, std::int64_t id, std::string_view column,
                             const std::string& clear, const std::string& sealed);

}  // namespace cabinet::consultation::store
