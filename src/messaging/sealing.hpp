#pragma once

#include <string>
#include <string_view>

// The authenticated context each sealed value of the messaging is bound to (keyring seal/open):
// a text opens only for its conversation and message, an attachment's name and body only for
// their conversation and attachment. Header-only so that the RGPD export (src/privacy) opens
// them without linking the feature.
namespace cabinet::messaging {

inline std::string text_context(const std::string& conversation, const std::string& message) {
  return "conversation_messages:" + conversation + ":" + message;
}
// `part`: "name" or "body".
inline std::string attachment_context(const std::string& conversation,
                                      const std::string& attachment, std::string_view part) {
  return "conversation_attachments." + std::string(part) + ":" + conversation + ":" + attachment;
}

}  // namespace cabinet::messaging
