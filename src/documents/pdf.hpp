#pragma once

#include <string>

#include "documents/rendering.hpp"

// The PDF of an issued document (docs/documents.md, "PDFs are drawn by the server"): A4, French,
// DejaVu Sans through pango and cairo, the prescription's QR code drawn as vectors. Everything
// it shows is already worded in the Rendering; drawing takes no decision.
namespace cabinet::documents {

// The document's PDF bytes. Thread-safe (called concurrently from the blocking pool); never
// throws for content: long texts wrap and flow to new pages, invalid UTF-8 is replaced. Throws
// std::runtime_error only when cairo itself fails (out of memory).
std::string render_pdf(const Rendering& r);

}  // namespace cabinet::documents
