#include "directory/photo.hpp"

#include <magic.h>
#include <vips/vips.h>

#include <cstdint>
#include <memory>
#include <mutex>

namespace cabinet::directory {
namespace {

constexpr int kSide = 512;
constexpr int kMaxSourceSide = 12000;  // a 5 MB file claiming more is a decompression bomb

Error unsupported() { return Error(ErrorCode::unsupported_media_type, "photo type"); }

Error unreadable(const std::string& field = "photo") {
  return Error::invalid(field, "Cette image est illisible ou trop grande (12 000 pixels au plus).",
                        "This image cannot be read or is too large (12,000 pixels at most).");
}

void init_vips() {
  static std::once_flag once;
  std::call_once(once, [] {
    (void)VIPS_INIT("cabinet");
    vips_cache_set_max(0);  // each upload is seen once: caching only holds memory
    vips_concurrency_set(1);
  });
}

struct MagicHandle {
  magic_t handle = nullptr;
  MagicHandle() {
    handle = magic_open(MAGIC_MIME_TYPE);
    if (handle != nullptr && magic_load(handle, nullptr) != 0) {
      magic_close(handle);
      handle = nullptr;
    }
  }
  ~MagicHandle() {
    if (handle != nullptr) magic_close(handle);
  }
};

struct Unref {
  void operator()(void* p) const { g_object_unref(p); }
};

// Width and height from the header only (vips loads lazily): absurd ones are refused before any
// pixel is decoded.
bool sane_dimensions(VipsImage* image) {
  return vips_image_get_width(image) <= kMaxSourceSide &&
         vips_image_get_height(image) <= kMaxSourceSide;
}

// The bytes libvips may be given: a PNG's chunks are checked first (png_chunks_fit).
bool loadable(std::string_view bytes, std::string_view mime) {
  return mime != "image/png" || png_chunks_fit(bytes);
}

}  // namespace

// png_chunks_fit (photo.hpp): libvips' PNG loader (libspng, Debian 12)
// allocates a text chunk at its declared length before reading it: a 90-byte file declaring a
// 2 GB tEXt chunk took 2 GB of memory and 5 seconds (found by fuzz/upload_type). A chunk that
// claims more than what follows is a truncated or forged file either way.
bool png_chunks_fit(std::string_view bytes) {
  constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);
  if (!bytes.starts_with(kSignature)) return false;
  std::size_t at = kSignature.size();
  while (at < bytes.size()) {
    if (bytes.size() - at < 12) return false;  // length, type and CRC at least
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data() + at);
    const std::uint32_t length = (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) |
                                 (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
    if (length > bytes.size() - at - 12) return false;
    if (bytes.substr(at + 4, 4) == "IEND") return true;
    at += 12 + std::size_t{length};
  }
  return false;  // no IEND: cut off
}

std::string sniff_mime(std::string_view bytes) {
  // A libmagic handle is not thread-safe: one per thread.
  thread_local MagicHandle magic;
  if (magic.handle == nullptr) return "application/octet-stream";
  const char* type = magic_buffer(magic.handle, bytes.data(), bytes.size());
  return type != nullptr ? type : "application/octet-stream";
}

Result<std::string> reencode_photo(std::string_view bytes) {
  if (bytes.size() > kMaxPhotoBytes) return Error(ErrorCode::payload_too_large);
  const auto mime = sniff_mime(bytes);
  if (mime != "image/jpeg" && mime != "image/png" && mime != "image/webp") return unsupported();
  if (!loadable(bytes, mime)) return unreadable();
  init_vips();
  // The header only (vips loads lazily): refuse absurd dimensions before any pixel is decoded.
  std::unique_ptr<VipsImage, Unref> header(vips_image_new_from_buffer(
      bytes.data(), bytes.size(), "", "access", VIPS_ACCESS_SEQUENTIAL, nullptr));
  if (!header) {
    vips_error_clear();
    return unreadable();
  }
  if (!sane_dimensions(header.get())) return unreadable();
  header.reset();

  VipsImage* thumb = nullptr;
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &thumb, kSide, "height",
                            kSide, "size", VIPS_SIZE_DOWN, "no_rotate", FALSE, nullptr) != 0) {
    vips_error_clear();
    return unreadable();
  }
  std::unique_ptr<VipsImage, Unref> owned(thumb);
  // Photos with an alpha channel (PNG) are flattened on white, as a JPEG has no transparency.
  VipsImage* flat = nullptr;
  if (vips_image_hasalpha(thumb)) {
    VipsArrayDouble* white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    const int rc = vips_flatten(thumb, &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (rc != 0) {
      vips_error_clear();
      return unreadable();
    }
    owned.reset(flat);
  }
  void* out = nullptr;
  std::size_t size = 0;
  if (vips_jpegsave_buffer(owned.get(), &out, &size, "Q", 85, "strip", TRUE, "interlace", TRUE,
                           nullptr) != 0) {
    vips_error_clear();
    return unreadable();
  }
  std::string jpeg(static_cast<const char*>(out), size);
  g_free(out);
  return jpeg;
}

bool reencodable_image(std::string_view mime) {
  return mime == "image/jpeg" || mime == "image/png" || mime == "image/webp" ||
         mime == "image/tiff";
}

Result<std::string> reencode_image(std::string_view bytes, std::string_view mime,
                                   const std::string& field) {
  if (!reencodable_image(mime)) return unsupported();
  if (!loadable(bytes, mime)) return unreadable(field);
  init_vips();
  std::unique_ptr<VipsImage, Unref> image(
      vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
  if (!image) {
    vips_error_clear();
    return unreadable(field);
  }
  if (!sane_dimensions(image.get())) return unreadable(field);
  // Upright before the orientation tag goes with the rest of the metadata.
  VipsImage* step = nullptr;
  if (vips_autorot(image.get(), &step, nullptr) != 0) {
    vips_error_clear();
    return unreadable(field);
  }
  image.reset(step);
  // "strip" drops the colour profile too: convert to sRGB first so that colours (a skin, a
  // rash) stay as the phone showed them. An unusable profile leaves the pixels as they are.
  if (vips_image_get_typeof(image.get(), VIPS_META_ICC_NAME) != 0) {
    if (vips_icc_transform(image.get(), &step, "srgb", "embedded", TRUE, nullptr) == 0) {
      image.reset(step);
    } else {
      vips_error_clear();
    }
  }
  void* out = nullptr;
  std::size_t size = 0;
  int rc = -1;
  if (mime == "image/jpeg") {
    rc = vips_jpegsave_buffer(image.get(), &out, &size, "Q", 90, "strip", TRUE, nullptr);
  } else if (mime == "image/png") {
    rc = vips_pngsave_buffer(image.get(), &out, &size, "strip", TRUE, nullptr);
  } else if (mime == "image/webp") {
    rc = vips_webpsave_buffer(image.get(), &out, &size, "Q", 90, "strip", TRUE, nullptr);
  } else {
    rc = vips_tiffsave_buffer(image.get(), &out, &size, "strip", TRUE, nullptr);
  }
  if (rc != 0) {
    vips_error_clear();
    return unreadable(field);
  }
  std::string encoded(static_cast<const char*>(out), size);
  g_free(out);
  return encoded;
}

}  // namespace cabinet::directory
