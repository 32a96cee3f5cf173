#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cabinet::http {

// 127.0.0.0/8, ::1 or "localhost": a listener only this machine can reach.
bool is_loopback_host(std::string_view host);

// The origins this site is served as (docs/security.md, "Requests"): the one source for the
// CSRF Origin check, the WebSocket handshake's Origin and the Host checks of development
// tools. The request's own Host is never trusted: a DNS-rebinding page names the attacker's
// host in both Host and Origin. Accepted: the public URL's origin, the configured extra
// origins, and — only when the listener is on loopback, which no other machine can reach — the
// loopback names on the bound port (a developer opening http://127.0.0.1:8080 when the public
// URL says localhost, the test harnesses on a free port).
class Origins {
 public:
  Origins() = default;
  Origins(std::string_view public_url, const std::vector<std::string>& extra,
          bool loopback_listener);

  // White-label partners (docs/operator.md "Partners"): a host name answered by an active
  // partner's table is accepted with the scheme and port of an origin above (the public URL's,
  // an extra origin's, or the loopback port), never with another. Asked from memory.
  using PartnerHosts = std::function<bool(std::string_view host)>;
  void set_partner_hosts(PartnerHosts served) {
    partner_hosts_ = std::make_shared<PartnerHosts>(std::move(served));
  }

  // Known once the listener is bound (port 0 picks one).
  void set_bound_port(std::uint16_t port) { bound_port_ = port; }

  // An Origin header: "scheme://host[:port]", compared exactly (scheme, host, port).
  [[nodiscard]] bool origin_allowed(std::string_view origin) const;
  // A Host header: "host[:port]", against the same list.
  [[nodiscard]] bool host_allowed(std::string_view host) const;

  // "https://Example.fr/" → "https://example.fr:443"; empty when it is not an http(s) origin
  // (a path, a query, credentials or a bad port make it invalid).
  static std::string normalize(std::string_view origin);

 private:
  struct Entry {
    std::string scheme;
    std::string host;
    std::uint16_t port = 0;
  };
  static std::optional<Entry> parse(std::string_view origin);
  [[nodiscard]] bool loopback_match(const Entry& e) const;
  [[nodiscard]] bool matches(const Entry& e) const;
  [[nodiscard]] bool partner_match(const Entry& e) const;

  std::vector<Entry> entries_;
  bool loopback_listener_ = false;
  std::uint16_t bound_port_ = 0;
  std::shared_ptr<PartnerHosts> partner_hosts_;
};

}  // namespace cabinet::http
