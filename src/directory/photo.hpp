#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::directory {

inline constexpr std::size_t kMaxPhotoBytes = 5UL * 1024 * 1024;

// The MIME type of `bytes` decided by their content (libmagic), never by a name or header.
std::string sniff_mime(std::string_view bytes);

// Checks an uploaded portrait by content (JPEG, PNG or WebP), refuses huge dimensions before
// decoding, and re-encodes it as a JPEG of at most 512×512 without metadata (no EXIF position).
// CPU-heavy: call it on the blocking pool.
Result<std::string> reencode_photo(std::string_view bytes);

// True when `bytes` is a PNG whose every chunk fits in the bytes (up to IEND). Checked before
// libvips sees a PNG: its loader allocates a chunk at its declared length first.
bool png_chunks_fit(std::string_view bytes);

// True for the image types reencode_image keeps in their format.
bool reencodable_image(std::string_view mime);

// An image shared in a consultation (docs/consultation.md, "Files"): `bytes` of type `mime`
// (as sniff_mime found it: JPEG, PNG, WebP or TIFF) re-encoded in the same format, at the same
// pixel size, without any metadata (EXIF and its GPS position, XMP, IPTC, PNG text chunks,
// comments). The EXIF orientation is applied first and a colour profile converted to sRGB, so
// the picture looks as it did. Dimensions above 12,000 pixels a side are refused before any
// pixel is decoded (`field` names the input in that error). CPU-heavy: the blocking pool.
Result<std::string> reencode_image(std::string_view bytes, std::string_view mime,
                                   const std::string& field);

}  // namespace cabinet::directory
