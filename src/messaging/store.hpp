#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/async.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

// Every statement of the messaging (migrations/V020__messaging.sql).
namespace cabinet::messaging::store {

using storage::Executor;
using storage::Transaction;

struct Settings {
  bool enabled = false;
  bool assistants_see_conversations = false;
};
// Off when the practitioner never chose.
Task<Result<Settings>> settings(Executor& db, std::int64_t practitioner);
Task<Result<void>> put_settings(Executor& db, std::int64_t practitioner, const Settings& s,
                                std::int64_t now);

// A practitioner one of the account's profiles consulted (an appointment held: status done).
struct Consulted {
  std::int64_t account_id = 0;
  std::string public_id;
  std::string name;  // "Dr Prénom Nom"
  std::string specialty;
  bool open = false;
  std::int64_t last_consultation_at = 0;
};
// Most recent consultation first.
Task<Result<std::vector<Consulted>>> consulted(Executor& db, std::int64_t patient_account);
// The practitioner's account behind a public id (directory), if any.
Task<Result<std::optional<std::int64_t>>> practitioner_account(Executor& db,
                                                               const std::string& public_id);

struct Conversation {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t patient_account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t practitioner_id = 0;
  std::string reason;
  std::string status;
  std::int64_t created_at = 0;
  std::int64_t last_message_at = 0;
  std::string last_message_role;
  std::optional<std::int64_t> closed_at;
  // Joined.
  std::string profile_public_id;
  std::string profile_name;
  std::string patient_name;  // the account holder, who writes
  std::string practitioner_public_id;
  std::string practitioner_name;
  std::int64_t unread = 0;  // messages of the other side than the reader's role, unread
};
// `reader_role` ("patient" or "practitioner") decides what `unread` counts.
Task<Result<std::optional<Conversation>>> conversation(Executor& db, const std::string& public_id,
                                                       const std::string& reader_role);
// Newest activity first.
Task<Result<std::vector<Conversation>>> of_patient(Executor& db, std::int64_t account);
Task<Result<std::vector<Conversation>>> of_practitioner(Executor& db, std::int64_t practitioner);

struct NewConversation {
  std::string public_id;
  std::int64_t patient_account_id = 0;
  std::int64_t profile_id = 0;
  std::int64_t practitioner_id = 0;
  std::string reason;
  std::int64_t now = 0;
};
Task<Result<std::int64_t>> insert_conversation(Transaction& tx, const NewConversation& c);
Task<Result<bool>> close(Executor& db, std::int64_t conversation, std::int64_t by,
                         std::int64_t now);

struct Message {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t sender_account_id = 0;
  std::string sender_role;
  std::string sealed_text;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> read_at;
};
// Inserts the message and moves the conversation's last activity.
Task<Result<std::int64_t>> insert_message(Transaction& tx, std::int64_t conversation,
                                          const Message& m);
// Oldest first.
Task<Result<std::vector<Message>>> messages(Executor& db, std::int64_t conversation);
// Marks what the other side sent as read; how many changed.
Task<Result<std::int64_t>> mark_read(Executor& db, std::int64_t conversation,
                                     const std::string& reader_role, std::int64_t now);
// Unread messages from `sender_role` in the conversation before message `before`: the
// notification is sent for the first unread one only.
Task<Result<std::int64_t>> unread_before(Transaction& tx, std::int64_t conversation,
                                         const std::string& sender_role, std::int64_t before);
// Every unread message addressed to the account, over its conversations.
Task<Result<std::int64_t>> unread_total(Executor& db, std::int64_t account,
                                        const std::string& reader_role);

struct Attachment {
  std::int64_t id = 0;
  std::string public_id;
  std::int64_t message_id = 0;
  std::string sealed_name;
  std::string mime;
  std::int64_t size = 0;
  std::string sealed_body;  // attachment() only
};
Task<Result<void>> insert_attachment(Transaction& tx, std::int64_t message, const Attachment& a);
// Without their bodies.
Task<Result<std::vector<Attachment>>> attachments(Executor& db, std::int64_t conversation);
Task<Result<std::optional<Attachment>>> attachment(Executor& db, std::int64_t conversation,
                                                   const std::string& public_id);

// Account deletion (docs/messaging.md "Deletion"): the account's conversations are closed and
// a practitioner's messaging turned off.
Task<Result<void>> close_all_of(Transaction& tx, std::int64_t account, std::int64_t now);

}  // namespace cabinet::messaging::store
