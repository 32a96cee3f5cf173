#include "core/log.hpp"

#include <spdlog/async.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

namespace cabinet::log {
namespace {

std::atomic<Level> g_level{Level::info};
std::shared_ptr<spdlog::logger> g_logger;

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::debug:
      return spdlog::level::debug;
    case Level::info:
      return spdlog::level::info;
    case Level::warn:
      return spdlog::level::warn;
    case Level::error:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

std::string dump(const nlohmann::json& value) {
  // Invalid UTF-8 from a client (a path, a header) must not turn a log line into an exception.
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::shared_ptr<spdlog::logger> make_logger(const Options& options) {
  spdlog::init_thread_pool(8192, 1);
  spdlog::sink_ptr sink;
  if (options.file.empty()) {
    sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  } else {
    sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(options.file);
  }
  // Overflow blocks rather than drops: an access or audit line is never silently lost.
  auto logger = std::make_shared<spdlog::async_logger>("cabinet", sink, spdlog::thread_pool(),
                                                       spdlog::async_overflow_policy::block);
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                      spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::trace);
  logger->flush_on(spdlog::level::trace);
  return logger;
}

}  // namespace

void init(const Options& options) {
  g_level = options.level;
  if (g_logger) {
    g_logger->flush();
    spdlog::drop_all();
  }
  g_logger = make_logger(options);
}

void flush() {
  if (g_logger) g_logger->flush();
}

bool enabled(Level level) { return static_cast<int>(level) >= static_cast<int>(g_level.load()); }

void write(Level level, std::string_view msg, const nlohmann::json& fields) {
  std::string line = "\"msg\":";
  line += dump(nlohmann::json(msg));
  if (fields.is_object()) {
    for (const auto& [key, value] : fields.items()) {
      line += ',';
      line += dump(nlohmann::json(key));
      line += ':';
      line += dump(value);
    }
  }
  if (!g_logger) {
    // Before init (e.g. a configuration error): plain stderr, still one JSON object per line.
    std::fprintf(stderr, "{\"level\":\"%s\",%s}\n",
                 spdlog::level::to_string_view(to_spdlog(level)).data(), line.c_str());
    return;
  }
  g_logger->log(to_spdlog(level), "{}", line);
}

std::optional<Level> parse_level(std::string_view name) {
  if (name == "debug") return Level::debug;
  if (name == "info") return Level::info;
  if (name == "warn" || name == "warning") return Level::warn;
  if (name == "error") return Level::error;
  return std::nullopt;
}

}  // namespace cabinet::log
