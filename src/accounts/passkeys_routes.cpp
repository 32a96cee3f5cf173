#include "accounts/passkeys_routes.hpp"

#include "accounts/routes.hpp"
#include "crypto/base64url.hpp"
#include "http/input.hpp"
#include "http/reply.hpp"

namespace cabinet::accounts {
namespace {

using http::Input;
using http::Method;
using http::reply;
using http::Request;
using http::Response;

// Base64url of the largest fields: a 1023-byte credential id, 8 KiB of authenticator data.
constexpr std::size_t kMaxEncoded = 12 * 1024;

Error bad_credential(std::string_view field) {
  return http::invalid_field(field, "Réponse de la clé d'accès incomplète ou illisible.",
                             "The passkey's answer is incomplete or unreadable.");
}

// A base64url field of the browser's PublicKeyCredential (WebAuthn's toJSON() shape), decoded.
Result<std::string> decoded(const nlohmann::json& object, std::string_view field, bool required) {
  const auto it = object.find(std::string(field));
  if (it == object.end() || it->is_null()) {
    if (required) return bad_credential(field);
    return std::string();
  }
  if (!it->is_string() || it->get_ref<const std::string&>().size() > kMaxEncoded)
    return bad_credential(field);
  auto bytes = crypto::base64url_decode(it->get_ref<const std::string&>());
  if (!bytes || (required && bytes->empty())) return bad_credential(field);
  return std::move(*bytes);
}

const nlohmann::json& response_of(const Request& req) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const auto& credential = Input(req.json).object("credential");
  const auto it = credential.find("response");
  return it != credential.end() && it->is_object() ? *it : kEmpty;
}

Result<PasskeyRegistration> registration_of(const Request& req) {
  Input in(req.json);
  PasskeyRegistration f;
  auto challenge = in.text("challenge_id", 100);
  if (!challenge) return std::move(challenge).error();
  auto name = in.text("name", 400);
  if (!name) return std::move(name).error();
  f.challenge_id = std::move(*challenge);
  f.name = std::move(*name);
  const auto& response = response_of(req);
  auto client = decoded(response, "clientDataJSON", true);
  if (!client) return std::move(client).error();
  auto attestation = decoded(response, "attestationObject", true);
  if (!attestation) return std::move(attestation).error();
  f.response = {std::move(*client), std::move(*attestation)};
  if (const auto t = response.find("transports"); t != response.end() && t->is_array()) {
    for (const auto& x : *t) {
      if (x.is_string() && f.transports.size() < 8) f.transports.push_back(x.get<std::string>());
    }
  }
  return f;
}

Result<PasskeySignIn> sign_in_of(const Request& req) {
  PasskeySignIn f;
  auto challenge = Input(req.json).text("challenge_id", 100);
  if (!challenge) return std::move(challenge).error();
  f.challenge_id = std::move(*challenge);
  auto raw_id = decoded(Input(req.json).object("credential"), "rawId", true);
  if (!raw_id) return std::move(raw_id).error();
  f.credential_id = std::move(*raw_id);
  const auto& response = response_of(req);
  auto client = decoded(response, "clientDataJSON", true);
  if (!client) return std::move(client).error();
  auto data = decoded(response, "authenticatorData", true);
  if (!data) return std::move(data).error();
  auto signature = decoded(response, "signature", true);
  if (!signature) return std::move(signature).error();
  auto handle = decoded(response, "userHandle", false);
  if (!handle) return std::move(handle).error();
  f.user_handle = std::move(*handle);
  f.response = {std::move(*client), std::move(*data), std::move(*signature)};
  return f;
}

}  // namespace

void register_passkey_routes(http::Router& router, Passkeys& passkeys, Service& accounts,
                             bool secure) {
  using http::json_body;
  using http::signed_in;

  router.add(
      Method::post, "/api/v1/me/passkeys/options",
      [&passkeys](Request& req) -> Task<Response> {
        auto result = co_await passkeys.registration_options(*req.principal, caller_of(req));
        co_return reply(result, req);
      },
      signed_in());
  router.add(
      Method::post, "/api/v1/me/passkeys",
      [&passkeys](Request& req) -> Task<Response> {
        auto form = registration_of(req);
        if (!form) co_return Response::error(form.error(), req.locale);
        auto result = co_await passkeys.add(*req.principal, std::move(*form), caller_of(req));
        co_return reply(result, req, 201);
      },
      signed_in(http::kAnyRole, json_body()));
  router.add(
      Method::get, "/api/v1/me/passkeys",
      [&passkeys](Request& req) -> Task<Response> {
        auto result = co_await passkeys.list(*req.principal);
        co_return reply(result, req);
      },
      signed_in());
  router.add(
      Method::patch, "/api/v1/me/passkeys/{id}",
      [&passkeys](Request& req) -> Task<Response> {
        auto name = Input(req.json).text("name", 400);
        if (!name) co_return Response::error(name.error(), req.locale);
        auto result =
            co_await passkeys.rename(*req.principal, std::string(*req.param("id")), *name);
        co_return reply(result, req);
      },
      signed_in(http::kAnyRole, json_body()));
  router.add(
      Method::del, "/api/v1/me/passkeys/{id}",
      [&passkeys](Request& req) -> Task<Response> {
        auto result =
            co_await passkeys.revoke(*req.principal, std::string(*req.param("id")), caller_of(req));
        co_return reply(result, req);
      },
      signed_in());

  router.add(
      Method::post, "/api/v1/auth/passkey/options",
      [&passkeys](Request& req) -> Task<Response> {
        auto result = co_await passkeys.sign_in_options(caller_of(req));
        co_return reply(result, req);
      },
      json_body());
  router.add(
      Method::post, "/api/v1/auth/passkey",
      [&passkeys, &accounts, secure](Request& req) -> Task<Response> {
        auto form = sign_in_of(req);
        if (!form) co_return Response::error(form.error(), req.locale);
        auto done = co_await passkeys.sign_in(*form, caller_of(req));
        co_return co_await signed_in_reply(accounts, std::move(done), req, secure);
      },
      json_body());
}

}  // namespace cabinet::accounts
