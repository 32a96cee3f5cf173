#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::directory {

inline constexpr std::size_t kMaxPhotoBytes = 5 * 1024 * 1024;

// The MIME type of `bytes` decided by their content (libmagic), never by a name or header.
std::string sniff_mime(std::string_view bytes);

// Checks an uploaded portrait by content (JPEG, PNG or WebP), refuses huge dimensions before
// decoding, and re-encodes it as a JPEG of at most 512×512 without metadata (no EXIF position).
// CPU-heavy: call it on the blocking pool.
Result<std::string> reencode_photo(std::string_view bytes);

}  // namespace cabinet::directory
