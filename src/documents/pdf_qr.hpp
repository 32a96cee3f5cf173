#pragma once

#include <optional>
#include <string>

#include "documents/pdf_layout.hpp"

namespace cabinet::documents::pdf {

// The QR code of `text` (error correction M) as filled vector squares, `size` points wide with
// its top-left corner at (x, y); nullopt when it cannot be encoded (empty or too long).
std::optional<Draw> qr_code(const std::string& text, double x, double y, double size);

}  // namespace cabinet::documents::pdf
