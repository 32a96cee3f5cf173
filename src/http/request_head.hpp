#pragma once

#include <boost/beast/http/message.hpp>

#include "http/message.hpp"

// The server's reading of a request head that Beast's parser accepted: a Request value (no
// socket, no Beast beyond the message type), so that fuzz/http_request.cpp runs the same code
// as http_session.cpp on arbitrary bytes.
namespace cabinet::http {

using RequestHeader = boost::beast::http::request_header<>;

// Fills the method, target, headers, percent-decoded path and raw query of `request`. False
// when the path is not absolute or badly escaped: the server answers 400 without routing.
bool read_request_head(const RequestHeader& header, Request& request);

// Cross-site WebSocket hijacking: browsers always send Origin on a WebSocket handshake; it must
// name this host. Non-browser clients without Origin are let through (cookies decide later).
bool origin_allowed(const Request& request);

}  // namespace cabinet::http
