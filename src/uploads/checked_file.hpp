#pragma once

// One gate for every file a person gives Cabinet outside the call: a patient's own documents
// (docs/health-space.md) and messaging attachments (docs/messaging.md). The type is what the
// content is (libmagic), never the name or Content-Type; images come back re-encoded without
// metadata; PDFs come back rewritten without active content or are refused; RTF with embedded
// objects is refused. CPU-heavy: call it on the blocking pool.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace cabinet::uploads {

// The largest file any upload setting may allow (health.file_max_size and
// consultation.file_max_size, app/config.cpp): the routes read bodies up to it, and the service
// applies the live limit, which the operator may change while the server runs.
constexpr std::size_t kLargestFile = 20UL * 1024 * 1024;

struct Rules {
  std::vector<std::string> types;  // accepted MIME types, as sniffed
  std::size_t max_size = 5UL * 1024 * 1024;
};

struct Checked {
  std::string mime;
  std::string bytes;  // what is stored: possibly re-encoded, never the raw upload of an image
};

// The default accepted types of Mon espace santé (seed 004): JPEG, PNG, PDF, RTF, TIFF, TXT.
std::vector<std::string> default_types();

// Errors: 400 `invalid_request` (empty, field `field`), 413 `payload_too_large`, 415
// `unsupported_media_type` (the accepted list in the message), 422 `unsafe_file` (a PDF with
// JavaScript, launch actions or embedded files, an RTF with embedded objects, a truncated or
// undecodable image, text that is not UTF-8).
Result<Checked> check(std::string bytes, const Rules& rules, const std::string& field);

// "JPEG, PNG, PDF…": the types as a person reads them.
std::string type_list(const std::vector<std::string>& types);

}  // namespace cabinet::uploads
