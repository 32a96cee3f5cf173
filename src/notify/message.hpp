#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace cabinet::notify {

// A file sent with an email: an appointment's .ics. Text only (what the outbox stores).
struct Attachment {
  std::string filename;      // printable ASCII, no quotes: "rendez-vous.ics"
  std::string content_type;  // "text/calendar; charset=utf-8; method=PUBLISH"
  std::string content;       // UTF-8
};

// One email as the outbox stores it. Every field is plain data so that a retry renders the
// very same message (same Message-ID, same Date) and receivers can de-duplicate it.
struct Email {
  std::string message_id;       // "<random@cabinet>" style, stable for retries
  std::string from;             // "Cabinet <no-reply@cabinet.localhost>"
  std::string to;               // "patient@example.fr" or "Name <patient@example.fr>"
  std::string subject;          // UTF-8
  std::string text;             // UTF-8, the part every client can show
  std::string html;             // UTF-8; empty: a text-only message
  std::int64_t created_at = 0;  // Unix seconds, used for the Date header
  std::vector<Attachment> attachments;
};

struct Sms {
  std::string message_id;
  std::string to;  // E.164, "+33612345678"
  std::string text;
  // Unix seconds; names the file of FileSmsTransport so that a retry overwrites it. 0: now.
  std::int64_t created_at = 0;
};

// Transports block (the caller runs them on the blocking pool) and never throw for network or
// file problems. A transient failure is Error(ErrorCode::unavailable, detail) and is worth a
// retry; a message that can never be sent as it stands (a header with CR/LF, an address that
// is not one) is Error(ErrorCode::invalid_request, detail) and is not.
class EmailTransport {
 public:
  virtual ~EmailTransport() = default;
  virtual Result<void> send(const Email& email) = 0;
};

class SmsTransport {
 public:
  virtual ~SmsTransport() = default;
  virtual Result<void> send(const Sms& sms) = 0;
};

}  // namespace cabinet::notify
