#include "core/runtime.hpp"

#include <atomic>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <thread>
#include <vector>

namespace asio = boost::asio;

namespace cabinet {

struct Runtime::Impl {
  explicit Impl(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  }
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::atomic<std::size_t> next{0};
};

Runtime::Runtime(std::size_t threads)
    : impl_(std::make_unique<Impl>(threads == 0 ? 1 : threads)),
      threads_(threads == 0 ? 1 : threads) {}

Runtime::~Runtime() = default;

asio::io_context& Runtime::io() { return *impl_->contexts.front(); }

asio::io_context& Runtime::next_io() {
  return *impl_->contexts[impl_->next.fetch_add(1, std::memory_order_relaxed) % threads_];
}

void Runtime::run() {
  // Work guards keep a context running while it has no connection of its own yet.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  for (auto& c : impl_->contexts) guards.push_back(asio::make_work_guard(*c));
  std::vector<std::thread> extra;
  extra.reserve(threads_ - 1);
  for (std::size_t i = 1; i < threads_; ++i) {
    extra.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->contexts.front()->run();
  for (auto& t : extra) t.join();
  for (auto& c : impl_->contexts) c->restart();
}

void Runtime::stop() {
  for (auto& c : impl_->contexts) c->stop();
}

struct BlockingPool::Impl {
  explicit Impl(std::size_t n) : pool(n) {}
  asio::thread_pool pool;
};

BlockingPool::BlockingPool(std::size_t threads)
    : impl_(std::make_unique<Impl>(threads == 0 ? 1 : threads)),
      threads_(threads == 0 ? 1 : threads) {}

BlockingPool::~BlockingPool() { stop(); }

void BlockingPool::stop() { impl_->pool.join(); }

Task<void> BlockingPool::run(std::function<void()> fn) {
  std::exception_ptr failure;
  auto initiate = [this, &fn, &failure](auto handler) {
    // Keep the awaiting coroutine's io_context alive while the work runs elsewhere.
    auto work = asio::make_work_guard(asio::get_associated_executor(handler));
    asio::post(impl_->pool, [h = std::move(handler), w = std::move(work), &fn, &failure]() mutable {
      try {
        fn();
      } catch (...) {
        failure = std::current_exception();
      }
      auto ex = w.get_executor();
      asio::post(ex, std::move(h));
    });
  };
  co_await asio::async_initiate<const asio::use_awaitable_t<>&, void()>(initiate,
                                                                        asio::use_awaitable);
  if (failure) std::rethrow_exception(failure);
}

}  // namespace cabinet
