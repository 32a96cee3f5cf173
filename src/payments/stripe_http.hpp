#pragma once

#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/runtime.hpp"
#include "payments/stripe.hpp"

// The Stripe adapter's HTTP transport: a url-encoded form, one call to the API (pinned version,
// secret key, idempotency key) and its answer as JSON. What the answers mean to us, and which
// calls are made, is payments/stripe.cpp's.
namespace cabinet::payments::stripe_http {

enum class Method { get, post };

struct Request {
  Method method = Method::post;
  std::string path;  // with the query string of a GET
  std::string form;  // the url-encoded body of a POST
  std::string idempotency_key;
};

struct Reply {
  long status = 0;      // 0: no answer at all
  std::string failure;  // why, when there was no answer
  nlohmann::json body;  // discarded when the answer was not JSON
};

class Form {
 public:
  Form& add(std::string_view name, std::string_view value) {
    if (!text_.empty()) text_ += '&';
    append(name);
    text_ += '=';
    append(value);
    return *this;
  }
  Form& raw(std::string_view encoded) {
    if (!text_.empty()) text_ += '&';
    text_ += encoded;
    return *this;
  }
  std::string take() { return std::move(text_); }

 private:
  void append(std::string_view s) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    for (const char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~') {
        text_ += c;
      } else {
        text_ += '%';
        text_ += kHex[u >> 4U];
        text_ += kHex[u & 15U];
      }
    }
  }
  std::string text_;
};

// The call, on the BlockingPool (so calls may overlap on several threads). It never fails: a
// Reply with status 0 says why there was no answer.
Task<Reply> exchange(BlockingPool& blocking, const StripeOptions& options, Request request);

}  // namespace cabinet::payments::stripe_http
