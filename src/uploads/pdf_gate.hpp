#pragma once

// The PDF half of the upload gate (checked_file.hpp): qpdf parses the file, every object is
// looked at for active content, and what is stored is qpdf's rewrite, so that nothing outside
// the document's objects (data after %%EOF, a polyglot's tail, unreferenced objects) survives.
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace cabinet::uploads {

// The rewritten PDF, or 422 `unsafe_file` naming in plain words what was found (JavaScript,
// a launch action, an embedded file…) or that the file cannot be read. `field` names the input.
Result<std::string> rewrite_pdf(std::string_view bytes, const std::string& field);

}  // namespace cabinet::uploads
