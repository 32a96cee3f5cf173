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
void flush();
[[nodiscard]] bool enabled(Level level);
void write(Level level, std::string_view msg, const nlohmann::json& fields);

std::optional<Level> parse_level(std::string_view name);

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
