#pragma once

// qpdf itself, apart (pdf_gate.cpp turns the outcome into the gate's errors): qpdf 11's headers
// do not compile as C++20 under clang with libstdc++ 12 (JSON.hh's vector of an incomplete
// type), so this file is compiled as C++17 and includes nothing of the project's.
#include <string>
#include <string_view>

namespace cabinet::uploads::qpdf_scan {

enum class Finding { none, script, launch, embedded, media, form, automatic, link, unreadable };

struct Outcome {
  Finding finding = Finding::none;
  std::string bytes;  // the rewrite, when nothing was found
};

// Parses `bytes`, looks at every object for active content, and rewrites the document.
Outcome rewrite(std::string_view bytes);

}  // namespace cabinet::uploads::qpdf_scan
