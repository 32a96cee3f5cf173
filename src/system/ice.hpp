#pragma once

// STUN and TURN servers for the browsers' WebRTC connections (issue 6, docs/consultation.md):
// TURN REST credentials after coturn's "use-auth-secret" scheme — username "<expiry>:<user>",
// password base64(HMAC-SHA1(shared secret, username)) — so that no TURN password is stored and
// a leaked credential dies within the hour.
#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "http/router.hpp"

namespace cabinet::system {

struct IceOptions {
  std::vector<std::string> stun_urls;  // "stun:turn.example.fr:3478"
  std::vector<std::string> turn_urls;  // "turn:turn.example.fr:3478?transport=udp", "turns:…"
  std::string turn_secret;             // coturn's static-auth-secret
  std::chrono::seconds ttl{3600};      // at most an hour
};

// The credential of `username` (base64 of the HMAC-SHA1): what coturn recomputes.
std::string turn_credential(const std::string& secret, const std::string& username);

// {"ice_servers": [...], "expires_at": ISO 8601 UTC} for one signed-in account.
nlohmann::json ice_servers(const IceOptions& options, const std::string& account_public_id,
                           std::int64_t now);

void register_ice_routes(http::Router& router, const IceOptions& options,
                         std::function<std::int64_t()> now);

}  // namespace cabinet::system
