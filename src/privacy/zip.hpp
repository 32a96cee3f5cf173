#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// A ZIP archive built in memory (APPNOTE 6.3: local headers, central directory, end record; no
// ZIP64, so at most 65 535 entries and 4 GiB), each entry deflated with zlib unless that does
// not make it smaller (JPEG, PNG), then stored. Names are UTF-8 (general purpose bit 11). The
// RGPD export's container (docs/accounts.md "Export"): every unzip, Windows' and macOS'
// built-in ones included, opens it.
namespace cabinet::privacy {

class ZipWriter {
 public:
  // `modified` (Unix seconds, UTC) is written as the entry's MS-DOS date and time.
  Result<void> add(std::string_view name, std::string_view bytes, std::int64_t modified);
  // The archive; the writer is left empty.
  Result<std::string> finish();

 private:
  struct Entry {
    std::string name;
    std::uint32_t crc = 0;
    std::uint32_t compressed = 0;
    std::uint32_t size = 0;
    std::uint16_t method = 0;
    std::uint16_t time = 0;
    std::uint16_t date = 0;
    std::uint32_t offset = 0;
  };
  void described(const Entry& e);
  std::string out_;
  std::vector<Entry> entries_;
};

}  // namespace cabinet::privacy
