#include "privacy/zip.hpp"

#include <zlib.h>

#include <chrono>
#include <limits>

namespace cabinet::privacy {
namespace {

constexpr std::uint16_t kVersion = 20;        // 2.0: deflate
constexpr std::uint16_t kUtf8Names = 0x0800;  // general purpose bit 11
constexpr std::uint16_t kStored = 0;
constexpr std::uint16_t kDeflated = 8;
constexpr std::uint64_t kMax32 = std::numeric_limits<std::uint32_t>::max();

void u16(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v & 0xFFU);
  out += static_cast<char>((v >> 8U) & 0xFFU);
}
void u32(std::string& out, std::uint32_t v) {
  u16(out, v & 0xFFFFU);
  u16(out, v >> 16U);
}

// Raw deflate (no zlib header), as ZIP's method 8 wants; empty on failure.
std::string deflated(std::string_view bytes) {
  z_stream z{};
  if (deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    return {};
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())), '\0');
  // zlib's interface is not const-correct; it does not write to the input.
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));  // NOLINT
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());  // NOLINT
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return rc == Z_STREAM_END ? out : std::string();
}

// MS-DOS time and date (2-second resolution, years 1980–2107), from UTC.
std::pair<std::uint16_t, std::uint16_t> dos_time(std::int64_t unix_seconds) {
  using namespace std::chrono;
  const sys_seconds t{seconds(unix_seconds)};
  const auto day = floor<days>(t);
  year_month_day ymd{day};
  hh_mm_ss hms{t - day};
  int y = static_cast<int>(ymd.year());
  if (y < 1980) return {0, (1U << 5U) | 1U};  // 1980-01-01 00:00
  if (y > 2107) y = 2107;
  const auto time = static_cast<std::uint16_t>(
      (hms.hours().count() << 11) | (hms.minutes().count() << 5) | (hms.seconds().count() / 2));
  const auto date =
      static_cast<std::uint16_t>(((y - 1980) << 9) | (static_cast<unsigned>(ymd.month()) << 5U) |
                                 static_cast<unsigned>(ymd.day()));
  return {time, date};
}

}  // namespace

// The fields the local header and the central directory share (APPNOTE 4.3.7, 4.3.12): version
// needed, flags, method, time, date, CRC, sizes, name length, and no extra field.
void ZipWriter::described(const Entry& e) {
  u16(out_, kVersion);
  u16(out_, kUtf8Names);
  u16(out_, e.method);
  u16(out_, e.time);
  u16(out_, e.date);
  u32(out_, e.crc);
  u32(out_, e.compressed);
  u32(out_, e.size);
  u16(out_, static_cast<std::uint32_t>(e.name.size()));
  u16(out_, 0);  // extra field length
}

Result<void> ZipWriter::add(std::string_view name, std::string_view bytes, std::int64_t modified) {
  if (name.empty() || name.size() > 0xFFFF || bytes.size() >= kMax32 || entries_.size() >= 0xFFFF) {
    return Error(ErrorCode::internal, "zip entry out of the format's limits");
  }
  Entry e;
  e.name = std::string(name);
  e.size = static_cast<std::uint32_t>(bytes.size());
  e.crc = static_cast<std::uint32_t>(
      crc32(0L, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(bytes.size())));
  auto packed = deflated(bytes);
  const bool deflate = !packed.empty() && packed.size() < bytes.size();
  e.method = deflate ? kDeflated : kStored;
  const std::string_view data = deflate ? std::string_view(packed) : bytes;
  e.compressed = static_cast<std::uint32_t>(data.size());
  const auto [time, date] = dos_time(modified);
  e.time = time;
  e.date = date;
  if (out_.size() + 30 + name.size() + data.size() >= kMax32) {
    return Error(ErrorCode::internal, "zip archive over 4 GiB");
  }
  e.offset = static_cast<std::uint32_t>(out_.size());
  u32(out_, 0x04034b50);
  described(e);
  out_ += e.name;
  out_ += data;
  entries_.push_back(std::move(e));
  return ok();
}

Result<std::string> ZipWriter::finish() {
  const auto directory = out_.size();
  for (const auto& e : entries_) {
    u32(out_, 0x02014b50);
    u16(out_, kVersion);  // made by: MS-DOS attributes, version 2.0
    described(e);
    u16(out_, 0);  // comment
    u16(out_, 0);  // disk
    u16(out_, 0);  // internal attributes
    u32(out_, 0);  // external attributes
    u32(out_, e.offset);
    out_ += e.name;
  }
  if (out_.size() >= kMax32) return Error(ErrorCode::internal, "zip archive over 4 GiB");
  const auto size = out_.size() - directory;
  u32(out_, 0x06054b50);
  u16(out_, 0);
  u16(out_, 0);
  u16(out_, static_cast<std::uint32_t>(entries_.size()));
  u16(out_, static_cast<std::uint32_t>(entries_.size()));
  u32(out_, static_cast<std::uint32_t>(size));
  u32(out_, static_cast<std::uint32_t>(directory));
  u16(out_, 0);  // no comment
  entries_.clear();
  return std::move(out_);
}

}  // namespace cabinet::privacy
