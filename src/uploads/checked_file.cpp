// The upload gate (checked_file.hpp). Images are checked whole, then go through
// directory::reencode_image; PDFs through qpdf (pdf_gate.cpp); RTF and text are checked here.
#include "uploads/checked_file.hpp"

#include <algorithm>
#include <cstdint>

#include "core/utf8.hpp"
#include "directory/photo.hpp"
#include "uploads/pdf_gate.hpp"

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

Error unsafe(const std::string& field, std::string detail, std::string fr, std::string en) {
  Error e(ErrorCode::unsafe_file, std::move(detail));
  e.field = field;
  e.message_fr = std::move(fr);
  e.message_en = std::move(en);
  return e;
}

Error truncated(const std::string& field) {
  return unsafe(field, "image truncated",
                "Cette image est incomplète ou abîmée (envoi interrompu ?) : reprenez la photo "
                "ou envoyez le fichier à nouveau.",
                "This image is incomplete or damaged (an interrupted transfer?): take the photo "
                "again or send the file again.");
}

std::uint32_t big_endian(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at])) << 24U) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 1])) << 16U) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 2])) << 8U) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(b[at + 3]));
}

// libvips fills what is missing of a cut image with grey and succeeds: a truncated transfer
// would be stored as a different picture. The structure is walked up to its end marker first.
bool complete_png(std::string_view b) {
  std::size_t at = 8;  // the signature, which libmagic recognised
  while (at + 12 <= b.size()) {
    const std::uint64_t length = big_endian(b, at);
    const auto type = b.substr(at + 4, 4);
    if (length > b.size() - at - 12) return false;
    if (type == "IEND") return true;
    at += 12 + length;
  }
  return false;
}

bool complete_jpeg(std::string_view b) {
  std::size_t at = 2;  // SOI
  // Marker segments up to the first scan; then the end marker must follow the entropy-coded
  // data (where a 0xFF byte is always followed by 0x00 or a restart marker).
  while (at + 4 <= b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return false;
    const auto marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {
      ++at;
      continue;
    }
    const std::size_t length =
        (static_cast<unsigned char>(b[at + 2]) << 8U) | static_cast<unsigned char>(b[at + 3]);
    if (length < 2 || at + 2 + length > b.size()) return false;
    at += 2 + length;
    if (marker != 0xDA) continue;
    for (; at + 1 < b.size(); ++at) {
      if (static_cast<unsigned char>(b[at]) != 0xFF) continue;
      const auto next = static_cast<unsigned char>(b[at + 1]);
      if (next == 0xD9) return true;
      // Another marker segment between scans (progressive JPEGs): read it as above.
      if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) break;
    }
  }
  return false;
}

Result<void> check_rtf(std::string_view b, const std::string& field) {
  // \object, \objdata, \objemb…: an OLE object inside the document (a classic way in).
  if (b.find("\\obj") != std::string_view::npos) {
    return unsafe(field, "rtf object",
                  "Ce document RTF contient un objet intégré (un autre fichier ou programme) : "
                  "il ne peut pas être accepté. Enregistrez-le en PDF (« Imprimer en PDF ») et "
                  "envoyez ce nouveau fichier.",
                  "This RTF document contains an embedded object (another file or program): it "
                  "cannot be accepted. Save it as a PDF (\"Print to PDF\") and send that new "
                  "file.");
  }
  return ok();
}

Result<void> check_text(std::string_view b, const std::string& field) {
  if (b.find('\0') != std::string_view::npos || !is_valid_utf8(b)) {
    return unsafe(field, "text encoding",
                  "Ce fichier texte n'est pas en UTF-8 : enregistrez-le en UTF-8 ou en PDF.",
                  "This text file is not UTF-8: save it as UTF-8 or as a PDF.");
  }
  return ok();
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
  if ((mime == "image/png" && !complete_png(bytes)) ||
      (mime == "image/jpeg" && !complete_jpeg(bytes)))
    return truncated(field);
  if (mime == "application/pdf") {
    auto clean = rewrite_pdf(bytes, field);
    if (!clean) return std::move(clean).error();
    return Checked{std::move(mime), std::move(*clean)};
  }
  if (mime == "text/rtf") {
    if (auto r = check_rtf(bytes, field); !r) return std::move(r).error();
  }
  if (mime == "text/plain") {
    if (auto r = check_text(bytes, field); !r) return std::move(r).error();
  }
  if (directory::reencodable_image(mime)) {
    auto clean = directory::reencode_image(bytes, mime, field);
    if (!clean) return std::move(clean).error();
    return Checked{std::move(mime), std::move(*clean)};
  }
  return Checked{std::move(mime), std::move(bytes)};
}

}  // namespace cabinet::uploads
