// MSSanté through an operator's HTTPS gateway (docs/teleservices.md, "Messagerie sécurisée").
#include <algorithm>

#include "documents/teleservice_client.hpp"
#include "documents/teleservices_http.hpp"

namespace cabinet::documents {
namespace {

using nlohmann::json;
using namespace teleservice_client;  // NOLINT(google-build-using-namespace): this file's toolbox

constexpr Service kService{"secure_mail", "messagerie sécurisée de santé (MSSanté)",
                           "health secure messaging (MSSanté)"};
constexpr std::size_t kMaxAddress = 254;  // RFC 5321's path limit, less the brackets
constexpr std::size_t kMaxId = 256;
constexpr std::size_t kMaxAttachments = 10;  // operators' gateways cap a message at about this

// One address, nothing that could become a second header or recipient.
bool valid_address(std::string_view a) {
  const auto at = a.find('@');
  return !a.empty() && a.size() <= kMaxAddress && at != std::string_view::npos && at > 0 &&
         at + 1 < a.size() && a.find('@', at + 1) == std::string_view::npos &&
         std::all_of(a.begin(), a.end(),
                     [](char c) { return c > ' ' && c < '\x7f' && c != ',' && c != ';'; });
}

bool valid_id(std::string_view id) {
  return !id.empty() && id.size() <= kMaxId &&
         std::all_of(id.begin(), id.end(), [](char c) { return c > ' ' && c < '\x7f'; });
}

json message_body(const SecureMessage& m) {
  json attachments = json::array();
  for (const auto& a : m.attachments)
    attachments.push_back(
        {{"name", a.name}, {"mime", a.mime}, {"content_base64", base64(a.bytes)}});
  return {{"to", json::array({m.to})},
          {"subject", m.subject},
          {"text", m.text},
          {"attachments", std::move(attachments)}};
}

Error unknown_address(std::string detail) {
  Error e = Error::invalid("to", "Cette adresse de messagerie sécurisée de santé est inconnue.",
                           "This health secure messaging address is unknown.");
  return std::move(e).with_detail(std::move(detail));
}

}  // namespace

HttpSecureMail::HttpSecureMail(TeleserviceOptions options, BlockingPool& blocking)
    : options_(std::move(options)), usable_(check(options_)), blocking_(blocking) {}

Task<Result<std::string>> HttpSecureMail::send(const SecureMessage& message) {
  if (!usable_) co_return misconfigured(kService, usable_.error());
  if (!valid_idempotency_key(message.idempotency_key))
    co_return Error::invalid("idempotency_key", "", "");
  if (!valid_address(message.to)) co_return unknown_address("secure_mail: malformed address");
  if (message.attachments.size() > kMaxAttachments)
    co_return Error::invalid("attachments", "Trop de pièces jointes.", "Too many attachments.");
  Request call;
  call.path = "/messages";
  call.body = message_body(message);
  call.idempotency_key = message.idempotency_key;
  auto reply = co_await exchange(blocking_, options_, std::move(call));
  if (reply.status != 200 && reply.status != 201 && reply.status != 202) {
    Error e = failure(kService, reply, {options_.token});
    const bool unknown = reply.body.is_object() && reply.body.contains("error") &&
                         reply.body["error"].is_object() &&
                         reply.body["error"].value("code", json()) == "unknown_recipient";
    if (e.code == ErrorCode::invalid_request && unknown) co_return unknown_address(e.detail);
    co_return e;
  }
  const auto id =
      reply.body.is_object() && reply.body.contains("id") && reply.body["id"].is_string()
          ? reply.body["id"].get<std::string>()
          : std::string();
  if (!valid_id(id)) co_return unavailable(kService, "the answer carries no usable message id");
  co_return id;
}

}  // namespace cabinet::documents
