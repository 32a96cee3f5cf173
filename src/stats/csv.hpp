#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "core/locale.hpp"

namespace cabinet::stats {

// The statistics as French Excel opens them: UTF-8 with a byte-order mark, ';' between cells,
// ',' as the decimal mark, CRLF line ends; a suppressed cell reads "<5" (the threshold), a
// value without data is empty. One line per period, then the totals.
std::string to_csv(const nlohmann::json& stats, Locale locale);

}  // namespace cabinet::stats
