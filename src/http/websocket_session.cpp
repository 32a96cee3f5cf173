#include <list>
#include <optional>

#include "core/log.hpp"
#include "http/server_impl.hpp"

namespace cabinet::http {
namespace {

namespace websocket = beast::websocket;
using asio::as_tuple;
using asio::use_awaitable;

// A WebSocket connection after Beast's chat-multi pattern: everything touching the stream
// runs on the connection's thread (its own io_context); outgoing messages wait in a queue with one
// write in flight.
class WsSession final : public realtime::Connection,
                        public std::enable_shared_from_this<WsSession> {
 public:
  WsSession(std::shared_ptr<Server::Impl> server, tcp::socket socket, std::uint64_t id,
            Locale locale, Principal principal)
      : server_(std::move(server)),
        ws_(std::move(socket)),
        id_(id),
        locale_(locale),
        principal_(std::move(principal)) {}
  WsSession(const WsSession&) = delete;
  WsSession& operator=(const WsSession&) = delete;
  // Leaves every room on destruction, as in chat-multi; broadcasts hold only weak_ptrs.
  ~WsSession() override { server_->hub.detach(id_); }

  [[nodiscard]] std::uint64_t id() const override { return id_; }
  [[nodiscard]] Locale locale() const override { return locale_; }
  [[nodiscard]] const Principal& principal() const override { return principal_; }

  void send(std::string text) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), text = std::move(text)]() mutable {
      if (self->closing_) return;
      if (self->queue_.size() >= self->server_->options.websocket_max_queue) {
        // A reader this far behind would make us buffer without bound: cut it loose.
        self->begin_close(realtime::CloseCode::policy, "too slow");
        return;
      }
      self->queue_.push_back(std::move(text));
      self->start_writer();
    });
  }

  void close(realtime::CloseCode code, std::string reason) override {
    asio::post(ws_.get_executor(), [self = shared_from_this(), code, reason = std::move(reason)] {
      self->begin_close(code, reason);
    });
  }

  // The socket's whole life. `self` keeps the session alive; this frame is the only coroutine
  // frame of the WebSocket itself (run_websocket returns it without one of its own).
  asio::awaitable<void> run(std::shared_ptr<WsSession> self,
                            bhttp::request<bhttp::string_body> request) {
    (void)self;
    const Counted counted(server_->websockets);
    try {
      const auto& options = server_->options;
      beast::get_lowest_layer(ws_).expires_never();  // the websocket's own timeouts take over
      websocket::stream_base::timeout timeouts{};
      timeouts.handshake_timeout = std::chrono::seconds(10);
      timeouts.idle_timeout = options.websocket_idle;
      timeouts.keep_alive_pings = true;
      ws_.set_option(timeouts);
      ws_.read_message_max(options.websocket_max_message);
      {
        // The upgrade request is needed only for the handshake: an idle socket must not keep
        // its headers (this frame lives as long as the socket).
        const auto upgrade = std::move(request);
        auto [aec] = co_await ws_.async_accept(upgrade, as_tuple(use_awaitable));
        if (aec) co_return;
      }
      auto& hub = server_->hub;
      hub.attach(shared_from_this());
      send(nlohmann::json{{"type", "hello"}, {"connection", id_}}.dump());
      for (;;) {
        if (close_reason_) {
          // Closing (a flood): what still arrives is read whole and dropped until Beast reports
          // the closing handshake done. The one-byte read below must not run then: Beast
          // asserts when the rest of a message is read while its own close is under way.
          beast::flat_buffer dropped;
          auto [ec, n] = co_await ws_.async_read(dropped, as_tuple(use_awaitable));
          if (ec) break;
          continue;
        }
        // Wait for the next message with a one-byte read: a pending read into a dynamic buffer
        // holds a frame's worth of it (1.5 KiB) on every idle socket. The rest of the message
        // follows into a buffer that lives only while the message is handled.
        char first = 0;
        auto [ec, n] =
            co_await ws_.async_read_some(asio::buffer(&first, 1), as_tuple(use_awaitable));
        beast::flat_buffer buffer;
        if (!ec && n == 1)
          buffer.commit(asio::buffer_copy(buffer.prepare(1), asio::buffer(&first, 1)));
        if (!ec && !ws_.is_message_done() && !close_reason_) {
          auto [rest_ec, rest] = co_await ws_.async_read(buffer, as_tuple(use_awaitable));
          ec = rest_ec;
        }
        if (ec) {
          // Over the size limit Beast has already sent close 1009 ("too big") on this socket;
          // every other socket is untouched.
          if (ec == websocket::error::message_too_big) {
            log::info("websocket message over the limit", {{"connection", id_}});
          }
          break;
        }
        if (close_reason_) continue;  // closed meanwhile (shutdown, slow reader): drop it
        if (!take_token()) {
          if (++refused_ >= kRefusedBeforeClose) {
            log::info("websocket closed for flooding", {{"connection", id_}});
            begin_close(realtime::CloseCode::policy, "flood");
            continue;
          }
          // Told once per flood: answering every refused message would let a flood make us
          // write as much as it sends.
          if (refused_ == 1) send(realtime::Hub::error_message(ErrorCode::rate_limited, locale_));
        } else if (!ws_.got_text()) {
          send(realtime::Hub::error_message(ErrorCode::binary_not_supported, locale_));
        } else {
          const auto data = buffer.cdata();
          const std::string_view text(static_cast<const char*>(data.data()), data.size());
          co_await hub.dispatch(*this, text);
        }
      }
    } catch (const std::exception& e) {
      log::error("websocket failed", {{"error", e.what()}});
    }
    closing_ = true;
  }

 private:
  static constexpr double kRate = 50;  // messages per second, on average
  static constexpr double kBurst = 100;
  // Refused messages before the socket is closed, counted until the bucket is full again: a
  // client sending at twice the rate gets one in two through but is closed all the same.
  static constexpr int kRefusedBeforeClose = 10;

  // Open WebSockets (the cap in http_session.cpp and the gauge), for as long as run() lives.
  struct Counted {
    explicit Counted(std::atomic<std::size_t>& n) : n_(n) { ++n_; }
    Counted(const Counted&) = delete;
    Counted& operator=(const Counted&) = delete;
    ~Counted() { --n_; }
    std::atomic<std::size_t>& n_;
  };

  bool take_token() {
    const auto now = std::chrono::steady_clock::now();
    tokens_ =
        std::min(kBurst, tokens_ + std::chrono::duration<double>(now - refilled_).count() * kRate);
    refilled_ = now;
    if (tokens_ >= kBurst) refused_ = 0;  // quiet long enough: the flood is over
    if (tokens_ < 1) return false;
    tokens_ -= 1;
    return true;
  }

  void begin_close(realtime::CloseCode code, const std::string& reason) {
    if (closing_ || close_reason_) return;
    close_reason_ = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
    start_writer();
  }

  void start_writer() {
    if (writing_) return;
    writing_ = true;
    asio::co_spawn(
        ws_.get_executor(), [self = shared_from_this()] { return self->write_loop(); },
        asio::detached);
  }

  asio::awaitable<void> write_loop() {
    while (!queue_.empty() && !closing_) {
      ws_.text(true);
      auto [ec, n] =
          co_await ws_.async_write(asio::buffer(queue_.front()), as_tuple(use_awaitable));
      if (ec) {
        closing_ = true;
        break;
      }
      queue_.pop_front();
    }
    if (close_reason_ && !closing_) {
      closing_ = true;
      auto reason = *close_reason_;
      auto [ec] = co_await ws_.async_close(reason, as_tuple(use_awaitable));
      (void)ec;
    }
    queue_.clear();
    writing_ = false;
  }

  std::shared_ptr<Server::Impl> server_;
  websocket::stream<beast::tcp_stream> ws_;
  std::uint64_t id_;
  Locale locale_;
  Principal principal_;
  // Token bucket of incoming messages (docs/realtime.md, "Limits"): a flood is refused on
  // this socket only, and a socket that keeps flooding is closed.
  double tokens_ = kBurst;
  std::chrono::steady_clock::time_point refilled_ = std::chrono::steady_clock::now();
  int refused_ = 0;
  // A list, not a deque: libstdc++'s deque allocates ~600 bytes even when empty, and most
  // sockets are idle; elements must not move while their write is in flight.
  std::list<std::string> queue_;
  bool writing_ = false;
  bool closing_ = false;
  std::optional<websocket::close_reason> close_reason_;
};

}  // namespace

asio::awaitable<void> run_websocket(std::shared_ptr<Server::Impl> server, tcp::socket socket,
                                    bhttp::request<bhttp::string_body> request, std::uint64_t id,
                                    Principal principal) {
  // Not a coroutine: the session's own run() is the awaitable (one frame less per socket).
  const auto locale = parse_accept_language(request[bhttp::field::accept_language]);
  auto session = std::make_shared<WsSession>(std::move(server), std::move(socket), id, locale,
                                             std::move(principal));
  auto* s = session.get();
  return s->run(std::move(session), std::move(request));
}

}  // namespace cabinet::http
