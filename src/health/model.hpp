#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// The health space's types (docs/health-space.md).
namespace cabinet::health {

// The kinds a patient files their own documents under.
inline constexpr std::array<std::string_view, 6> kFileKinds{
    "prescription", "lab_result", "imaging", "letter", "vaccination", "other"};

inline bool known_kind(std::string_view kind) {
  for (auto k : kFileKinds)
    if (k == kind) return true;
  return false;
}

// A patient's own file as listed: everything but its body.
struct FileRow {
  std::int64_t id = 0;
  std::string public_id;  // "f_…"
  std::int64_t account_id = 0;
  std::int64_t profile_id = 0;
  std::string profile_public_id;
  std::string kind;
  std::string sealed_title;
  std::string sealed_name;
  std::string mime;
  std::int64_t size = 0;
  bool hidden = false;
  std::int64_t added_at = 0;
};

// One document attached to an appointment: an own file or an issued document.
struct Share {
  std::optional<std::int64_t> file_id;
  std::optional<std::int64_t> document_id;
};

}  // namespace cabinet::health
