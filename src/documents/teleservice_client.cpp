#include "documents/teleservice_client.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <filesystem>

#include "notify/curl.hpp"  // shared so that curl_global_init runs once per process

namespace cabinet::documents {

Result<void> check_teleservice(const TeleserviceOptions& options) {
  const auto bad = [](std::string what) {
    return Error(ErrorCode::invalid_request, std::move(what));
  };
  const std::string_view token = options.token;
  const bool one_word =
      std::all_of(token.begin(), token.end(), [](char c) { return c > ' ' && c < '\x7f'; });
  if (!one_word) return bad("the teleservice token is not one word");
  const bool certificate = !options.client_cert.empty() || !options.client_key.empty();
  if (token.empty() && !certificate)
    return bad("a teleservice needs a token or a client certificate and key");
  if (certificate) {
    std::error_code ec;
    if (options.client_cert.empty() || options.client_key.empty())
      return bad("the teleservice client certificate and key go together");
    if (!std::filesystem::is_regular_file(options.client_cert, ec))
      return bad("the teleservice client certificate is not a readable file");
    if (!std::filesystem::is_regular_file(options.client_key, ec))
      return bad("the teleservice client key is not a readable file");
  }
  const std::string_view url = options.base_url;
  if (!url.starts_with("https://")) {
    bool loopback = false;
    for (const std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"}) {
      const auto rest = url.substr(std::min(url.size(), host.size()));
      loopback =
          loopback || (url.starts_with(host) && (rest.empty() || rest[0] == ':' || rest[0] == '/'));
    }
    if (!loopback) return bad("a teleservice URL must be https (plain http only for loopback)");
  }
  if (options.timeout.count() <= 0) return bad("the teleservice timeout must be positive");
  return ok();
}

}  // namespace cabinet::documents

namespace cabinet::documents::teleservice_client {
namespace {

constexpr std::size_t kMaxDetail = 300;

// The exchange itself, blocking: run on the BlockingPool.
Reply perform(const TeleserviceOptions& options, const Request& request) {
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
  std::string url = options.base_url;
  while (url.ends_with('/')) url.pop_back();
  url += request.path;
  const std::string body = request.body.dump();
  notify::curl::List headers;
  if (!options.token.empty())
    notify::curl::append(headers, "Authorization: Bearer " + options.token);
  notify::curl::append(headers, "Content-Type: " + request.content_type);
  notify::curl::append(headers, "Accept: " + request.content_type);
  notify::curl::append(headers, "Expect:");
  if (request.return_representation) notify::curl::append(headers, "Prefer: return=representation");
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
  if (!options.client_cert.empty()) {
    set(CURLOPT_SSLCERT, options.client_cert.c_str());
    set(CURLOPT_SSLKEY, options.client_key.c_str());
  }
  set(CURLOPT_POSTFIELDS, body.c_str());
  set(CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
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

std::string text(const nlohmann::json& j, const char* key) {
  if (!j.is_object()) return {};
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Task<Reply> exchange(BlockingPool& blocking, const TeleserviceOptions& options, Request request) {
  co_return co_await blocking.call([&] { return perform(options, request); });
}

bool valid_idempotency_key(std::string_view key) {
  return !key.empty() && key.size() <= 200 &&
         std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < '\x7f'; });
}

bool valid_rpps(std::string_view rpps) {
  return rpps.size() == 11 && std::all_of(rpps.begin(), rpps.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

bool valid_nir(std::string_view nir) {
  return nir.size() == 15 && std::all_of(nir.begin(), nir.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0 || c == 'A' || c == 'B';
         });
}

std::string scrub(std::string text, std::initializer_list<std::string_view> secrets) {
  for (const std::string_view secret : secrets) {
    if (secret.size() < 3) continue;  // a two-letter name would cut words apart
    constexpr std::string_view kCut = "[redacted]";
    for (auto at = text.find(secret); at != std::string::npos;
         at = text.find(secret, at + kCut.size()))
      text.replace(at, secret.size(), kCut);
  }
  if (text.size() > kMaxDetail) {
    text.resize(kMaxDetail);
    // Do not leave half a UTF-8 character at the end.
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0U) == 0x80U)
      text.pop_back();
    if (!text.empty() && (static_cast<unsigned char>(text.back()) & 0x80U) != 0) text.pop_back();
    text += "…";
  }
  return text;
}

std::string reason_of(const nlohmann::json& body) {
  if (text(body, "resourceType") == "OperationOutcome") {
    std::string out;
    const auto issues = body.find("issue");
    if (issues == body.end() || !issues->is_array()) return out;
    for (const auto& issue : *issues) {
      if (!out.empty()) out += "; ";
      std::string said = text(issue, "diagnostics");
      if (said.empty() && issue.contains("details")) said = text(issue["details"], "text");
      out += text(issue, "code") + ": " + said;
    }
    return out;
  }
  if (body.is_object() && body.contains("error")) {
    const auto& error = body["error"];
    return text(error, "code") + ": " + text(error, "message");
  }
  return {};
}

Error unavailable(const Service& service, std::string detail) {
  Error e(ErrorCode::unavailable, std::string(service.log_name) + ": " + std::move(detail));
  e.message_fr = "Le téléservice national « " + std::string(service.fr) +
                 " » n’a pas répondu. Réessayez dans quelques minutes.";
  e.message_en = "The national " + std::string(service.en) +
                 " service did not answer. Please try again in a few minutes.";
  return e;
}

Error failure(const Service& service, const Reply& reply,
              std::initializer_list<std::string_view> secrets) {
  if (reply.status == 0) return unavailable(service, scrub(reply.failure, secrets));
  const std::string status = "answered " + std::to_string(reply.status);
  if (reply.status == 401 || reply.status == 403) {
    // Its words may quote the credentials: none of them are kept.
    Error e(ErrorCode::unavailable, std::string(service.log_name) + " " + status +
                                        ": the platform's token or certificate was refused");
    e.message_fr = "Le téléservice national « " + std::string(service.fr) +
                   " » a refusé l’accès de la plateforme. Contactez le support de la plateforme.";
    e.message_en = "The national " + std::string(service.en) +
                   " service refused the platform's credentials. Please contact the "
                   "platform's support.";
    return e;
  }
  const std::string reason = scrub(reason_of(reply.body), secrets);
  if (reply.status < 400 || reply.status == 408 || reply.status == 429 || reply.status >= 500)
    return unavailable(service, status + ": " + reason);
  Error e(ErrorCode::invalid_request,
          std::string(service.log_name) + " " + status + " (refused): " + reason);
  e.message_fr = "Le téléservice national « " + std::string(service.fr) +
                 " » a refusé la demande. Vérifiez les informations saisies.";
  e.message_en = "The national " + std::string(service.en) +
                 " service refused the request. Please check the information entered.";
  return e;
}

Error misconfigured(const Service& service, const Error& why) {
  return unavailable(service, "misconfigured: " + why.detail);
}

std::string base64(std::string_view bytes) {
  constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto n = (static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U) |
                   (static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U) |
                   static_cast<unsigned char>(bytes[i + 2]);
    for (const unsigned shift : {18U, 12U, 6U, 0U}) out += kAlphabet[(n >> shift) & 63U];
  }
  if (const std::size_t rest = bytes.size() - i; rest > 0) {
    unsigned n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16U;
    if (rest == 2) n |= static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
    out += kAlphabet[(n >> 18U) & 63U];
    out += kAlphabet[(n >> 12U) & 63U];
    out += rest == 2 ? kAlphabet[(n >> 6U) & 63U] : '=';
    out += '=';
  }
  return out;
}

}  // namespace cabinet::documents::teleservice_client
