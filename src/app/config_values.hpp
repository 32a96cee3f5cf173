#pragma once

#include <fmt/format.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/config.hpp"

// How a configuration value's text is read (app/config_keys.cpp's table uses them): whole
// numbers, sizes, durations, booleans and lists, and the setters that store one into a field of
// Config after checking its range.
namespace cabinet::app::config_values {

// The listener's, database's and WebSocket keys (config_server.cpp), appended to the table.
void add_server_keys(std::vector<KeyInfo>& k);
// The documents' teleservice keys (config_documents.cpp), appended to the table.
void add_documents_keys(std::vector<KeyInfo>& k);
// The rate limits' keys (config_limits.cpp), appended to the table.
void add_limits_keys(std::vector<KeyInfo>& k);
// The sign-in policy keys (config_security.cpp).
void add_security_keys(std::vector<KeyInfo>& k);

// A refused value (invalid_request), saying what was expected.
Error bad(const std::string& what);

Result<std::uint64_t> parse_uint(const std::string& text);
// "1MiB", "64KiB", "512" (bytes).
Result<std::size_t> parse_size(const std::string& text);
// "30s", "500ms", "2m", "1h", or a bare number of seconds.
Result<std::chrono::milliseconds> parse_duration(const std::string& text);
Result<bool> parse_bool(const std::string& text);
// The inverse of the parsers, as cabinet.toml would say it: 90000ms -> "90s", 600s -> "10m",
// 5242880 -> "5MiB", minutes of the day (420, 1440) -> "07:00-24:00".
std::string format_duration(std::chrono::milliseconds d);
std::string format_size(std::size_t bytes);
std::string format_window(int start_min, int end_min);
// "a, b ,,c" -> {"a", "b", "c"}: comma-separated items, trimmed, the empty ones dropped.
std::vector<std::string> parse_list(const std::string& v);
// "image/jpeg, Application/PDF" -> "image/jpeg,application/pdf": media types, comma-separated,
// trimmed and in lower case (as libmagic names them); at least one.
Result<std::string> parse_media_types(const std::string& v);

template <class T>
std::function<Result<void>(Config&, const std::string&)> count(T Config::*section,
                                                               std::size_t T::*field,
                                                               std::size_t min, std::size_t max) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    auto n = parse_uint(v);
    if (!n) return n.error();
    if (*n < min || *n > max) return bad(fmt::format("must be between {} and {}", min, max));
    c.*section.*field = *n;
    return ok();
  };
}

template <class T>
std::function<Result<void>(Config&, const std::string&)> size(T Config::*section,
                                                              std::size_t T::*field) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    auto n = parse_size(v);
    if (!n) return n.error();
    if (*n == 0) return bad("must be more than 0");
    c.*section.*field = *n;
    return ok();
  };
}

template <class T, class Duration>
std::function<Result<void>(Config&, const std::string&)> duration(T Config::*section,
                                                                  Duration T::*field) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    auto d = parse_duration(v);
    if (!d) return d.error();
    c.*section.*field = std::chrono::duration_cast<Duration>(*d);
    if ((c.*section.*field).count() <= 0) return bad("must be at least one unit");
    return ok();
  };
}

// A duration between `min` and `max` (inclusive), said in the refusal.
template <class T, class Duration>
std::function<Result<void>(Config&, const std::string&)> bounded(T Config::*section,
                                                                 Duration T::*field,
                                                                 std::chrono::milliseconds min,
                                                                 std::chrono::milliseconds max) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    auto d = parse_duration(v);
    if (!d) return d.error();
    if (*d < min || *d > max)
      return bad("must be between " + format_duration(min) + " and " + format_duration(max));
    c.*section.*field = std::chrono::duration_cast<Duration>(*d);
    return ok();
  };
}

template <class T>
std::function<Result<void>(Config&, const std::string&)> text(T Config::*section,
                                                              std::string T::*field) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    c.*section.*field = v;
    return ok();
  };
}

template <class T>
std::function<Result<void>(Config&, const std::string&)> flag(T Config::*section, bool T::*field) {
  return [=](Config& c, const std::string& v) -> Result<void> {
    auto b = parse_bool(v);
    if (!b) return b.error();
    c.*section.*field = *b;
    return ok();
  };
}

}  // namespace cabinet::app::config_values
