#include "payments/stripe_http.hpp"

#include <array>
#include <chrono>

#include "notify/curl.hpp"  // shared so that curl_global_init runs once per process

namespace cabinet::payments::stripe_http {
namespace {

// Pinned, so that an upgrade of the account's default version cannot change the answers.
constexpr std::string_view kApiVersion = "2024-06-20";

// The exchange itself, blocking: run on the BlockingPool.
Reply perform(const StripeOptions& options, const Request& request) {
  Reply reply;
  if (const CURLcode init = notify::curl::global_init(); init != CURLE_OK) {
    reply.failure = std::string("curl_global_init: ") + curl_easy_strerror(init);
    return reply;
  }
  notify::curl::Easy handle(curl_easy_init());
  if (!handle) {
    reply.failure = "curl_easy_init failed";
    return reply;
  }
  CURL* h = handle.get();
  const std::string url = options.base_url + request.path;
  notify::curl::List headers;
  notify::curl::append(headers, "Authorization: Bearer " + options.secret_key);
  notify::curl::append(headers, "Stripe-Version: " + std::string(kApiVersion));
  notify::curl::append(headers, "Accept: application/json");
  notify::curl::append(headers, "Expect:");
  if (request.method == Method::post)
    notify::curl::append(headers, "Content-Type: application/x-www-form-urlencoded");
  if (!request.idempotency_key.empty())
    notify::curl::append(headers, "Idempotency-Key: " + request.idempotency_key);
  const auto timeout_ms = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(options.timeout).count());
  std::string answer;
  std::array<char, CURL_ERROR_SIZE> error_buffer{};

  CURLcode rc = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, option, value);
  };
  set(CURLOPT_ERRORBUFFER, error_buffer.data());
  set(CURLOPT_URL, url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "http,https");  // check() allows http only for loopback
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_TIMEOUT_MS, timeout_ms);
  set(CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  set(CURLOPT_HTTPHEADER, headers.get());
  set(CURLOPT_USERAGENT, "Cabinet");
  if (request.method == Method::post) {
    set(CURLOPT_POSTFIELDS, request.form.c_str());
    set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.form.size()));
  } else {
    set(CURLOPT_HTTPGET, 1L);
  }
  set(CURLOPT_WRITEFUNCTION, notify::curl::keep_answer);
  set(CURLOPT_WRITEDATA, &answer);
  if (rc == CURLE_OK) rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    reply.failure = notify::curl::redact(options.base_url) + ": " +
                    notify::curl::message(rc, error_buffer.data()) + " (curl " +
                    std::to_string(static_cast<int>(rc)) + ")";
    return reply;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply.status);
  reply.body = nlohmann::json::parse(answer, nullptr, /*allow_exceptions=*/false);
  return reply;
}

}  // namespace

Task<Reply> exchange(BlockingPool& blocking, const StripeOptions& options, Request request) {
  co_return co_await blocking.call([&] { return perform(options, request); });
}

}  // namespace cabinet::payments::stripe_http
