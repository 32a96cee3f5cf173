#include "core/log.hpp"

#include <fmt/format.h>
#include <spdlog/details/null_mutex.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <stop_token>
#include <thread>

#include "core/utf8.hpp"

namespace cabinet::log {
namespace {

std::atomic<Level> g_level{Level::info};
std::shared_ptr<spdlog::logger> g_logger;

// Flushes the buffered lines four times a second (spdlog's flush_every counts whole seconds).
class Flusher {
 public:
  explicit Flusher(std::shared_ptr<spdlog::logger> logger)
      : thread_([logger = std::move(logger)](const std::stop_token& stop) {
          std::mutex m;
          std::condition_variable_any cv;
          std::unique_lock lock(m);
          while (!stop.stop_requested()) {
            // Wakes after 250 ms, or at once when the jthread is asked to stop.
            cv.wait_for(lock, stop, std::chrono::milliseconds(250), [] { return false; });
            logger->flush();
          }
        }) {}

 private:
  std::jthread thread_;
};
std::unique_ptr<Flusher> g_flusher;

// Each thread appends its lines to its own buffer, with no lock shared between threads (the
// I/O threads log every request); a buffer is written out with one write() when it passes
// 32 KiB, when a warning or error is logged, and four times a second by the flusher. Writes
// are serialised so that lines never interleave. What a crash can lose is bounded to a
// quarter of a second of access lines (nginx's "buffer=" makes the same trade). Lines of
// different threads can reach the file up to that much out of order; each carries its time.
class ThreadBufferedSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 public:
  explicit ThreadBufferedSink(const std::string& path) {
    if (path.empty()) {
      fd_ = 1;
    } else {
      fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
      if (fd_ < 0) throw spdlog::spdlog_ex("cannot open log file " + path, errno);
      owned_ = true;
    }
  }
  ThreadBufferedSink(const ThreadBufferedSink&) = delete;
  ThreadBufferedSink& operator=(const ThreadBufferedSink&) = delete;
  ~ThreadBufferedSink() override {
    flush_();
    if (owned_) ::close(fd_);
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    auto& local = buffer();
    std::lock_guard lock(local.mutex);  // uncontended: only the flusher ever takes it too
    spdlog::memory_buf_t formatted;
    local.formatter->format(msg, formatted);
    local.data.append(formatted.data(), formatted.size());
    if (local.data.size() >= kFlushAt) write_out(local.data);
  }

  void flush_() override {
    std::vector<std::shared_ptr<Buffer>> all;
    {
      std::lock_guard lock(registry_mutex_);
      all = buffers_;
    }
    // The calling thread's own lines go last: a line logged just before flush() ("stopped",
    // an error) then follows what the other threads had buffered.
    Buffer* own = current_;
    for (auto& b : all) {
      if (b.get() == own) continue;
      std::lock_guard lock(b->mutex);
      write_out(b->data);
    }
    if (own != nullptr && own_sink_ == this) {
      std::lock_guard lock(own->mutex);
      write_out(own->data);
    }
  }

  void set_formatter_(std::unique_ptr<spdlog::formatter> f) override {
    formatter_ = std::move(f);
    std::lock_guard lock(registry_mutex_);
    for (auto& b : buffers_) {
      std::lock_guard buffer_lock(b->mutex);
      b->formatter = formatter_->clone();
    }
  }

 private:
  static constexpr std::size_t kFlushAt = 32UL * 1024;
  struct Buffer {
    std::mutex mutex;
    std::string data;
    std::unique_ptr<spdlog::formatter> formatter;  // pattern formatters cache state: one per thread
  };

  Buffer& buffer() {
    thread_local std::shared_ptr<Buffer> mine;
    thread_local const ThreadBufferedSink* owner = nullptr;
    if (owner != this || !mine) {
      mine = std::make_shared<Buffer>();
      mine->data.reserve(kFlushAt + 4096);
      std::lock_guard lock(registry_mutex_);
      mine->formatter = formatter_->clone();
      buffers_.push_back(mine);
      owner = this;
      current_ = mine.get();
      own_sink_ = this;
    }
    return *mine;
  }

  // This thread's buffer in the current sink, for flush_() to order its writes.
  static inline thread_local Buffer* current_ = nullptr;
  static inline thread_local const ThreadBufferedSink* own_sink_ = nullptr;

  void write_out(std::string& data) {
    if (data.empty()) return;
    std::lock_guard lock(write_mutex_);
    const char* p = data.data();
    std::size_t left = data.size();
    while (left > 0) {
      const auto n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;  // nowhere to log to: drop rather than block the server
      p += n;
      left -= static_cast<std::size_t>(n);
    }
    data.clear();
  }

  int fd_ = -1;
  bool owned_ = false;
  std::mutex registry_mutex_;
  std::vector<std::shared_ptr<Buffer>> buffers_;
  std::mutex write_mutex_;
};

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

void emit(Level level, std::string_view line) {
  if (!g_logger) {
    // Before init (e.g. a configuration error): stderr, still one JSON object per line.
    std::fprintf(stderr, "{\"level\":\"%s\",%.*s}\n",
                 spdlog::level::to_string_view(to_spdlog(level)).data(),
                 static_cast<int>(line.size()), line.data());
    return;
  }
  g_logger->log(to_spdlog(level), spdlog::string_view_t(line.data(), line.size()));
}

std::string& line_buffer() {
  thread_local std::string buffer;
  return buffer;
}

}  // namespace

void init(const Options& options) {
  g_level = options.level;
  if (g_logger) g_logger->flush();
  auto logger = std::make_shared<spdlog::logger>(
      "cabinet", std::make_shared<ThreadBufferedSink>(options.file));
  logger->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                      spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::trace);
  logger->flush_on(spdlog::level::warn);
  g_flusher.reset();
  g_flusher = std::make_unique<Flusher>(logger);
  g_logger = std::move(logger);
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
  emit(level, line);
}

std::optional<Level> parse_level(std::string_view name) {
  if (name == "debug") return Level::debug;
  if (name == "info") return Level::info;
  if (name == "warn" || name == "warning") return Level::warn;
  if (name == "error") return Level::error;
  return std::nullopt;
}

void append_json_string(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  // 1 for bytes that need rewriting: '"', '\\' and control characters; bytes >= 0x80 are
  // plain only when the whole string is valid UTF-8, checked once when one is seen.
  static constexpr auto kSpecial = [] {
    std::array<std::uint8_t, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[static_cast<std::size_t>(c)] = 1;
    t['"'] = 1;
    t['\\'] = 1;
    for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 2;
    return t;
  }();
  int utf8 = -1;  // unknown until a byte >= 0x80 appears
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    const auto kind = kSpecial[c];
    if (kind == 0) continue;
    if (kind == 2) {
      if (utf8 < 0) utf8 = is_valid_utf8(value) ? 1 : 0;
      if (utf8 == 1) continue;
    }
    out.append(value.data() + run, i - run);
    run = i + 1;
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHex[c >> 4U];
      out += kHex[c & 0x0fU];
    } else {
      out += "\\ufffd";
    }
  }
  out.append(value.data() + run, value.size() - run);
  out += '"';
}

Line::Line(std::string_view msg) : text_(line_buffer()) {
  text_.clear();
  text_ += "\"msg\":";
  append_json_string(text_, msg);
}

Line& Line::add(std::string_view key, std::string_view value) {
  text_ += ",\"";
  text_ += key;
  text_ += "\":";
  append_json_string(text_, value);
  return *this;
}

Line& Line::add(std::string_view key, std::int64_t value) {
  text_ += ",\"";
  text_ += key;
  text_ += "\":";
  std::array<char, 24> digits{};
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), value);
  text_.append(digits.data(), end);
  return *this;
}

Line& Line::add_fixed(std::string_view key, double value, int decimals) {
  fmt::format_to(std::back_inserter(text_), ",\"{}\":{:.{}f}", key, value, decimals);
  return *this;
}

void Line::write(Level level) {
  if (enabled(level)) emit(level, text_);
}

}  // namespace cabinet::log
