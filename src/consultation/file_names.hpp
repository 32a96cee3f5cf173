#pragma once

// Names of the files shared in a consultation (file_names.cpp), unit-tested in
// file_names_test.cpp.
#include <cstddef>
#include <string>
#include <string_view>

namespace cabinet::consultation {

inline constexpr std::size_t kMaxFileName = 200;  // characters

// The name of an uploaded file from its X-File-Name header (percent-encoded UTF-8): decoded,
// only the part after the last "/" or "\", without control or bidirectional-override
// characters (a name must not hide its real extension), trimmed, at most 200 characters;
// "fichier" when the header is missing, malformed or leaves nothing.
std::string uploaded_file_name(std::string_view header);

// The Content-Disposition of a download: attachment; filename*=UTF-8''<percent-encoded name>
// (RFC 6266, RFC 8187).
std::string attachment_disposition(std::string_view name);

}  // namespace cabinet::consultation
