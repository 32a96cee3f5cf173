#include "core/periodic.hpp"

#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "core/log.hpp"

namespace cabinet {
namespace asio = boost::asio;

struct Periodic::Loop {
  explicit Loop(asio::io_context& io) : timer(io) {}
  asio::steady_timer timer;
  std::atomic<bool> stopped{false};
  std::function<void()> on_exit;  // set by stop(), run by the loop's own thread
};

Periodic::~Periodic() {
  if (loop_) loop_->stopped = true;
}

void Periodic::start(asio::io_context& io, std::chrono::milliseconds interval, std::string name,
                     Pass pass) {
  loop_ = std::make_shared<Loop>(io);
  asio::co_spawn(
      io,
      [loop = loop_, interval, name = std::move(name), pass = std::move(pass)]() -> Task<void> {
        while (!loop->stopped) {
          try {
            if (co_await pass()) continue;
          } catch (const std::exception& e) {
            log::error(name + " threw", {{"error", e.what()}});
          }
          if (loop->stopped) break;
          loop->timer.expires_after(interval);
          co_await loop->timer.async_wait(asio::as_tuple(asio::use_awaitable));
        }
        if (loop->on_exit) loop->on_exit();
      },
      asio::detached);
}

void Periodic::wake() {
  if (auto loop = loop_) asio::post(loop->timer.get_executor(), [loop] { loop->timer.cancel(); });
}

void Periodic::stop(std::function<void()> done) {
  auto loop = loop_;
  if (!loop || loop->stopped) {
    if (done) done();
    return;
  }
  // On the loop's thread, so that setting on_exit and the flag cannot race with the loop.
  asio::post(loop->timer.get_executor(), [loop, done = std::move(done)]() mutable {
    loop->on_exit = std::move(done);
    loop->stopped = true;
    loop->timer.cancel();
  });
}

}  // namespace cabinet
