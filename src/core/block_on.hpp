#pragma once

// Runs a coroutine to completion on an io_context from synchronous code: start-up work,
// command-line subcommands and tests. Never from inside the running server.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <exception>
#include <optional>
#include <thread>
#include <vector>

#include "core/async.hpp"

namespace cabinet {

// `threads` > 1 runs the context on several threads, so that tests can race coroutines for
// real; the context must have no other work, since it runs until it is out of work.
template <class T>
T block_on(boost::asio::io_context& io, Task<T> task, std::size_t threads = 1) {
  std::optional<T> out;
  std::exception_ptr failure;
  boost::asio::co_spawn(
      io,
      [](Task<T> t, std::optional<T>& o) -> Task<void> { o.emplace(co_await std::move(t)); }(
                                             std::move(task), out),
      [&failure](std::exception_ptr e) { failure = std::move(e); });
  std::vector<std::thread> extra;
  for (std::size_t i = 1; i < threads; ++i) extra.emplace_back([&io] { io.run(); });
  io.run();
  for (auto& t : extra) t.join();
  io.restart();
  if (failure) std::rethrow_exception(failure);
  return std::move(*out);
}

inline void block_on(boost::asio::io_context& io, Task<void> task, std::size_t threads = 1) {
  struct Done {};
  block_on(
      io,
      [](Task<void> t) -> Task<Done> {
        co_await std::move(t);
        co_return Done{};
      }(std::move(task)),
      threads);
}

}  // namespace cabinet
