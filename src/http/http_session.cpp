#include <array>
#include <charconv>
#include <cstring>
#include <ctime>

#include "core/log.hpp"
#include "http/request_head.hpp"
#include "http/response_head.hpp"
#include "http/server_impl.hpp"

namespace cabinet::http {
namespace {

using asio::as_tuple;
using asio::use_awaitable;

constexpr std::size_t kMaxDrainBytes = 64UL * 1024 * 1024;
constexpr auto kDrainTime = std::chrono::seconds(3);
constexpr std::size_t kFirstRead = 4096;

bool is_closed(const boost::system::error_code& ec) {
  return ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
         ec == beast::error::timeout || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

// Two vectorised scans; find_first_of("\r\n") would call memchr once per character.
}  // namespace

asio::awaitable<void> HttpSession::run() {
  auto self = shared_from_this();
  bool keep_going = true;
  try {
    while (keep_going) co_await serve_one(keep_going);
    if (upgrade_) {
      // serve_one's frame is gone by now. An idle WebSocket keeps nothing of the HTTP side
      // either: the read buffer is released (a client may not send before the 101 anyway), and
      // the request moves on to the handshake, which drops it.
      buffer_.clear();
      buffer_.shrink_to_fit();
      auto socket = stream_.release_socket();
      co_await run_websocket(server_, std::move(socket), std::move(upgrade_->request), id_,
                             std::move(upgrade_->principal));
    }
  } catch (const std::exception& e) {
    log::error("connection failed", {{"error", e.what()}});
  }
  boost::system::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
  server_->connection_closed(id_);
}

void HttpSession::close_if_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_) {
      boost::system::error_code ignored;
      self->stream_.socket().cancel(ignored);
    }
  });
}

std::string HttpSession::client_ip(const bhttp::request_parser<bhttp::string_body>& parser) {
  if (server_->options.trust_forwarded) {
    auto forwarded = parser.get()["X-Forwarded-For"];
    if (!forwarded.empty()) {
      // The proxy in front of us appended the address it saw: the last entry is the one to
      // trust; earlier ones are whatever the client claimed.
      auto last = forwarded.substr(forwarded.find_last_of(',') + 1);
      while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
      return std::string(last);
    }
  }
  if (peer_ip_.empty()) {
    // Once per connection: getpeername and formatting are not free on every request.
    boost::system::error_code ec;
    auto endpoint = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ip_ = endpoint.address().to_string();
  }
  return peer_ip_;
}

asio::awaitable<void> HttpSession::serve_one(bool& keep_going) {
  keep_going = false;
  if (server_->stopping) co_return;
  const auto& options = server_->options;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
  // The body limit depends on the route, known only once the header is read.
  parser.body_limit(boost::none);

  if (buffer_.size() == 0) {
    // Keep-alive: wait up to the idle timeout for the next request's first bytes.
    idle_ = true;
    stream_.expires_after(options.idle_timeout);
    auto [ec, n] =
        co_await stream_.async_read_some(buffer_.prepare(kFirstRead), as_tuple(use_awaitable));
    idle_ = false;
    if (ec) co_return;
    buffer_.commit(n);
  }
  // From its first byte, a header has its own, short deadline: a client trickling it byte by
  // byte (slowloris) cannot hold the connection for the idle timeout.
  stream_.expires_after(options.header_timeout);
  auto [ec, n] =
      co_await bhttp::async_read_header(stream_, buffer_, parser, as_tuple(use_awaitable));

  Request request;
  request.received_at = std::chrono::steady_clock::now();
  if (ec) {
    if (buffer_.size() == 0 || (is_closed(ec) && ec != beast::error::timeout)) co_return;
    request.remote_ip = client_ip(parser);
    ErrorCode code = ErrorCode::invalid_request;
    if (ec == bhttp::error::header_limit) code = ErrorCode::header_too_large;
    if (ec == beast::error::timeout) code = ErrorCode::request_timeout;
    co_await reply_and_close(server_->dispatcher.reject(request, Error(code, ec.message())), 11);
    co_return;
  }

  const auto& header = parser.get();
  const unsigned version = header.version();
  if (auto framing = framing_error(header); !framing.empty()) {
    // Request smuggling: a front proxy and this server must never disagree on where a request
    // ends, so anything ambiguous is refused and the connection closed (no pipelining after).
    request.remote_ip = client_ip(parser);
    co_await reply_and_close(
        server_->dispatcher.reject(request, Error(ErrorCode::invalid_request, framing)), version);
    co_return;
  }
  request.remote_ip = client_ip(parser);
  if (!read_request_head(header, request)) {
    co_await reply_and_close(server_->dispatcher.reject(request, ErrorCode::invalid_request),
                             version);
    co_return;
  }

  if (beast::websocket::is_upgrade(header) && request.path == options.websocket_path) {
    if (!origin_allowed(request, server_->dispatcher.origins())) {
      co_await reply_and_close(server_->dispatcher.reject(request, ErrorCode::forbidden), version);
      co_return;
    }
    if (server_->websockets.load() >= options.websocket_max_connections) {
      co_await reply_and_close(server_->dispatcher.reject(request, ErrorCode::unavailable),
                               version);
      co_return;
    }
    // Only a signed-in browser gets a socket (docs/realtime.md): 401 before any upgrade.
    auto who = co_await server_->dispatcher.authenticate(request);
    if (!who || !*who) {
      const Error refused = who ? Error(ErrorCode::unauthorized) : who.error();
      co_await reply_and_close(server_->dispatcher.reject(request, refused), version);
      co_return;
    }
    upgrade_.emplace(Upgrade{parser.release(), std::move(**who)});  // run() takes it from here
    co_return;
  }

  const auto limit = server_->dispatcher.prepare(request);
  if (auto length = parser.content_length(); length && *length > limit) {
    // Answer at once, before the body arrives; a client using "Expect: 100-continue" then
    // never sends it.
    auto response = server_->dispatcher.reject(request, ErrorCode::payload_too_large);
    co_await write(request, response, version, false);
    co_await drain_and_close();
    co_return;
  }
  parser.body_limit(limit);
  if (!parser.is_done()) {
    if (iequals(header[bhttp::field::expect], "100-continue")) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      auto [wec, wn] =
          co_await asio::async_write(stream_, asio::buffer(kContinue), as_tuple(use_awaitable));
      if (wec) co_return;
    }
    stream_.expires_after(options.read_timeout);
    auto [bec, bn] = co_await bhttp::async_read(stream_, buffer_, parser, as_tuple(use_awaitable));
    if (bec == bhttp::error::body_limit) {
      auto response = server_->dispatcher.reject(request, ErrorCode::payload_too_large);
      co_await write(request, response, version, false);
      co_await drain_and_close();
      co_return;
    }
    if (bec == beast::error::timeout) {
      co_await reply_and_close(server_->dispatcher.reject(request, ErrorCode::request_timeout),
                               version);
      co_return;
    }
    if (bec) {
      if (!is_closed(bec)) {
        co_await reply_and_close(
            server_->dispatcher.reject(request, Error(ErrorCode::invalid_request, bec.message())),
            version);
      }
      co_return;
    }
  }
  request.body = std::move(parser.get().body());
  const bool client_keep_alive = parser.get().keep_alive();
  stream_.expires_never();

  Response response = co_await server_->dispatcher.handle(request);
  const bool keep_alive = client_keep_alive && !server_->stopping;
  const bool written = co_await write(request, response, version, keep_alive);
  keep_going = written && keep_alive;
  if (written && !keep_alive) {
    boost::system::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
}

asio::awaitable<bool> HttpSession::write(const Request& request, Response& response,
                                         unsigned version, bool keep_alive) {
  stream_.expires_after(server_->options.read_timeout);
  const auto body = response.body_view();
  render_head(head_, response, version, body.size(), keep_alive);
  const bool send_body = request.method != Method::head && !body.empty() &&
                         response.status != 204 && response.status != 304;
  const std::array<asio::const_buffer, 2> buffers{
      asio::buffer(head_), asio::buffer(body.data(), send_body ? body.size() : 0)};
  auto [ec, n] = co_await asio::async_write(stream_, buffers, as_tuple(use_awaitable));
  co_return !ec;
}

asio::awaitable<void> HttpSession::reply_and_close(const Response& response, unsigned version) {
  Request head_less;  // only the method matters to write(); an error always has a body
  Response copy = response;
  if (co_await write(head_less, copy, version, false)) {
    boost::system::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
}

asio::awaitable<void> HttpSession::drain_and_close() {
  boost::system::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(kDrainTime);
  std::array<char, 16UL * 1024> scratch{};
  std::size_t total = 0;
  while (total < kMaxDrainBytes) {
    auto [ec, n] = co_await stream_.async_read_some(asio::buffer(scratch), as_tuple(use_awaitable));
    if (ec) break;
    total += n;
  }
}

}  // namespace cabinet::http
