#include "http/router.hpp"

#include <array>
#include <stdexcept>

namespace cabinet::http {

struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> param;
  std::string param_name;
  std::map<Method, RouteInfo*> handlers;
};

namespace {

// Paths deeper than this match no route (none of ours comes close); splitting into a fixed
// array keeps matching free of allocation on every request.
constexpr std::size_t kMaxSegments = 24;
struct Segments {
  std::array<std::string_view, kMaxSegments> items{};
  std::size_t size = 0;
  bool overflow = false;
};

Segments split(std::string_view path) {
  Segments out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    if (out.size == kMaxSegments) {
      out.overflow = true;
      return out;
    }
    const auto slash = path.find('/');
    out.items[out.size++] = path.substr(0, slash);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

bool is_param(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;

RouteInfo& Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::logic_error("route pattern must start with '/': " + pattern);
  }
  Node* node = root_.get();
  const auto segments = split(pattern);
  if (segments.overflow) throw std::logic_error("route pattern too deep: " + pattern);
  for (std::size_t i = 0; i < segments.size; ++i) {
    const auto segment = segments.items[i];
    if (is_param(segment)) {
      const auto name = std::string(segment.substr(1, segment.size() - 2));
      if (!node->param) {
        node->param = std::make_unique<Node>();
        node->param_name = name;
      } else if (node->param_name != name) {
        throw std::logic_error("conflicting parameter names in " + pattern);
      }
      node = node->param.get();
    } else {
      auto& child = node->literals[std::string(segment)];
      if (!child) child = std::make_unique<Node>();
      node = child.get();
    }
  }
  if (node->handlers.contains(method)) {
    throw std::logic_error("duplicate route " + std::string(to_string(method)) + " " + pattern);
  }
  auto info = std::make_unique<RouteInfo>();
  info->method = method;
  info->pattern = std::move(pattern);
  info->options = options;
  info->handler = std::move(handler);
  node->handlers[method] = info.get();
  routes_.push_back(std::move(info));
  return *routes_.back();
}

namespace {

// Depth-first: a literal segment is tried before a parameter, and a dead end backtracks, so
// "/a/{id}/x" still matches "/a/b/x" when "/a/b/y" also exists.
template <class Node>
const Node* descend(const Node* node, const Segments& segments, std::size_t i,
                    std::vector<std::pair<std::string, std::string>>& params) {
  if (i == segments.size) return node->handlers.empty() ? nullptr : node;
  const auto segment = segments.items[i];
  if (auto it = node->literals.find(segment); it != node->literals.end()) {
    if (const auto* found = descend(it->second.get(), segments, i + 1, params)) return found;
  }
  if (node->param && !segment.empty()) {
    params.emplace_back(node->param_name, std::string(segment));
    if (const auto* found = descend(node->param.get(), segments, i + 1, params)) return found;
    params.pop_back();
  }
  return nullptr;
}

}  // namespace

RouteMatch Router::match(Method method, std::string_view path) const {
  RouteMatch out;
  const auto segments = split(path);
  if (segments.size == 0 || segments.overflow) return out;
  const Node* node = descend(root_.get(), segments, 0, out.params);
  if (node == nullptr) return {};
  auto it = node->handlers.find(method);
  if (it == node->handlers.end() && method == Method::head) it = node->handlers.find(Method::get);
  if (it != node->handlers.end()) {
    out.route = it->second;
    return out;
  }
  out.params.clear();
  for (const auto& [m, route] : node->handlers) out.allowed.push_back(m);
  return out;
}

std::vector<const RouteInfo*> Router::routes() const {
  std::vector<const RouteInfo*> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back(r.get());
  return out;
}

}  // namespace cabinet::http
