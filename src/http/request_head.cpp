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

std::string framing_error(const RequestHeader& header) {
  using boost::beast::http::field;
  const auto hosts =
      std::distance(header.equal_range(field::host).first, header.equal_range(field::host).second);
  if (hosts > 1) return "more than one Host header";
  if (hosts == 0 && header.version() >= 11) return "HTTP/1.1 requires a Host header";
  const auto encodings = header.equal_range(field::transfer_encoding);
  const auto n = std::distance(encodings.first, encodings.second);
  if (n == 0) return {};
  if (header.find(field::content_length) != header.end())
    return "Transfer-Encoding and Content-Length together";
  if (header.version() < 11) return "Transfer-Encoding needs HTTP/1.1";
  auto value = std::string(encodings.first->value());
  std::erase(value, ' ');
  std::erase(value, '\t');
  if (n > 1 || !iequals(value, "chunked")) return "only Transfer-Encoding: chunked is supported";
  return {};
}

bool origin_allowed(const Request& request, const Origins& origins) {
  auto origin = request.headers.get("Origin");
  return !origin || origins.origin_allowed(*origin);
}

}  // namespace cabinet::http
