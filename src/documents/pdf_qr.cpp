#include "documents/pdf_qr.hpp"

#include <qrencode.h>

#include <memory>
#include <vector>

namespace cabinet::documents::pdf {
namespace {

struct Run {
  int x;
  int y;
  int length;
};

}  // namespace

std::optional<Draw> qr_code(const std::string& text, double x, double y, double size) {
  if (text.empty()) return std::nullopt;
  const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return std::nullopt;
  // Dark modules merged into horizontal runs: fewer path operations, and one fill of the whole
  // path, so that neighbouring squares show no anti-aliased seam a scanner could trip on.
  const int n = code->width;
  std::vector<Run> runs;
  for (int row = 0; row < n; ++row) {
    for (int col = 0; col < n;) {
      if ((code->data[row * n + col] & 1) == 0) {
        ++col;
        continue;
      }
      const int start = col;
      while (col < n && (code->data[row * n + col] & 1) != 0) ++col;
      runs.push_back({start, row, col - start});
    }
  }
  const double module = size / n;
  return [runs = std::move(runs), x, y, module](cairo_t* cr) {
    for (const auto& run : runs) {
      cairo_rectangle(cr, x + run.x * module, y + run.y * module, run.length * module, module);
    }
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_fill(cr);
  };
}

}  // namespace cabinet::documents::pdf
