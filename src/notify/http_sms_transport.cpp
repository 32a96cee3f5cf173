#include "notify/http_sms_transport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>

#include "core/utf8.hpp"
#include "notify/curl.hpp"

namespace cabinet::notify {
namespace {

constexpr std::size_t kKeptAnswer = 512;  // of an error answer, for the logs

std::size_t keep_answer(char* data, std::size_t size, std::size_t count, void* user) {
  auto* answer = static_cast<std::string*>(user);
  const std::size_t n = size * count;
  answer->append(data, std::min(n, kKeptAnswer - std::min(kKeptAnswer, answer->size())));
  return n;
}

bool has_line_break(std::string_view s) { return s.find_first_of("\r\n") != s.npos; }

}  // namespace

Result<void> HttpSmsTransport::send(const Sms& sms) {
  if (sms.to.empty() || !is_valid_utf8(sms.to) || !is_valid_utf8(sms.text) ||
      !is_valid_utf8(sms.message_id)) {
    return Error(ErrorCode::invalid_request, "SMS without a recipient or with invalid UTF-8");
  }
  // A line break would end the header and let the token add others.
  if (has_line_break(options_.token)) {
    return Error(ErrorCode::invalid_request, "the SMS gateway token contains a line break");
  }
  if (const CURLcode init = curl::global_init(); init != CURLE_OK) {
    return Error(ErrorCode::unavailable,
                 fmt::format("curl_global_init: {}", curl_easy_strerror(init)));
  }
  curl::Easy handle(curl_easy_init());
  if (!handle) return Error(ErrorCode::unavailable, "curl_easy_init failed");
  CURL* h = handle.get();

  const std::string body =
      nlohmann::json{{"to", sms.to}, {"text", sms.text}, {"message_id", sms.message_id}}.dump();
  curl::List headers;
  curl::append(headers, "Content-Type: application/json");
  curl::append(headers, "Accept: application/json");
  curl::append(headers, "Expect:");  // no 100-continue round trip for a few hundred bytes
  if (!options_.token.empty()) curl::append(headers, "Authorization: Bearer " + options_.token);
  const auto timeout_ms = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(options_.timeout).count());
  std::string answer;
  char error_buffer[CURL_ERROR_SIZE] = {};

  CURLcode rc = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, option, value);
  };
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_URL, options_.url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "http,https");
  set(CURLOPT_NOSIGNAL, 1L);  // pool threads must not get SIGALRM from the resolver
  set(CURLOPT_TIMEOUT_MS, timeout_ms);
  set(CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  set(CURLOPT_HTTPHEADER, headers.get());
  set(CURLOPT_POSTFIELDS, body.c_str());
  set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  set(CURLOPT_WRITEFUNCTION, keep_answer);
  set(CURLOPT_WRITEDATA, &answer);
  if (rc == CURLE_OK) rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    return Error(ErrorCode::unavailable,
                 fmt::format("sms gateway {}: {} (curl {})", curl::redact(options_.url),
                             curl::message(rc, error_buffer), static_cast<int>(rc)));
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 200 && status < 300) return ok();
  return Error(ErrorCode::unavailable, fmt::format("sms gateway {} answered {}: {}",
                                                   curl::redact(options_.url), status, answer));
}

}  // namespace cabinet::notify
