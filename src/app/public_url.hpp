#pragma once

#include <string>

namespace cabinet::app {

// What the services and the wiring read off http.public_url.

// "https://cabinet.example.fr:8443/x" -> "https://cabinet.example.fr:8443"
inline std::string origin_of(const std::string& url) {
  const auto scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  const auto path = url.find('/', scheme + 3);
  return path == std::string::npos ? url : url.substr(0, path);
}

inline std::string host_of(const std::string& url) {
  auto origin = origin_of(url);
  origin = origin.substr(origin.find("://") + 3);
  return origin.substr(0, origin.find(':'));
}

// Cookies are Secure except for a site served over plain HTTP on this machine.
inline bool secure_cookies(const std::string& public_url) {
  const auto host = host_of(public_url);
  return public_url.starts_with("https://") || (host != "localhost" && host != "127.0.0.1");
}

}  // namespace cabinet::app
