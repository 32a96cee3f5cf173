#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace cabinet {

// Wall-clock time, injected everywhere business rules read "now" so that tests control it.
// Instants are UTC; the database stores them as Unix seconds (ARCHITECTURE.md "Storage").
class Clock {
 public:
  using time_point = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  [[nodiscard]] virtual time_point now() const = 0;
  [[nodiscard]] std::int64_t unix_seconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(now().time_since_epoch()).count();
  }
};

class SystemClock final : public Clock {
 public:
  [[nodiscard]] time_point now() const override { return std::chrono::system_clock::now(); }
};

// The system clock shifted by a fixed offset: a development server (and the e2e suite) runs as
// if it were another instant, e.g. a Saturday at 23:55 Paris, while time still flows. Config
// refuses an offset outside development mode (dev.clock_offset).
class OffsetClock final : public Clock {
 public:
  explicit OffsetClock(std::chrono::seconds offset) : offset_(offset) {}
  [[nodiscard]] time_point now() const override {
    return std::chrono::system_clock::now() + offset_;
  }

 private:
  std::chrono::seconds offset_;
};

// A clock that moves only when told to; safe to read from any thread.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(time_point start) : micros_(to_micros(start)) {}
  [[nodiscard]] time_point now() const override {
    return time_point(std::chrono::microseconds(micros_.load()));
  }
  void set(time_point t) { micros_ = to_micros(t); }
  void advance(std::chrono::microseconds d) { micros_ += d.count(); }

 private:
  static std::int64_t to_micros(time_point t) {
    return std::chrono::duration_cast<std::chrono::microseconds>(t.time_since_epoch()).count();
  }
  std::atomic<std::int64_t> micros_;
};

}  // namespace cabinet
