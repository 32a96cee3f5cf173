#pragma once

// Small files built by hand for the upload gate's tests (src/uploads/checked_file_test.cpp,
// tests/flows/health_*_test.cpp): a one-page PDF with optional extra catalog entries and
// objects, a 2×2 PNG, and a JPEG made from it.
#include <array>
#include <cstdio>
#include <string>
#include <vector>

#include "directory/photo.hpp"

namespace cabinet::test_files {

// A one-page PDF saying "Bonjour", with correct cross-references. `catalog` is added to the
// catalog dictionary; `extra` (when not empty) becomes object 5, `extra2` object 6.
inline std::string pdf(const std::string& catalog = "", const std::string& extra = "",
                       const std::string& extra2 = "<< >>") {
  const std::string content = "BT /F1 12 Tf 20 100 Td (Bonjour) Tj ET";
  std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R " + catalog + " >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R"
      " /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"
      " >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  if (!extra.empty()) {
    objects.push_back(extra);
    objects.push_back(extra2);
  }
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const auto xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (auto o : offsets) {
    std::array<char, 32> line{};
    std::snprintf(line.data(), line.size(), "%010zu 00000 n \n", o);
    out += line.data();
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

// 2×2 pixels, RGB.
inline std::string png() {
  return {
      "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52"
      "\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a"
      "\x73\x00\x00\x00\x10\x49\x44\x41\x54\x78\x9c\x63\xf8\xcf\xc0\x00"
      "\x44\x0c\x10\x0a\x00\x1f\xee\x03\xfd\x8b\x5f\x14\xd4\x00\x00\x00"
      "\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
      73};
}

// The same picture as a JPEG (libvips' encoder).
inline std::string jpeg() {
  auto r = directory::reencode_photo(png());
  return r ? *r : std::string();
}

}  // namespace cabinet::test_files
