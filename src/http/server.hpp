#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "core/runtime.hpp"
#include "http/dispatcher.hpp"
#include "realtime/hub.hpp"

namespace cabinet::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t header_limit = 16UL * 1024;
  std::chrono::seconds read_timeout{30};    // to receive a whole request once it has started
  std::chrono::seconds idle_timeout{75};    // keep-alive wait for the next request
  std::chrono::seconds header_timeout{10};  // from a request's first byte to its header's end
  std::chrono::seconds shutdown_grace{10};  // in-flight requests get this long to finish
  bool trust_forwarded = false;  // take the client address from X-Forwarded-For (behind a proxy)
  std::string websocket_path = "/api/v1/ws";
  std::size_t websocket_max_message = 64UL * 1024;
  std::chrono::seconds websocket_idle{30};  // a ping is sent when quiet; no answer closes
  std::size_t websocket_max_queue = 256;    // queued outgoing messages before a slow reader is cut
  std::size_t websocket_max_connections = 10000;
};

// The HTTP/1.1 and WebSocket server over Beast and Asio coroutines. Each connection lives on one
// I/O thread (its own io_context, no strand needed); handlers run through the Dispatcher.
class Server {
 public:
  Server(Runtime& runtime, Dispatcher& dispatcher, realtime::Hub& hub, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the bound port (useful with port 0).
  Result<std::uint16_t> listen();
  // Starts accepting. SIGINT/SIGTERM start a graceful shutdown; `on_drained` runs once every
  // connection has finished or the grace period is over.
  void start(std::function<void()> on_drained);
  // Graceful shutdown: stop accepting, close idle keep-alive connections and WebSockets, let
  // requests in flight finish. Thread-safe; later calls do nothing.
  void shutdown();
  [[nodiscard]] std::size_t open_connections() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace cabinet::http
