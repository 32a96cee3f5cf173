#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// Structured logs: one JSON object per line on stdout (or a file), with "time", "level",
// "msg" and the caller's fields. spdlog stays behind this header because it is costly to
// compile (4 s per translation unit here).
namespace cabinet::log {

enum class Level { debug, info, warn, error };

struct Options {
  Level level = Level::info;
  std::string file;  // empty: standard output
};

void init(const Options& options);
// Lines are buffered and written at least every 250 ms, at once for warnings and errors.
// Call flush() after a line someone waits for (the "listening" line, shutdown).
void flush();
[[nodiscard]] bool enabled(Level level);
void write(Level level, std::string_view msg, const nlohmann::json& fields);

std::optional<Level> parse_level(std::string_view name);

// A log line built without a JSON library, for lines written on every request. Keys are
// trusted literals; string values are escaped (and invalid UTF-8 replaced).
class Line {
 public:
  explicit Line(std::string_view msg);
  Line(const Line&) = delete;
  Line& operator=(const Line&) = delete;
  ~Line() = default;
  Line& add(std::string_view key, std::string_view value);
  Line& add(std::string_view key, std::int64_t value);
  Line& add_fixed(std::string_view key, double value, int decimals);
  void write(Level level);

 private:
  std::string& text_;  // a per-thread buffer reused by every line
};

// Appends `value` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view value);

inline void debug(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object()) {
  if (enabled(Level::debug)) write(Level::debug, msg, fields);
}
inline void info(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object()) {
  if (enabled(Level::info)) write(Level::info, msg, fields);
}
inline void warn(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object()) {
  if (enabled(Level::warn)) write(Level::warn, msg, fields);
}
inline void error(std::string_view msg, const nlohmann::json& fields = nlohmann::json::object()) {
  if (enabled(Level::error)) write(Level::error, msg, fields);
}

}  // namespace cabinet::log
