#pragma once

// Internal to src/http: the Beast types shared by the listener and the two session kinds.
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast.hpp>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "http/server.hpp"

namespace cabinet::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

class HttpSession;

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(Runtime& rt, Dispatcher& d, realtime::Hub& h, ServerOptions o)
      : runtime(rt),
        dispatcher(d),
        hub(h),
        options(std::move(o)),
        acceptor(rt.io()),
        signals(rt.io(), SIGINT, SIGTERM),
        grace_timer(rt.io()) {}

  asio::awaitable<void> accept_loop();
  void begin_shutdown();
  // Called whenever a connection ends; finishes the shutdown when the last one is gone.
  void connection_closed(std::uint64_t id);
  void maybe_drained();
  [[nodiscard]] std::size_t open_sessions() const;

  Runtime& runtime;
  Dispatcher& dispatcher;
  realtime::Hub& hub;
  ServerOptions options;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  std::function<void()> on_drained;

  std::atomic<bool> stopping{false};
  std::atomic<bool> drained{false};
  std::atomic<std::uint64_t> next_id{1};
  std::atomic<std::size_t> websockets{0};  // upgraded sessions, for the gauge and the cap
  mutable std::mutex mutex;
  std::unordered_map<std::uint64_t, std::weak_ptr<HttpSession>> sessions;
};

// One TCP connection speaking HTTP/1.1 until it closes or upgrades to a WebSocket.
class HttpSession : public std::enable_shared_from_this<HttpSession> {
 public:
  HttpSession(std::shared_ptr<Server::Impl> server, tcp::socket socket, std::uint64_t id)
      : server_(std::move(server)), stream_(std::move(socket)), id_(id) {}
  asio::awaitable<void> run();
  [[nodiscard]] asio::any_io_executor executor() { return stream_.get_executor(); }
  // Posted to the session's thread at shutdown: a connection waiting for its next request is
  // closed at once; one busy with a request finishes it first.
  void close_if_idle();

 private:
  asio::awaitable<void> serve_one(bool& keep_going);
  asio::awaitable<void> reply_and_close(const Response& response, unsigned version);
  asio::awaitable<bool> write(const Request& request, Response& response, unsigned version,
                              bool keep_alive);
  // Reads and discards what the client is still sending so that it sees our error response
  // instead of a connection reset ("lingering close").
  asio::awaitable<void> drain_and_close();
  std::string client_ip(const bhttp::request_parser<bhttp::string_body>& parser);

  // An accepted upgrade, left by serve_one for run(): the WebSocket then runs outside serve_one's
  // coroutine frame (several KiB that an idle socket would otherwise keep for its whole life).
  struct Upgrade {
    bhttp::request<bhttp::string_body> request;
    Principal principal;
  };

  std::shared_ptr<Server::Impl> server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string head_;     // the response head, reused across the connection's requests
  std::string peer_ip_;  // the socket's remote address, read once
  std::uint64_t id_;
  bool idle_ = true;
  std::optional<Upgrade> upgrade_;
};

// Runs an accepted WebSocket until it closes. It takes the bare socket: moving a tcp_stream
// allocates a new state and the moved-from one stays allocated as long as its owner.
asio::awaitable<void> run_websocket(std::shared_ptr<Server::Impl> server, tcp::socket socket,
                                    bhttp::request<bhttp::string_body> request, std::uint64_t id,
                                    Principal principal);

}  // namespace cabinet::http
