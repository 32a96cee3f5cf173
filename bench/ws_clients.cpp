#include "ws_clients.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

namespace cabinet::load {
namespace {

namespace websocket = beast::websocket;
using asio::as_tuple;
using asio::use_awaitable;
using tcp = asio::ip::tcp;

}  // namespace

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now().time_since_epoch())
      .count();
}

std::size_t WsPool::add(std::size_t n, const std::function<std::string(std::size_t)>& cookie) {
  const auto first = sockets.size();
  for (std::size_t i = 0; i < n; ++i) {
    auto s = std::make_shared<WsSocket>(io_);
    s->cookie = cookie(i);
    s->tag = first + i;
    sockets.push_back(std::move(s));
  }
  return first;
}

asio::awaitable<void> WsPool::open(std::size_t from, std::size_t to, int parallel) {
  std::size_t next = from;
  std::size_t done = 0;
  auto worker = [&]() -> asio::awaitable<void> {
    while (next < to) {
      auto s = sockets[next++];
      co_await handshake(s);
      ++done;
    }
  };
  for (int i = 0; i < parallel; ++i) asio::co_spawn(io_, worker(), asio::detached);
  const std::size_t want = hellos + (to - from);
  auto opened = [&] { return done == to - from && hellos + refused >= want; };
  co_await until(opened, std::chrono::seconds(120), "sockets to open");
  if (refused > 0)
    throw std::runtime_error(std::to_string(refused) +
                             " upgrades refused; first: " + first_refusal);
}

asio::awaitable<void> WsPool::close(std::size_t from, std::size_t to) {
  const std::size_t want = closed + (to - from);
  for (std::size_t i = from; i < to; ++i) {
    auto s = sockets[i];
    s->closing = true;
    asio::co_spawn(
        io_,
        [s]() -> asio::awaitable<void> {
          auto [ec] =
              co_await s->ws.async_close(websocket::close_code::normal, as_tuple(use_awaitable));
          (void)ec;  // the read loop sees the end and counts it
        },
        asio::detached);
  }
  auto all_closed = [&] { return closed >= want; };
  co_await until(all_closed, std::chrono::seconds(60), "sockets to close");
}

void WsPool::send(const std::shared_ptr<WsSocket>& s, std::string text) {
  s->out.push_back(std::move(text));
  if (s->writing) return;
  s->writing = true;
  asio::co_spawn(
      io_,
      [s]() -> asio::awaitable<void> {
        while (!s->out.empty() && !s->closed) {
          s->ws.text(true);
          auto [ec, n] =
              co_await s->ws.async_write(asio::buffer(s->out.front()), as_tuple(use_awaitable));
          if (ec) break;
          s->out.pop_front();
        }
        s->writing = false;
      },
      asio::detached);
}

asio::awaitable<void> WsPool::handshake(std::shared_ptr<WsSocket> s) {
  auto& layer = beast::get_lowest_layer(s->ws);
  layer.expires_after(std::chrono::seconds(30));
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port_);
  auto [cec] = co_await layer.async_connect(endpoint, as_tuple(use_awaitable));
  if (cec) {
    refuse("connect: " + cec.message());
    co_return;
  }
  s->ws.set_option(
      websocket::stream_base::decorator([cookie = s->cookie](websocket::request_type& r) {
        r.set(beast::http::field::cookie, cookie);
      }));
  websocket::response_type response;
  const auto host = "127.0.0.1:" + std::to_string(port_);
  auto [hec] =
      co_await s->ws.async_handshake(response, host, "/api/v1/ws", as_tuple(use_awaitable));
  if (hec) {
    refuse("HTTP " + std::to_string(response.result_int()) + " " + hec.message());
    co_return;
  }
  layer.expires_never();
  // The server pings idle sockets (websocket.idle_timeout); Beast answers them while reading.
  s->ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
  asio::co_spawn(io_, read_loop(s), asio::detached);
}

void WsPool::refuse(const std::string& why) {
  if (refused++ == 0) first_refusal = why;
}

asio::awaitable<void> WsPool::read_loop(std::shared_ptr<WsSocket> s) {
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await s->ws.async_read(buffer, as_tuple(use_awaitable));
    if (ec) break;
    const auto at = now_ns();
    const auto data = buffer.cdata();
    const std::string_view text(static_cast<const char*>(data.data()), data.size());
    if (!s->hello && text.find(R"("type":"hello")") != std::string_view::npos) {
      s->hello = true;
      ++hellos;
    } else {
      on_message_(*s, text, at);
    }
    buffer.consume(buffer.size());
  }
  s->closed = true;
  ++closed;
}

double process_cpu_seconds(int pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  std::getline(in, stat);
  // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
  const auto paren = stat.rfind(')');
  if (paren == std::string::npos) throw std::runtime_error("cannot read /proc/<pid>/stat");
  std::istringstream fields(stat.substr(paren + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14 || i == 15) ticks += std::stod(field);  // utime, stime
  }
  return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace cabinet::load
