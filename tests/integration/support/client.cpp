#include "client.hpp"

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/beast.hpp>
#include <stdexcept>

#include "core/block_on.hpp"

namespace cabinet::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
namespace websocket = beast::websocket;
using asio::as_tuple;
using asio::use_awaitable;
using tcp = asio::ip::tcp;
constexpr auto kTimeout = std::chrono::seconds(30);

std::string lower(std::string_view s) {
  std::string out;
  for (char c : s) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

HttpResponse convert(const bhttp::response<bhttp::string_body>& res) {
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  // A repeated header keeps its first value: a sign-in sets the session cookie first, then the
  // device cookie (docs/security.md, "Shared networks"), and callers want the session.
  for (const auto& f : res) out.headers.emplace(lower(f.name_string()), std::string(f.value()));
  out.body = res.body();
  out.connection_closed = !res.keep_alive();
  return out;
}

asio::awaitable<void> connect(beast::tcp_stream& stream, std::uint16_t port) {
  stream.expires_after(kTimeout);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  co_await stream.async_connect(endpoint, use_awaitable);
}

}  // namespace

nlohmann::json HttpResponse::json() const { return nlohmann::json::parse(body); }

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(lower(name));
  return it == headers.end() ? std::string() : it->second;
}

struct HttpClient::Impl {
  asio::io_context io;
  std::uint16_t port;
  std::unique_ptr<beast::tcp_stream> stream;
  beast::flat_buffer buffer;
  int opened = 0;

  asio::awaitable<HttpResponse> exchange(bhttp::request<bhttp::string_body> req) {
    if (!stream) {
      stream = std::make_unique<beast::tcp_stream>(io);
      buffer.clear();
      co_await connect(*stream, port);
      ++opened;
    }
    stream->expires_after(kTimeout);
    co_await bhttp::async_write(*stream, req, use_awaitable);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    // A response to HEAD announces a Content-Length but carries no body (RFC 9110 §9.3.2).
    parser.skip(req.method() == bhttp::verb::head);
    co_await bhttp::async_read(*stream, buffer, parser, use_awaitable);
    auto out = convert(parser.get());
    if (out.connection_closed) stream.reset();
    co_return out;
  }
};

HttpClient::HttpClient(std::uint16_t port) : impl_(std::make_unique<Impl>()) { impl_->port = port; }
HttpClient::~HttpClient() = default;

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const std::string& body, const HeaderList& headers) {
  bhttp::request<bhttp::string_body> req;
  req.method_string(method);
  req.target(target);
  req.version(11);
  req.set(bhttp::field::host, "127.0.0.1:" + std::to_string(impl_->port));
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
    req.prepare_payload();
  try {
    return block_on(impl_->io, impl_->exchange(std::move(req)));
  } catch (const boost::system::system_error&) {
    impl_->stream.reset();  // the server closed a kept-alive connection: one retry on a new one
    throw;
  }
}

HttpResponse HttpClient::post_json(const std::string& target, const std::string& body,
                                   HeaderList headers) {
  headers.emplace_back("Content-Type", "application/json");
  return request("POST", target, body, headers);
}

HttpResponse HttpClient::raw(const std::string& bytes) {
  auto run = [this, &bytes]() -> asio::awaitable<HttpResponse> {
    beast::tcp_stream stream(impl_->io);
    co_await connect(stream, impl_->port);
    co_await asio::async_write(stream, asio::buffer(bytes), use_awaitable);
    beast::flat_buffer buf;
    bhttp::response<bhttp::string_body> res;
    co_await bhttp::async_read(stream, buf, res, use_awaitable);
    co_return convert(res);
  };
  return block_on(impl_->io, run());
}

int HttpClient::connections_opened() const { return impl_->opened; }

struct WsClient::Impl {
  asio::io_context io;
  std::unique_ptr<websocket::stream<beast::tcp_stream>> ws;
  beast::flat_buffer buffer;
  int close_code = 0;
};

namespace {

asio::awaitable<int> handshake(websocket::stream<beast::tcp_stream>& ws, std::uint16_t port,
                               const HeaderList& headers) {
  co_await connect(beast::get_lowest_layer(ws), port);
  ws.set_option(websocket::stream_base::decorator([headers](websocket::request_type& req) {
    for (const auto& [k, v] : headers) req.set(k, v);
  }));
  websocket::response_type res;
  auto [ec] = co_await ws.async_handshake(res, "127.0.0.1:" + std::to_string(port), "/api/v1/ws",
                                          as_tuple(use_awaitable));
  beast::get_lowest_layer(ws).expires_never();
  if (ec) co_return static_cast<int>(res.result_int());
  co_return 0;
}

}  // namespace

WsClient::WsClient(std::uint16_t port, const HeaderList& headers)
    : impl_(std::make_unique<Impl>()) {
  impl_->ws = std::make_unique<websocket::stream<beast::tcp_stream>>(impl_->io);
  impl_->ws->read_message_max(16 * 1024 * 1024);
  const int refused = block_on(impl_->io, handshake(*impl_->ws, port, headers));
  if (refused != 0)
    throw std::runtime_error("websocket refused with HTTP " + std::to_string(refused));
}

WsClient::~WsClient() = default;

void WsClient::send(const std::string& text) {
  auto run = [this, &text]() -> asio::awaitable<void> {
    impl_->ws->text(true);
    co_await impl_->ws->async_write(asio::buffer(text), use_awaitable);
  };
  block_on(impl_->io, run());
}

std::optional<std::string> WsClient::read(std::chrono::milliseconds timeout) {
  using namespace asio::experimental::awaitable_operators;
  auto run = [this, timeout]() -> asio::awaitable<std::optional<std::string>> {
    asio::steady_timer timer(impl_->io, timeout);
    impl_->buffer.clear();
    auto outcome = co_await (impl_->ws->async_read(impl_->buffer, as_tuple(use_awaitable)) ||
                             timer.async_wait(as_tuple(use_awaitable)));
    if (outcome.index() == 1) throw std::runtime_error("timed out waiting for a websocket message");
    auto [ec, n] = std::get<0>(outcome);
    if (ec) {
      impl_->close_code = impl_->ws->reason().code;
      co_return std::nullopt;
    }
    co_return beast::buffers_to_string(impl_->buffer.cdata());
  };
  return block_on(impl_->io, run());
}

std::optional<nlohmann::json> WsClient::read_json(std::chrono::milliseconds timeout) {
  auto text = read(timeout);
  if (!text) return std::nullopt;
  return nlohmann::json::parse(*text);
}

int WsClient::close_code() const { return impl_->close_code; }

int websocket_refusal_status(std::uint16_t port, const HeaderList& headers) {
  asio::io_context io;
  websocket::stream<beast::tcp_stream> ws(io);
  return block_on(io, handshake(ws, port, headers));
}

}  // namespace cabinet::test
