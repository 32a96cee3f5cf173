#include "http/response_head.hpp"

#include <array>
#include <charconv>
#include <cstring>
#include <ctime>

namespace cabinet::http {
namespace {

// Two vectorised scans; find_first_of("\r\n") would call memchr once per character.
bool has_line_break(std::string_view s) {
  return std::memchr(s.data(), '\r', s.size()) != nullptr ||
         std::memchr(s.data(), '\n', s.size()) != nullptr;
}

void append_number(std::string& out, std::size_t n) {
  std::array<char, 24> digits{};
  auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), n);
  out.append(digits.data(), end);
}

}  // namespace

std::string_view reason_phrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 101:
      return "Switching Protocols";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 402:
      return "Payment Required";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 426:
      return "Upgrade Required";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

std::string_view http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::array<char, 32> buf{};
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    cached_second = now;
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::strftime(buf.data(), buf.size(), "%a, %d %b %Y %H:%M:%S GMT", &tm);
  }
  return buf.data();
}

void render_head(std::string& out, const Response& response, unsigned version,
                 std::size_t content_length, bool keep_alive) {
  using namespace std::string_view_literals;
  out.clear();
  out += version == 10 ? "HTTP/1.0 "sv : "HTTP/1.1 "sv;
  append_number(out, static_cast<std::size_t>(response.status));
  out += ' ';
  out += reason_phrase(response.status);
  out += "\r\n"sv;
  response.headers.for_each([&out](std::string_view name, std::string_view value) {
    if (has_line_break(name) || has_line_break(value)) return;
    out += name;
    out += ": "sv;
    out += value;
    out += "\r\n"sv;
  });
  out += "Date: "sv;
  out += http_date();
  out += "\r\n"sv;
  const bool bodiless = response.status == 204 || response.status == 304 || response.status < 200;
  if (!bodiless) {
    out += "Content-Length: "sv;
    append_number(out, content_length);
    out += "\r\n"sv;
  }
  if (!keep_alive) {
    out += "Connection: close\r\n"sv;
  } else if (version == 10) {
    out += "Connection: keep-alive\r\n"sv;
  }
  out += "\r\n"sv;
}

}  // namespace cabinet::http
