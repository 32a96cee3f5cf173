#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

#include "core/async.hpp"

namespace boost::asio {
class io_context;
}

namespace cabinet {

// The process's I/O threads: one io_context per thread, each run by that thread alone.
// Connections are spread over the contexts and live on one thread for their whole life, so
// they need no strand and no cross-thread wake-up per operation (measured: two threads sharing
// one context served fewer requests than one thread; bench/README.md).
class Runtime {
 public:
  explicit Runtime(std::size_t threads);
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // The first context: start-up work, timers, signals, database pools.
  boost::asio::io_context& io();
  // The context for the next connection, round-robin over all of them. Thread-safe.
  boost::asio::io_context& next_io();
  [[nodiscard]] std::size_t threads() const { return threads_; }
  // Runs every context, each on its own thread (the caller's runs the first), until stop().
  void run();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::size_t threads_;
};

// Work that blocks or burns CPU (SQLite, Argon2id, PDF rendering) runs here so that a slow
// call never stalls the I/O threads. The awaiting coroutine resumes on its own executor.
class BlockingPool {
 public:
  explicit BlockingPool(std::size_t threads);
  ~BlockingPool();
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;

  [[nodiscard]] std::size_t threads() const { return threads_; }
  // Waits for queued work to finish and joins the threads.
  void stop();

  // Runs `fn` on a pool thread; an exception thrown by `fn` is rethrown in the awaiter.
  Task<void> run(std::function<void()> fn);

  // Runs `fn` on a pool thread and returns its value.
  template <class F>
  Task<std::invoke_result_t<F&>> call(F fn) {
    using R = std::invoke_result_t<F&>;
    if constexpr (std::is_void_v<R>) {
      co_await run(std::ref(fn));
    } else {
      std::optional<R> out;
      co_await run([&] { out.emplace(fn()); });
      co_return std::move(*out);
    }
  }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::size_t threads_;
};

}  // namespace cabinet
