#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "consultation/sealing.hpp"
#include "storage/database.hpp"

// Every SQL statement of the RGPD export (docs/accounts.md "Export"): what each feature's
// tables hold about one account and its profiles. Plain columns come back as JSON objects named
// after their columns; sealed ones as bytes, for the service to open with the keyring.
namespace cabinet::privacy::store {

using storage::Executor;
using Rows = nlohmann::json;  // an array of objects, one per row

Task<Result<Rows>> sessions(Executor& db, std::int64_t account);
Task<Result<Rows>> login_attempts(Executor& db, std::int64_t account);
// Names and dates only: the public keys are a lock, not information about the person.
Task<Result<Rows>> passkeys(Executor& db, std::int64_t account);
// Messages sent to the account's email address or phone number, newest last.
Task<Result<Rows>> notifications(Executor& db, const std::string& email,
                                 const std::optional<std::string>& phone);
// Audit entries written by the account itself (for practitioners and assistants: what they did).
Task<Result<Rows>> actions_of(Executor& db, std::int64_t account);

struct Appointment {
  std::int64_t id = 0;  // internal: sealed values are bound to it
  nlohmann::json row;
};
// The appointments booked for the account's profiles, oldest first.
Task<Result<std::vector<Appointment>>> appointments(Executor& db, std::int64_t patient);
Task<Result<Rows>> payment_holds(Executor& db, std::int64_t appointment);
Task<Result<Rows>> reminders(Executor& db, std::int64_t appointment);
// The consultation's guests, their names as the rows keep them (consultation::open_name).
struct Invitation {
  nlohmann::json row;  // kind, created_by and the instants
  std::string token_hash;
  consultation::StoredName hint;
  consultation::StoredName guest_name;
};
Task<Result<std::vector<Invitation>>> invitations(Executor& db, std::int64_t appointment);
Task<Result<std::optional<std::int64_t>>> note_updated_at(Executor& db, std::int64_t appointment);

// A sealed value with the row it belongs to.
struct Sealed {
  nlohmann::json row;
  std::string sealed;       // the message, the note, or the file's name
  std::string sealed_body;  // files only, when asked for
  std::optional<std::int64_t> sender_account;
};
Task<Result<std::vector<Sealed>>> messages(Executor& db, std::int64_t appointment);
Task<Result<std::vector<Sealed>>> files(Executor& db, std::int64_t appointment, bool bodies);
Task<Result<std::vector<Sealed>>> incidents(Executor& db, std::int64_t appointment);
// The account's places in the immediate queues (docs/queue.md), the reason sealed.
Task<Result<std::vector<Sealed>>> queue_entries(Executor& db, std::int64_t account);
// The documents issued after the consultation, every version, with their sealed PDF.
Task<Result<std::vector<Sealed>>> documents(Executor& db, std::int64_t appointment);

// Messaging (docs/messaging.md): the account's conversations as a patient, each with its
// internal `conversation_id` (sealed values are bound to its public id), then their messages
// (text sealed) and attachments (name sealed; the body when asked for).
Task<Result<Rows>> conversations(Executor& db, std::int64_t account);
Task<Result<std::vector<Sealed>>> conversation_messages(Executor& db, std::int64_t conversation);
Task<Result<std::vector<Sealed>>> conversation_attachments(Executor& db, std::int64_t conversation,
                                                           bool bodies);
// The health space (V019, docs/health-space.md): the account's own files (title, name and body
// sealed), the issued documents it hid, what it attached to appointments, the medical profiles.
struct HealthFile {
  nlohmann::json row;  // id, profile_id, kind, mime, size, hidden, added_at
  std::string sealed_title;
  std::string sealed_name;
  std::string sealed_body;  // when asked for
};
Task<Result<std::vector<HealthFile>>> health_files(Executor& db, std::int64_t account, bool bodies);
Task<Result<Rows>> hidden_documents(Executor& db, std::int64_t account);
Task<Result<Rows>> appointment_shares(Executor& db, std::int64_t account);
struct MedicalProfile {
  std::string profile_public_id;
  std::string sealed;
};
Task<Result<std::vector<MedicalProfile>>> medical_profiles(Executor& db, std::int64_t account);

// Practitioners: their professional record; assistants: whom they work for.
Task<Result<nlohmann::json>> practitioner(Executor& db, std::int64_t account);
struct Photo {
  std::string jpeg;
  std::int64_t updated_at = 0;
};
Task<Result<std::optional<Photo>>> photo(Executor& db, std::int64_t account);
Task<Result<Rows>> assistant_of(Executor& db, std::int64_t account);

// The tables of the database as it stands (sqlite_master / information_schema): the coverage
// test compares them with coverage.hpp.
Task<Result<std::vector<std::string>>> tables(Executor& db, storage::Engine engine);

}  // namespace cabinet::privacy::store
