#include "system/ice.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <ctime>

namespace cabinet::system {

std::string turn_credential(const std::string& secret, const std::string& username) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(username.data()), username.size(), mac, &length);
  std::string out(sodium_base64_ENCODED_LEN(length, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), mac, length, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::char_traits<char>::length(out.c_str()));
  return out;
}

nlohmann::json ice_servers(const IceOptions& options, const std::string& account_public_id,
                           std::int64_t now) {
  const std::int64_t expiry = now + options.ttl.count();
  nlohmann::json servers = nlohmann::json::array();
  if (!options.stun_urls.empty()) servers.push_back({{"urls", options.stun_urls}});
  if (!options.turn_urls.empty() && !options.turn_secret.empty()) {
    const auto username = std::to_string(expiry) + ":" + account_public_id;
    servers.push_back({{"urls", options.turn_urls},
                       {"username", username},
                       {"credential", turn_credential(options.turn_secret, username)}});
  }
  const std::time_t t = expiry;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char iso[32];
  std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return {{"ice_servers", std::move(servers)}, {"expires_at", iso}};
}

void register_ice_routes(http::Router& router, const IceOptions& options,
                         std::function<std::int64_t()> now) {
  router.add(
      http::Method::get, "/api/v1/ice-servers",
      [options, now = std::move(now)](http::Request& req) -> Task<http::Response> {
        // A guest's user is "g<invitation id>" (its principal's account_public_id).
        co_return http::Response::json(
            200, ice_servers(options, req.principal->account_public_id, now()));
      },
      http::guests_too(http::signed_in()));
}

}  // namespace cabinet::system
