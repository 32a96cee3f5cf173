#include "http/server.hpp"

#include <cstdlib>

#include "core/log.hpp"
#include "http/server_impl.hpp"

namespace cabinet::http {

Server::Server(Runtime& runtime, Dispatcher& dispatcher, realtime::Hub& hub, ServerOptions options)
    : impl_(std::make_shared<Impl>(runtime, dispatcher, hub, std::move(options))) {}

Server::~Server() = default;

Result<std::uint16_t> Server::listen() {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) return Error(ErrorCode::invalid_request, "bad listen address " + impl_->options.host);
  const tcp::endpoint endpoint(address, impl_->options.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error(ErrorCode::unavailable, "cannot listen on " + impl_->options.host + ":" +
                                             std::to_string(impl_->options.port) + ": " +
                                             ec.message());
  }
  return acceptor.local_endpoint().port();
}

void Server::start(std::function<void()> on_drained) {
  impl_->on_drained = std::move(on_drained);
  impl_->signals.async_wait([impl = impl_](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    log::info("shutdown requested", {{"signal", signal == SIGINT ? "SIGINT" : "SIGTERM"}});
    impl->begin_shutdown();
  });
  asio::co_spawn(impl_->acceptor.get_executor(), impl_->accept_loop(), asio::detached);
}

void Server::shutdown() {
  asio::post(impl_->acceptor.get_executor(), [impl = impl_] { impl->begin_shutdown(); });
}

std::size_t Server::open_connections() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->sessions.size();
}

asio::awaitable<void> Server::Impl::accept_loop() {
  auto self = shared_from_this();
  while (!stopping) {
    // Each connection goes to the next I/O thread's context and stays there.
    auto [ec, socket] =
        co_await acceptor.async_accept(runtime.next_io(), asio::as_tuple(asio::use_awaitable));
    if (ec) {
      if (stopping || ec == asio::error::operation_aborted) break;
      // Running out of descriptors must not end the server, nor spin: log, pause, retry.
      log::warn("accept failed", {{"error", ec.message()}});
      asio::steady_timer pause(acceptor.get_executor(), std::chrono::milliseconds(100));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const auto id = next_id++;
    auto session = std::make_shared<HttpSession>(self, std::move(socket), id);
    {
      std::lock_guard lock(mutex);
      sessions.emplace(id, session);
    }
    // The socket's executor is its thread's context: the session coroutine runs there.
    auto executor = session->executor();
    asio::co_spawn(
        executor, [session]() { return session->run(); }, asio::detached);
  }
}

void Server::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  signals.cancel();
  boost::system::error_code ignored;
  acceptor.close(ignored);
  hub.close_all(realtime::CloseCode::going_away, "server shutting down");
  std::vector<std::shared_ptr<HttpSession>> live;
  {
    std::lock_guard lock(mutex);
    for (const auto& [id, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->close_if_idle();
  grace_timer.expires_after(options.shutdown_grace);
  grace_timer.async_wait([self = shared_from_this()](const boost::system::error_code& ec) {
    if (ec) return;
    // Requests still running after the grace period hold coroutine frames that reference the
    // database and handlers; tearing those down under them is unsafe, so the process ends
    // here. Committed data is durable (SQLite WAL with synchronous=FULL, PostgreSQL).
    log::warn("shutdown grace period over; exiting with requests in flight",
              {{"open", self->open_sessions()}});
    log::flush();
    std::_Exit(0);
  });
  maybe_drained();
}

std::size_t Server::Impl::open_sessions() const {
  std::lock_guard lock(mutex);
  return sessions.size();
}

void Server::Impl::connection_closed(std::uint64_t id) {
  {
    std::lock_guard lock(mutex);
    sessions.erase(id);
  }
  maybe_drained();
}

void Server::Impl::maybe_drained() {
  if (!stopping) return;
  {
    std::lock_guard lock(mutex);
    if (!sessions.empty()) return;
  }
  if (drained.exchange(true)) return;
  grace_timer.cancel();
  log::info("all connections closed");
  if (on_drained) on_drained();
}

}  // namespace cabinet::http
