#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "notify/message.hpp"

// Internet Message Format (RFC 5322) with MIME: what the transports put on the wire or on
// disk, and the reader behind the development mailbox page.
namespace cabinet::notify {

// What the development mailbox shows of one message. Bodies are UTF-8 with "\n" line ends.
struct ParsedEmail {
  std::string message_id;  // as written, angle brackets included
  std::string from;        // decoded
  std::string to;          // decoded
  std::string subject;     // decoded
  std::int64_t date = 0;   // Unix seconds; 0 when missing or unreadable
  std::string text;
  std::string html;
  std::vector<Attachment> attachments;  // parts with "Content-Disposition: attachment"
};

// Refuses (invalid_request) what render_eml would have to alter: CR, LF or other control
// characters in a header (header injection), text that is not UTF-8, a Message-ID that is
// missing or not printable ASCII, a From or To without a plain ASCII address. Transports call
// it before sending.
Result<void> check_email(const Email& email);

// One RFC 5322 message, 7-bit clean, CRLF line ends: multipart/alternative (text, then HTML)
// or a single text/plain part when html is empty; with attachments, that body and each file
// (base64) inside a multipart/mixed. Control characters in header values become
// spaces here too, so that no input can add a header even when check_email was skipped.
std::string render_eml(const Email& email);

// Reads what render_eml writes, and ordinary MIME mail (nested multiparts, quoted-printable or
// base64 parts, UTF-8 or Latin-1 encoded words); accepts CRLF or LF line ends. Never throws;
// what is missing stays empty.
ParsedEmail parse_eml(std::string_view eml);

// The address of "Name <user@host>" or "user@host"; empty when it is not a plain ASCII
// address that can go in an SMTP envelope.
std::string address_of(std::string_view mailbox);

}  // namespace cabinet::notify
