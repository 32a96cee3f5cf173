#include "notify/smtp_transport.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "notify/curl.hpp"
#include "notify/eml.hpp"

namespace cabinet::notify {
namespace {

struct Upload {
  std::string_view data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, upload->data.size() - upload->offset);
  std::memcpy(buffer, upload->data.data() + upload->offset, n);
  upload->offset += n;
  return n;
}

curl_usessl use_ssl(SmtpOptions::Tls tls) {
  switch (tls) {
    case SmtpOptions::Tls::none:
      return CURLUSESSL_NONE;
    case SmtpOptions::Tls::starttls:
      return CURLUSESSL_TRY;
    case SmtpOptions::Tls::required:
      return CURLUSESSL_ALL;
  }
  return CURLUSESSL_ALL;
}

}  // namespace

Result<void> SmtpEmailTransport::send(const Email& original) {
  Email email = original;
  if (email.from.empty()) email.from = options_.from;
  if (auto checked = check_email(email); !checked) return checked;
  const std::string sender = address_of(options_.from.empty() ? email.from : options_.from);
  if (sender.empty()) {
    return Error(ErrorCode::invalid_request, "no usable envelope sender in " + options_.from);
  }
  if (const CURLcode init = curl::global_init(); init != CURLE_OK) {
    return Error(ErrorCode::unavailable,
                 fmt::format("curl_global_init: {}", curl_easy_strerror(init)));
  }
  curl::Easy handle(curl_easy_init());
  if (!handle) return Error(ErrorCode::unavailable, "curl_easy_init failed");
  CURL* h = handle.get();

  const std::string message = render_eml(email);
  Upload upload{message};
  curl::List recipients;
  curl::append(recipients, "<" + address_of(email.to) + ">");
  const std::string mail_from = "<" + sender + ">";
  const auto timeout_ms = static_cast<long>(
      std::chrono::duration_cast<std::chrono::milliseconds>(options_.timeout).count());
  char error_buffer[CURL_ERROR_SIZE] = {};

  CURLcode rc = CURLE_OK;
  const auto set = [&](CURLoption option, auto value) {
    if (rc == CURLE_OK) rc = curl_easy_setopt(h, option, value);
  };
  set(CURLOPT_ERRORBUFFER, error_buffer);
  set(CURLOPT_URL, options_.url.c_str());
  set(CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // Pool threads must not get SIGALRM from the resolver's timeout.
  set(CURLOPT_NOSIGNAL, 1L);
  set(CURLOPT_TIMEOUT_MS, timeout_ms);
  set(CURLOPT_CONNECTTIMEOUT_MS, timeout_ms);
  set(CURLOPT_USE_SSL, static_cast<long>(use_ssl(options_.tls)));
  if (!options_.username.empty()) {
    set(CURLOPT_USERNAME, options_.username.c_str());
    set(CURLOPT_PASSWORD, options_.password.c_str());
  }
  set(CURLOPT_MAIL_FROM, mail_from.c_str());
  set(CURLOPT_MAIL_RCPT, recipients.get());
  set(CURLOPT_UPLOAD, 1L);
  set(CURLOPT_READFUNCTION, read_upload);
  set(CURLOPT_READDATA, &upload);
  set(CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  if (rc == CURLE_OK) rc = curl_easy_perform(h);
  if (rc == CURLE_OK) return ok();

  long reply = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
  return Error(ErrorCode::unavailable,
               fmt::format("smtp {} to {}: {} (curl {}, last reply {})", curl::redact(options_.url),
                           address_of(email.to), curl::message(rc, error_buffer),
                           static_cast<int>(rc), reply));
}

}  // namespace cabinet::notify
