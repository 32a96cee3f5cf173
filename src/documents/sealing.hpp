#pragma once

#include <cstdint>
#include <string>

// The authenticated context each sealed value of the documents feature is bound to (keyring
// seal/open): a value opens only for its document (or consultation) and column. Header-only so
// that the RGPD export can open documents without linking the feature.
namespace cabinet::documents {

inline std::string content_context(const std::string& document) {
  return "documents.content:" + document;
}
inline std::string pdf_context(const std::string& document) { return "documents.pdf:" + document; }
inline std::string key_context(const std::string& document) {
  return "prescriptions.key:" + document;
}
inline std::string payload_context(const std::string& document) {
  return "prescriptions.payload:" + document;
}
inline std::string draft_context(std::int64_t appointment) {
  return "closing_drafts:" + std::to_string(appointment);
}

}  // namespace cabinet::documents
