#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

// Test clients speaking real HTTP/1.1 and WebSocket to the server under test. Every call has
// a timeout, so a hung server fails the test instead of hanging the run.
namespace cabinet::test {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; a repeated one: its first
  std::string body;
  bool connection_closed = false;  // the server said "Connection: close" or closed the socket

  [[nodiscard]] nlohmann::json json() const;
  [[nodiscard]] std::string header(const std::string& name) const;
};

// Keeps one keep-alive connection and reconnects when the server closed it.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = "", const HeaderList& headers = {});
  HttpResponse get(const std::string& target, const HeaderList& headers = {}) {
    return request("GET", target, "", headers);
  }
  HttpResponse post_json(const std::string& target, const std::string& body,
                         HeaderList headers = {});
  // Writes raw bytes on a fresh connection and reads one response (malformed requests).
  HttpResponse raw(const std::string& bytes);
  // Connections opened so far (1 when keep-alive held for every request).
  [[nodiscard]] int connections_opened() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

class WsClient {
 public:
  // Throws std::runtime_error carrying the HTTP status when the upgrade is refused.
  WsClient(std::uint16_t port, const HeaderList& headers = {});
  ~WsClient();
  WsClient(const WsClient&) = delete;
  WsClient& operator=(const WsClient&) = delete;

  void send(const std::string& text);
  // The next message; nullopt once the server closed the socket (see close_code()).
  // Throws on timeout.
  std::optional<std::string> read(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  std::optional<nlohmann::json> read_json(
      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  [[nodiscard]] int close_code() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The HTTP status of a refused WebSocket upgrade (0 when it succeeded).
int websocket_refusal_status(std::uint16_t port, const HeaderList& headers);

}  // namespace cabinet::test
