// Uploads judged by their content, on arbitrary bytes: libmagic's type, then what the server
// does with an image of an accepted type (re-encoding without metadata through libvips, the
// portrait's 512×512 JPEG), and the file name of the X-File-Name header with the download's
// Content-Disposition. The first byte picks the path, so that the costly re-encoding runs on a
// quarter of the inputs only; that quarter also goes through the whole upload gate
// (uploads::check: qpdf's parse and rewrite of PDFs, RTF and text checks).
#include <cstdint>
#include <string>
#include <string_view>

#include "consultation/file_names.hpp"
#include "directory/photo.hpp"
#include "uploads/checked_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 4) {
    case 0: {
      const auto mime = cabinet::directory::sniff_mime(bytes);
      if (cabinet::directory::reencodable_image(mime)) {
        auto clean = cabinet::directory::reencode_image(bytes, mime, "file");
        // What is stored is an image of the same type again, without the metadata.
        if (clean && cabinet::directory::sniff_mime(*clean) != mime) __builtin_trap();
      }
      const cabinet::uploads::Rules rules{cabinet::uploads::default_types(), 1UL << 20};
      auto gated = cabinet::uploads::check(std::string(bytes), rules, "file");
      // What passes the gate is of the type it claims: a rewritten PDF is still a PDF.
      if (gated && gated->mime == "application/pdf" && !gated->bytes.starts_with("%PDF-"))
        __builtin_trap();
      break;
    }
    case 1: {
      auto photo = cabinet::directory::reencode_photo(bytes);
      if (photo && cabinet::directory::sniff_mime(*photo) != "image/jpeg") __builtin_trap();
      break;
    }
    default: {
      const auto name = cabinet::consultation::uploaded_file_name(bytes);
      if (name.empty() || name.find('/') != std::string::npos) __builtin_trap();
      (void)cabinet::consultation::attachment_disposition(name);
      (void)cabinet::directory::sniff_mime(bytes);
      break;
    }
  }
  return 0;
}
