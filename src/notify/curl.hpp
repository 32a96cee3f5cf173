#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

// What the libcurl transports share. Not part of the notify API.
namespace cabinet::notify::curl {

// curl_global_init must run once before any handle exists and, in older builds, while no
// other thread uses libcurl. A function-local static runs it exactly once, thread-safely, on
// the first send. It is never undone: curl_global_cleanup at exit would race the pool threads.
inline CURLcode global_init() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  return code;
}

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
using Easy = std::unique_ptr<CURL, EasyDeleter>;

struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using List = std::unique_ptr<curl_slist, ListDeleter>;

inline void append(List& list, const std::string& item) {
  curl_slist* grown = curl_slist_append(list.get(), item.c_str());
  if (grown != nullptr) {
    (void)list.release();  // now owned by `grown`
    list.reset(grown);
  }
}

// A JSON API's answer, kept whole up to 1 MiB: a CURLOPT_WRITEFUNCTION whose CURLOPT_WRITEDATA
// is a std::string. Beyond that curl gives up with CURLE_WRITE_ERROR (no unbounded memory for
// a misbehaving server). Shared by the Stripe and teleservice adapters.
inline constexpr std::size_t kMaxAnswer = std::size_t{1024} * 1024;
inline std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  if (answer->size() + n > kMaxAnswer) return 0;
  answer->append(data, n);
  return n;
}

// curl's own words for a failure: the error buffer when it says something, else the code's.
inline std::string message(CURLcode code, const char* error_buffer) {
  const std::string_view detail = error_buffer;
  return std::string(detail.empty() ? curl_easy_strerror(code) : detail);
}

// A URL for logs: user information (a password in it) is cut out.
inline std::string redact(std::string_view url) {
  const auto scheme = url.find("://");
  const auto at = url.find('@');
  if (scheme == std::string_view::npos || at == std::string_view::npos) return std::string(url);
  const auto slash = url.find('/', scheme + 3);
  if (slash != std::string_view::npos && slash < at) return std::string(url);
  return std::string(url.substr(0, scheme + 3)) + std::string(url.substr(at + 1));
}

}  // namespace cabinet::notify::curl
