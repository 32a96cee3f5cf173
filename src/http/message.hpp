#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/locale.hpp"

// What features see of HTTP: plain request and response values, no Beast (its headers cost
// 30-40 s per translation unit; ARCHITECTURE.md "Build speed and layering").
namespace cabinet::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view to_string(Method method);
Method parse_method(std::string_view name);

// Header names compare case-insensitively (RFC 9110 §5.1).
class Headers {
 public:
  void add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  void set(std::string_view name, std::string value);
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  [[nodiscard]] bool has(std::string_view name) const { return get(name).has_value(); }
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& items() const {
    return items_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct RouteInfo;

struct Request {
  Method method = Method::get;
  std::string target;  // as received: path and query
  std::string path;    // percent-decoded path, without the query
  std::string query;   // raw query string, without '?'
  Headers headers;
  std::string body;
  nlohmann::json json;  // the parsed body, for routes that take JSON
  std::vector<std::pair<std::string, std::string>> params;  // path parameters
  std::string request_id;
  std::string remote_ip;
  Locale locale = Locale::fr;
  const RouteInfo* route = nullptr;
  std::chrono::steady_clock::time_point received_at{};

  [[nodiscard]] std::optional<std::string_view> param(std::string_view name) const;
  // A query-string parameter, percent-decoded; the first occurrence wins.
  [[nodiscard]] std::optional<std::string> query_param(std::string_view name) const;
};

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Shared, immutable body (static files) sent without a copy; used instead of `body` when set.
  std::shared_ptr<const std::string> shared_body;

  [[nodiscard]] std::string_view body_view() const {
    return shared_body ? std::string_view(*shared_body) : std::string_view(body);
  }

  static Response json(int status, const nlohmann::json& value);
  static Response error(const Error& error, Locale locale);
  static Response no_content();
};

// Decodes %XX escapes ('+' stays '+': it means space only in form bodies); nullopt on a bad
// escape or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace cabinet::http
