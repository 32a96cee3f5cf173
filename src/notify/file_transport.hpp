#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "notify/eml.hpp"
#include "notify/message.hpp"

// Development transports: messages become files in a directory (the "local mailbox") that a
// development page lists, instead of leaving the machine.
namespace cabinet::notify {

// Writes each email to dir/<created_at>-<message id>.eml, atomically (temp file in the same
// directory, fsync, rename); the same message sent twice overwrites its file.
class FileEmailTransport final : public EmailTransport {
 public:
  explicit FileEmailTransport(std::filesystem::path dir) : dir_(std::move(dir)) {}
  Result<void> send(const Email& email) override;

 private:
  std::filesystem::path dir_;
};

// Writes each SMS to dir/<created_at or now>-<message id>.json as
// {"message_id", "to", "text"}, the same way.
class FileSmsTransport final : public SmsTransport {
 public:
  explicit FileSmsTransport(std::filesystem::path dir) : dir_(std::move(dir)) {}
  Result<void> send(const Sms& sms) override;

 private:
  std::filesystem::path dir_;
};

struct MailboxEntry {
  std::string id;  // the file name without ".eml", for read_mailbox
  std::string message_id;
  std::string to;
  std::string subject;
  std::int64_t date = 0;  // Unix seconds
};

// The newest `limit` messages of a FileEmailTransport directory, newest first. A missing
// directory is an empty mailbox; unreadable files are left out.
std::vector<MailboxEntry> list_mailbox(const std::filesystem::path& dir, std::size_t limit = 200);

// One message by MailboxEntry::id. Ids are [A-Za-z0-9._-] without "..", a leading '.' or
// more than 200 characters: anything else (a path, a traversal) is refused with nullopt.
std::optional<ParsedEmail> read_mailbox(const std::filesystem::path& dir, std::string_view id);

// "<created_at>-<message id reduced to [A-Za-z0-9._-]>", the name of a message's file.
std::string mailbox_file_stem(std::int64_t created_at, std::string_view message_id);

}  // namespace cabinet::notify
