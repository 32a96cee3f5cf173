#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

// The reference lists' types (docs/reference-data.md).
namespace cabinet::reference {

struct Drug {
  std::string public_id;  // the BDPM CIS code, or the built-in list's slug
  std::string name;
  std::string form;
  std::string strength;
  std::vector<std::string> substances;
  std::string source;  // "builtin" | "bdpm"
};

// A pharmacy as it is written (demo data, FINESS import).
struct PharmacyRecord {
  std::string public_id;
  std::optional<std::string> finess;
  std::string name;
  std::string address;
  std::string postcode;
  std::string city;
  std::optional<std::string> commune_code;
  std::optional<std::string> phone;
  std::optional<std::string> mssante;
  std::string source;  // "demo" | "finess"
};

// What reading one file gave: every line is used, ignored by a rule (a withdrawn drug, an
// establishment that is not a pharmacy), or bad (counted, the first few described).
struct FileReport {
  std::string file;
  std::size_t lines = 0;
  std::size_t used = 0;
  std::size_t ignored = 0;
  std::size_t bad = 0;
  std::vector<std::string> errors;  // "line 12: …", at most kMaxErrors

  static constexpr std::size_t kMaxErrors = 20;
  void error(std::size_t line, const std::string& what);
  // Too many bad lines to trust the file: more than 5% of them, and more than 10.
  [[nodiscard]] bool untrustworthy() const { return bad > 10 && bad * 20 > lines; }
};

struct ImportReport {
  std::vector<FileReport> files;
  std::size_t written = 0;  // rows inserted or updated
  std::size_t removed = 0;  // rows of the previous import replaced
};

}  // namespace cabinet::reference
