// The upload gate (checked_file.hpp). Images go through directory::reencode_image; the other
// types are checked here.
#include "uploads/checked_file.hpp"

#include <algorithm>

#include "directory/photo.hpp"

namespace cabinet::uploads {
namespace {

std::string label(const std::string& mime) {
  if (mime == "image/jpeg") return "JPEG";
  if (mime == "image/png") return "PNG";
  if (mime == "image/webp") return "WebP";
  if (mime == "image/tiff") return "TIFF";
  if (mime == "application/pdf") return "PDF";
  if (mime == "text/plain") return "TXT";
  if (mime == "text/rtf") return "RTF";
  return mime;
}

}  // namespace

std::vector<std::string> default_types() {
  return {"image/jpeg", "image/png", "application/pdf", "text/rtf", "image/tiff", "text/plain"};
}

std::string type_list(const std::vector<std::string>& types) {
  std::string list;
  for (const auto& t : types) list += (list.empty() ? "" : ", ") + label(t);
  return list;
}

Result<Checked> check(std::string bytes, const Rules& rules, const std::string& field) {
  if (bytes.empty()) {
    return Error::invalid(field, "Le fichier est vide.", "The file is empty.");
  }
  if (bytes.size() > rules.max_size) {
    Error e(ErrorCode::payload_too_large);
    e.field = field;
    return e;
  }
  auto mime = directory::sniff_mime(bytes);
  if (std::find(rules.types.begin(), rules.types.end(), mime) == rules.types.end()) {
    Error e(ErrorCode::unsupported_media_type, "upload type " + mime);
    e.field = field;
    const auto list = type_list(rules.types);
    e.message_fr = "Ce type de fichier n'est pas accepté (acceptés : " + list + ").";
    e.message_en = "This type of file is not accepted (accepted: " + list + ").";
    return e;
  }
  if (directory::reencodable_image(mime)) {
    auto clean = directory::reencode_image(bytes, mime, field);
    if (!clean) return std::move(clean).error();
    return Checked{std::move(mime), std::move(*clean)};
  }
  return Checked{std::move(mime), std::move(bytes)};
}

}  // namespace cabinet::uploads
