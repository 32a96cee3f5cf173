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
#include "core/principal.hpp"

// What features see of HTTP: plain request and response values, no Beast (its headers cost
// 30-40 s per translation unit; ARCHITECTURE.md "Build speed and layering").
namespace cabinet::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view to_string(Method method);
Method parse_method(std::string_view name);

// Header names compare case-insensitively (RFC 9110 §5.1). Values are either copied into one
// arena string (add/set) or kept as views (add_view) of storage that outlives the Headers:
// string constants, or the request parser's buffer while a request is handled. No allocation
// per header: they are on every request's path (bench/README.md).
class Headers {
 public:
  void add(std::string_view name, std::string_view value);
  // The caller guarantees that both views outlive this object.
  void add_view(std::string_view name, std::string_view value) {
    entries_.push_back({name, value, kView, kView});
  }
  // Replaces the first header of that name, or adds it.
  void set(std::string_view name, std::string_view value);
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  [[nodiscard]] bool has(std::string_view name) const { return get(name).has_value(); }
  [[nodiscard]] std::size_t size() const { return entries_.size(); }

  template <class F>
  void for_each(F&& f) const {
    for (const auto& e : entries_) f(name_of(e), value_of(e));
  }

 private:
  static constexpr std::uint32_t kView = 0xffffffffU;
  struct Entry {
    std::string_view name;   // when name_at == kView
    std::string_view value;  // when value_at == kView; else lengths of the arena slices
    std::uint32_t name_at;
    std::uint32_t value_at;
  };
  [[nodiscard]] std::string_view name_of(const Entry& e) const {
    return e.name_at == kView ? e.name : std::string_view(arena_).substr(e.name_at, e.name.size());
  }
  [[nodiscard]] std::string_view value_of(const Entry& e) const {
    return e.value_at == kView ? e.value
                               : std::string_view(arena_).substr(e.value_at, e.value.size());
  }
  std::uint32_t keep(std::string_view bytes);

  std::vector<Entry> entries_;
  std::string arena_;  // owned bytes; entries refer to it by offset, so copies stay valid
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
  bool routed = false;                  // Dispatcher::prepare ran: route/params are final
  std::vector<Method> allowed_methods;  // the path exists, but not for this method (405)
  std::chrono::steady_clock::time_point received_at{};
  std::optional<Principal> principal;  // set for routes that need a signed-in caller

  [[nodiscard]] std::optional<std::string_view> param(std::string_view name) const;
  // A cookie sent by the browser, by name.
  [[nodiscard]] std::optional<std::string_view> cookie(std::string_view name) const;
  [[nodiscard]] std::string_view user_agent() const {
    return headers.get("User-Agent").value_or("");
  }
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

// Case-insensitive comparison of ASCII tokens (header names, media types).
bool iequals(std::string_view a, std::string_view b);

// Decodes %XX escapes ('+' stays '+': it means space only in form bodies); nullopt on a bad
// escape or a decoded NUL.
std::optional<std::string> percent_decode(std::string_view text);

}  // namespace cabinet::http
