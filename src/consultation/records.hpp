#pragma once

// The pure parts of the consultation record (records.cpp): names of shared files and the
// patient's age, unit-tested in records_test.cpp.
#include <optional>
#include <string>
#include <string_view>

#include "agenda/local_time.hpp"

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

// Whole years from `birth_date` (YYYY-MM-DD) to `today`; nullopt when malformed or later than
// today. Someone born on 29 February is a year older on 1 March of common years.
std::optional<int> age_on(std::string_view birth_date, agenda::LocalDate today);

}  // namespace cabinet::consultation
