#include "http/request_head.hpp"

namespace cabinet::http {

bool read_request_head(const RequestHeader& header, Request& request) {
  request.method = parse_method(header.method_string());
  request.target = std::string(header.target());
  for (const auto& field : header)
    request.headers.add(std::string(field.name_string()), std::string(field.value()));
  const auto question = request.target.find('?');
  auto path = percent_decode(std::string_view(request.target).substr(0, question));
  if (!path || path->empty() || path->front() != '/') return false;
  request.path = std::move(*path);
  if (question != std::string::npos) request.query = request.target.substr(question + 1);
  return true;
}

bool origin_allowed(const Request& request) {
  auto origin = request.headers.get("Origin");
  if (!origin) return true;
  auto host = request.headers.get("Host").value_or("");
  auto rest = *origin;
  const auto scheme = rest.find("://");
  if (scheme == std::string_view::npos) return false;
  rest.remove_prefix(scheme + 3);
  return iequals(rest, host);
}

}  // namespace cabinet::http
