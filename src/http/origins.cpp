#include "http/origins.hpp"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <charconv>
#include <optional>

namespace cabinet::http {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// "host[:port]" (host may be "[v6]"); the port defaults to the scheme's.
struct Authority {
  std::string host;
  std::uint16_t port = 0;
};

std::optional<Authority> parse_authority(std::string_view text, std::uint16_t default_port) {
  if (text.empty() || text.find_first_of("/?#@ \t") != std::string_view::npos) return std::nullopt;
  Authority a;
  std::string_view host = text;
  std::string_view port;
  if (text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = text.substr(0, close + 1);
    auto rest = text.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
    }
  } else if (const auto colon = text.rfind(':'); colon != std::string_view::npos) {
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty()) return std::nullopt;
  a.host = lower(host);
  a.port = default_port;
  if (!port.empty() || text.ends_with(':')) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535)
      return std::nullopt;
    a.port = static_cast<std::uint16_t>(value);
  }
  return a;
}

bool is_loopback_name(const std::string& host) {
  return host == "localhost" || host == "[::1]" || is_loopback_host(host);
}

}  // namespace

bool is_loopback_host(std::string_view host) {
  if (host == "localhost") return true;
  std::string bare(host);
  if (bare.size() > 2 && bare.front() == '[' && bare.back() == ']')
    bare = bare.substr(1, bare.size() - 2);
  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(bare, ec);
  return !ec && address.is_loopback();
}

std::optional<Origins::Entry> Origins::parse(std::string_view origin) {
  const auto sep = origin.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  auto scheme = lower(origin.substr(0, sep));
  std::uint16_t default_port = 0;
  if (scheme == "http") default_port = 80;
  if (scheme == "https") default_port = 443;
  if (default_port == 0) return std::nullopt;
  auto rest = origin.substr(sep + 3);
  if (rest.ends_with('/')) rest.remove_suffix(1);
  auto a = parse_authority(rest, default_port);
  if (!a) return std::nullopt;
  return Entry{std::move(scheme), std::move(a->host), a->port};
}

std::string Origins::normalize(std::string_view origin) {
  const auto e = parse(origin);
  return e ? e->scheme + "://" + e->host + ":" + std::to_string(e->port) : std::string();
}

Origins::Origins(std::string_view public_url, const std::vector<std::string>& extra,
                 bool loopback_listener)
    : loopback_listener_(loopback_listener) {
  auto add = [this](std::string_view url) {
    // A URL's origin is what precedes its path.
    const auto sep = url.find("://");
    const auto path = sep == std::string_view::npos ? sep : url.find('/', sep + 3);
    if (auto e = parse(url.substr(0, path))) entries_.push_back(std::move(*e));
  };
  add(public_url);
  for (const auto& e : extra) add(e);
}

bool Origins::loopback_match(const Entry& e) const {
  return loopback_listener_ && bound_port_ != 0 && e.scheme == "http" && e.port == bound_port_ &&
         is_loopback_name(e.host);
}

bool Origins::partner_match(const Entry& e) const {
  if (!partner_hosts_ || !*partner_hosts_ || !(*partner_hosts_)(e.host)) return false;
  const bool loopback_port =
      loopback_listener_ && bound_port_ != 0 && e.scheme == "http" && e.port == bound_port_;
  return loopback_port || std::ranges::any_of(entries_, [&e](const Entry& allowed) {
           return allowed.scheme == e.scheme && allowed.port == e.port;
         });
}

bool Origins::matches(const Entry& e) const {
  if (loopback_match(e)) return true;
  if (std::ranges::any_of(entries_, [&e](const Entry& allowed) {
        return allowed.scheme == e.scheme && allowed.host == e.host && allowed.port == e.port;
      }))
    return true;
  return partner_match(e);
}

bool Origins::origin_allowed(std::string_view origin) const {
  const auto e = parse(origin);
  return e && matches(*e);
}

bool Origins::host_allowed(std::string_view host) const {
  // A Host names no scheme: it is allowed when some allowed origin has that host and port.
  for (const char* scheme : {"http", "https"}) {
    const std::uint16_t default_port = std::string_view(scheme) == "http" ? 80 : 443;
    const auto a = parse_authority(host, default_port);
    if (a && matches(Entry{scheme, a->host, a->port})) return true;
  }
  return false;
}

}  // namespace cabinet::http
