#include "privacy/zip.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <map>

namespace cabinet::privacy {
namespace {

std::uint32_t le(const std::string& s, std::size_t at, int bytes) {
  std::uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) {
    v = (v << 8U) | static_cast<unsigned char>(s.at(at + static_cast<std::size_t>(i)));
  }
  return v;
}

std::string inflated(std::string_view packed, std::size_t size) {
  std::string out(size, '\0');
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, -15), Z_OK);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));  // NOLINT
  z.avail_in = static_cast<uInt>(packed.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());  // NOLINT
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  inflateEnd(&z);
  return out;
}

struct Read {
  std::string bytes;
  std::uint16_t method = 0;
  std::uint16_t flags = 0;
  std::uint16_t date = 0;
};

// A reader of what a ZipWriter writes, the way unzip reads it: from the end record through the
// central directory to each local header; the CRC is checked.
std::map<std::string, Read> read_zip(const std::string& zip) {
  std::map<std::string, Read> out;
  const auto end = zip.size() - 22;
  EXPECT_EQ(le(zip, end, 4), 0x06054b50U);
  const auto count = le(zip, end + 10, 2);
  auto at = static_cast<std::size_t>(le(zip, end + 16, 4));
  for (std::uint32_t i = 0; i < count; ++i) {
    EXPECT_EQ(le(zip, at, 4), 0x02014b50U);
    Read r;
    r.flags = static_cast<std::uint16_t>(le(zip, at + 8, 2));
    r.method = static_cast<std::uint16_t>(le(zip, at + 10, 2));
    r.date = static_cast<std::uint16_t>(le(zip, at + 14, 2));
    const auto crc = le(zip, at + 16, 4);
    const auto compressed = le(zip, at + 20, 4);
    const auto size = le(zip, at + 24, 4);
    const auto name_len = le(zip, at + 28, 2);
    const auto local = le(zip, at + 42, 4);
    const auto name = zip.substr(at + 46, name_len);
    EXPECT_EQ(le(zip, local, 4), 0x04034b50U);
    EXPECT_EQ(zip.substr(local + 30, le(zip, local + 26, 2)), name);
    const auto data = std::string_view(zip).substr(local + 30 + name_len, compressed);
    r.bytes = r.method == 8 ? inflated(data, size) : std::string(data);
    EXPECT_EQ(crc32(0L, reinterpret_cast<const Bytef*>(r.bytes.data()),
                    static_cast<uInt>(r.bytes.size())),
              crc);
    out[name] = r;
    at += 46 + name_len;
  }
  return out;
}

TEST(Zip, EntriesComeBackDeflatedOrStoredWithUtf8Names) {
  ZipWriter zip;
  const std::string json(5000, '{');
  std::string noise;
  std::uint32_t x = 12345;
  for (int i = 0; i < 3000; ++i) {
    x = x * 1103515245U + 12345U;
    noise += static_cast<char>(x >> 24U);
  }
  ASSERT_TRUE(zip.add("export.json", json, 1'795'338'000).ok());
  ASSERT_TRUE(zip.add("files/photo de l'éruption.png", noise, 1'795'338'000).ok());
  ASSERT_TRUE(zip.add("vide.txt", "", 0).ok());
  auto archive = zip.finish();
  ASSERT_TRUE(archive.ok());
  const auto entries = read_zip(*archive);
  ASSERT_EQ(entries.size(), 3U);
  EXPECT_EQ(entries.at("export.json").bytes, json);
  EXPECT_EQ(entries.at("export.json").method, 8);  // text shrinks: deflated
  EXPECT_EQ(entries.at("files/photo de l'éruption.png").bytes, noise);
  EXPECT_EQ(entries.at("files/photo de l'éruption.png").method, 0);  // does not: stored
  EXPECT_EQ(entries.at("vide.txt").bytes, "");
  EXPECT_EQ(entries.at("export.json").flags & 0x0800, 0x0800);
  // 2026-11-22: (2026 - 1980) << 9 | 11 << 5 | 22.
  EXPECT_EQ(entries.at("export.json").date, (46 << 9) | (11 << 5) | 22);
  EXPECT_EQ(entries.at("vide.txt").date, (1 << 5) | 1);  // before 1980: 1980-01-01
}

TEST(Zip, AnEmptyNameIsRefused) {
  ZipWriter zip;
  EXPECT_FALSE(zip.add("", "x", 0).ok());
}

}  // namespace
}  // namespace cabinet::privacy
