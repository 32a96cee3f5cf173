#include "http/message.hpp"

#include <algorithm>
#include <cctype>

namespace cabinet::http {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Header names are ASCII tokens: folding case is a bit flip, not a locale lookup per character.
bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x == y) continue;
    const auto lx = static_cast<unsigned char>(x | 0x20U);
    if (lx != (y | 0x20U) || lx < 'a' || lx > 'z') return false;
  }
  return true;
}

std::string_view to_string(Method method) {
  switch (method) {
    case Method::get:
      return "GET";
    case Method::head:
      return "HEAD";
    case Method::post:
      return "POST";
    case Method::put:
      return "PUT";
    case Method::patch:
      return "PATCH";
    case Method::del:
      return "DELETE";
    case Method::options:
      return "OPTIONS";
    case Method::other:
      break;
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  if (name == "GET") return Method::get;
  if (name == "HEAD") return Method::head;
  if (name == "POST") return Method::post;
  if (name == "PUT") return Method::put;
  if (name == "PATCH") return Method::patch;
  if (name == "DELETE") return Method::del;
  if (name == "OPTIONS") return Method::options;
  return Method::other;
}

std::uint32_t Headers::keep(std::string_view bytes) {
  const auto at = static_cast<std::uint32_t>(arena_.size());
  arena_.append(bytes);
  return at;
}

void Headers::add(std::string_view name, std::string_view value) {
  // Lengths live in the views' sizes; the data pointers are unused for arena entries.
  Entry e{std::string_view(nullptr, 0), std::string_view(nullptr, 0), 0, 0};
  if (arena_.capacity() == 0) arena_.reserve(256);
  e.name_at = keep(name);
  e.name = std::string_view(arena_.data(), name.size());
  e.value_at = keep(value);
  e.value = std::string_view(arena_.data(), value.size());
  entries_.push_back(e);
}

void Headers::set(std::string_view name, std::string_view value) {
  for (auto& e : entries_) {
    if (iequals(name_of(e), name)) {
      e.value_at = keep(value);
      e.value = std::string_view(arena_.data(), value.size());
      return;
    }
  }
  add(name, value);
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& e : entries_) {
    if (iequals(name_of(e), name)) return value_of(e);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::param(std::string_view name) const {
  for (const auto& [k, v] : params) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::cookie(std::string_view name) const {
  auto header = headers.get("Cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    const auto semi = rest.find(';');
    auto pair = rest.substr(0, semi);
    rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return pair.substr(eq + 1);
  }
  return std::nullopt;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
  std::string_view rest = query;
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const auto pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    const auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq));
    if (!key || *key != name) continue;
    if (eq == std::string_view::npos) return std::string();
    std::string raw(pair.substr(eq + 1));
    std::replace(raw.begin(), raw.end(), '+', ' ');  // forms encode spaces as '+'
    return percent_decode(raw);
  }
  return std::nullopt;
}

Response Response::json(int status, const nlohmann::json& value) {
  Response r;
  r.status = status;
  r.headers.add_view("Content-Type", "application/json; charset=utf-8");
  r.body = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response Response::error(const Error& error, Locale locale) {
  auto response = json(error.http_status(), {{"error", error_object(error, locale)}});
  if (error.retry_after > 0) response.headers.add("Retry-After", std::to_string(error.retry_after));
  return response;
}

Response Response::no_content() {
  Response r;
  r.status = 204;
  return r;
}

std::optional<std::string> percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out.push_back(text[i]);
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    const int hi = hex_value(text[i + 1]);
    const int lo = hex_value(text[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    const char c = static_cast<char>(hi * 16 + lo);
    if (c == '\0') return std::nullopt;
    out.push_back(c);
    i += 2;
  }
  return out;
}

}  // namespace cabinet::http
