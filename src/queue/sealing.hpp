#pragma once

#include <string>

// The authenticated context of a queue entry's sealed reason (keyring seal/open). Header-only so
// that the RGPD export (src/privacy) opens it without linking the queue.
namespace cabinet::queue {

inline std::string reason_context(const std::string& entry_public_id) {
  return "queue_entries.reason:" + entry_public_id;
}

}  // namespace cabinet::queue
