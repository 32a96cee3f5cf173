#pragma once

#include <string>
#include <string_view>

#include "http/message.hpp"

namespace cabinet::http {

// Renders the status line and headers of `response` into `out` (cleared first), ending with
// the blank line. Rendered by hand because Beast's serializer cost about 40k instructions per
// response here (bench/README.md). A header whose name or value holds CR or LF is dropped: it
// would let a value inject headers or a second response.
void render_head(std::string& out, const Response& response, unsigned version,
                 std::size_t content_length, bool keep_alive);

// RFC 9110 IMF-fixdate for the Date header, formatted once per second per thread.
std::string_view http_date();

std::string_view reason_phrase(int status);

}  // namespace cabinet::http
