#pragma once

// Many client WebSockets to a running `cabinet serve`, all on one I/O thread (cabinet-ws-bench,
// cabinet-queue-bench): opening them with their session cookie, one write in flight per socket,
// every message handed to the program with its arrival time on the steady clock.
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace cabinet::load {

namespace asio = boost::asio;
namespace beast = boost::beast;

using SteadyClock = std::chrono::steady_clock;

// The steady clock in nanoseconds: send and receive times compared within one process.
std::int64_t now_ns();

// One client socket. Everything touching it runs on the I/O thread.
struct WsSocket {
  explicit WsSocket(asio::io_context& io) : ws(io) {}
  beast::websocket::stream<beast::tcp_stream> ws;
  std::string cookie;
  bool hello = false;
  bool closed = false;
  bool closing = false;
  std::deque<std::string> out;  // one write in flight, the rest waits here
  bool writing = false;
  std::deque<std::int64_t> pings;  // send times of the pings not answered yet
  // In a consultation room:
  std::string consultation;
  std::string you;      // participant id, from "joined"
  int peer = -1;        // index of the paired socket
  std::size_t tag = 0;  // the program's own index for this socket
};

class WsPool {
 public:
  // Sees every message but `hello` (counted here), on the I/O thread, with its arrival time.
  using Handler = std::function<void(WsSocket&, std::string_view, std::int64_t)>;

  WsPool(asio::io_context& io, std::uint16_t port, Handler on_message)
      : io_(io), port_(port), on_message_(std::move(on_message)) {}

  std::vector<std::shared_ptr<WsSocket>> sockets;
  std::size_t hellos = 0;
  std::size_t closed = 0;
  std::size_t refused = 0;  // upgrades that failed
  std::string first_refusal;

  // Adds `n` sockets (not open yet) with the cookie `cookie(i)`; returns the first one's index.
  std::size_t add(std::size_t n, const std::function<std::string(std::size_t)>& cookie);

  // Opens sockets [from, to), at most `parallel` upgrades at once; returns once each got its
  // hello. Throws when one was refused.
  asio::awaitable<void> open(std::size_t from, std::size_t to, int parallel);
  asio::awaitable<void> close(std::size_t from, std::size_t to);
  void send(const std::shared_ptr<WsSocket>& s, std::string text);

  // Polls `done` every millisecond until it holds; throws after `limit`. (Callers pass named
  // lambdas: g++ 12 mishandles temporaries built inside a co_await expression.)
  template <class F>
  asio::awaitable<void> until(F done, SteadyClock::duration limit, const char* what) {
    const auto deadline = SteadyClock::now() + limit;
    asio::steady_timer timer(io_);
    while (!done()) {
      if (SteadyClock::now() > deadline)
        throw std::runtime_error(std::string("timed out waiting for ") + what);
      timer.expires_after(std::chrono::milliseconds(1));
      co_await timer.async_wait(asio::use_awaitable);
    }
  }

  // Sends `rate` messages per second for `seconds`, message k by `make(k)` (an open load: the
  // schedule does not wait for answers). Returns the rate actually achieved.
  template <class F>
  asio::awaitable<double> drive(int rate, int seconds, F make) {
    const auto total = static_cast<std::size_t>(rate) * static_cast<std::size_t>(seconds);
    const auto period = std::chrono::nanoseconds(1'000'000'000 / rate);
    const auto t0 = SteadyClock::now();
    asio::steady_timer timer(io_);
    std::size_t k = 0;
    while (k < total) {
      const auto due = t0 + period * static_cast<std::int64_t>(k);
      if (SteadyClock::now() < due) {
        timer.expires_at(due);
        co_await timer.async_wait(asio::use_awaitable);
      }
      const auto now = SteadyClock::now();
      while (k < total && t0 + period * static_cast<std::int64_t>(k) <= now) make(k++);
    }
    const double elapsed = std::chrono::duration<double>(SteadyClock::now() - t0).count();
    co_return static_cast<double>(total) / elapsed;
  }

 private:
  asio::awaitable<void> handshake(std::shared_ptr<WsSocket> s);
  asio::awaitable<void> read_loop(std::shared_ptr<WsSocket> s);
  void refuse(const std::string& why);

  asio::io_context& io_;
  std::uint16_t port_;
  Handler on_message_;
};

// The client's single I/O thread.
struct IoThread {
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> guard = asio::make_work_guard(io);
  std::thread thread{[this] { io.run(); }};
  // Stops the thread: after an error, nothing may run on state that is being unwound.
  void halt() {
    guard.reset();
    io.stop();
    if (thread.joinable()) thread.join();
  }
};

// Runs `f` (a coroutine factory) on the I/O thread and waits for its result.
template <class F>
auto on_io(IoThread& t, F f) {
  try {
    return asio::co_spawn(t.io, f(), asio::use_future).get();
  } catch (...) {
    t.halt();
    throw;
  }
}

// The server's CPU time so far (user + system, every thread), in seconds, from /proc/<pid>/stat.
double process_cpu_seconds(int pid);

}  // namespace cabinet::load
