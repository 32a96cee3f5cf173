#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "core/async.hpp"

namespace boost::asio {
class io_context;
}

namespace cabinet {

// A background job's loop (the outbox courier, the directory refresh, the booking jobs): runs
// `pass` at once and then every `interval`, on the I/O context, until stop(). A pass that
// returns true runs again at once (more work is waiting); wake() cuts the current wait short.
// A pass that throws is logged and the loop goes on.
class Periodic {
 public:
  using Pass = std::function<Task<bool>()>;

  Periodic() = default;
  // A loop still scheduled ends at its next check instead of running another pass.
  ~Periodic();
  Periodic(const Periodic&) = delete;
  Periodic& operator=(const Periodic&) = delete;

  void start(boost::asio::io_context& io, std::chrono::milliseconds interval, std::string name,
             Pass pass);
  void wake();
  // Ends the loop after the pass in progress, if any; `done` runs once it has exited (or at
  // once when the loop never started).
  void stop(std::function<void()> done = {});

 private:
  struct Loop;
  std::shared_ptr<Loop> loop_;
};

}  // namespace cabinet
