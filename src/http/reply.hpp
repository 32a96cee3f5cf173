#pragma once

#include <nlohmann/json.hpp>

#include "core/result.hpp"
#include "http/message.hpp"

namespace cabinet::http {

// The usual endings of a handler: a JSON value or the error, in the caller's language.
inline Response reply(const Result<nlohmann::json>& r, const Request& req, int status = 200) {
  return r ? Response::json(status, *r) : Response::error(r.error(), req.locale);
}
inline Response reply(const Result<void>& r, const Request& req, int status = 204,
                      const nlohmann::json& body = nullptr) {
  if (!r) return Response::error(r.error(), req.locale);
  return body.is_null() ? Response::no_content() : Response::json(status, body);
}

}  // namespace cabinet::http
