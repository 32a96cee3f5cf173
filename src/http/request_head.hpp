#pragma once

#include <boost/beast/http/message.hpp>

#include <string>

#include "http/message.hpp"
#include "http/origins.hpp"

// The server's reading of a request head that Beast's parser accepted: a Request value (no
// socket, no Beast beyond the message type), so that fuzz/http_request.cpp runs the same code
// as http_session.cpp on arbitrary bytes.
namespace cabinet::http {

using RequestHeader = boost::beast::http::request_header<>;

// Fills the method, target, headers, percent-decoded path and raw query of `request`. False
// when the path is not absolute or badly escaped: the server answers 400 without routing.
bool read_request_head(const RequestHeader& header, Request& request);

// What makes a request's length ambiguous or its target unknown (RFC 9112 §3.2, §6.3): HTTP/1.1
// without Host, two Hosts, Transfer-Encoding other than chunked or beside Content-Length.
// Empty when the framing is sound. A front proxy and this server must never disagree on where
// a request ends (request smuggling).
std::string framing_error(const RequestHeader& header);

// Cross-site WebSocket hijacking: browsers always send Origin on a WebSocket handshake; it must
// be one the site is served as. Non-browser clients without Origin are let through (cookies
// decide later).
bool origin_allowed(const Request& request, const Origins& origins);

}  // namespace cabinet::http
