#include "crypto/webauthn.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "crypto/base64url.hpp"
#include "crypto/cbor.hpp"
#include "crypto/cose.hpp"

namespace cabinet::crypto::webauthn {
namespace {

constexpr std::size_t kRpIdHash = 32;
constexpr std::size_t kFixedPart = kRpIdHash + 1 + 4;  // hash, flags, counter
constexpr std::size_t kAaguid = 16;

std::span<const std::uint8_t> bytes_of(std::string_view s) { return cbor::as_bytes(s); }

// The checks both ceremonies make on what the browser says it did (WebAuthn §7.1 steps 7–10,
// §7.2 steps 11–14). The challenge is compared on its base64url text, exactly: a second
// spelling of the same bytes is not accepted.
Result<void> check_client_data(const RelyingParty& rp, std::string_view challenge,
                               std::string_view json, std::string_view type) {
  auto data = parse_client_data(json);
  if (!data) return std::move(data).error();
  if (data->type != type) return refused("clientData type " + data->type);
  if (data->challenge != base64url_encode(challenge)) return refused("challenge");
  if (data->origin != rp.origin) return refused("origin " + data->origin);
  if (data->cross_origin) return refused("crossOrigin");
  return ok();
}

Result<void> check_authenticator(const RelyingParty& rp, const AuthenticatorData& auth) {
  if (auth.rp_id_hash != cose::sha256(rp.id)) return refused("rpIdHash");
  if ((auth.flags & kUserPresent) == 0) return refused("user not present");
  // A passkey stands for two factors only when the authenticator checked the person (PIN,
  // fingerprint, face): without UV it would be one factor.
  if ((auth.flags & kUserVerified) == 0) return refused("user not verified");
  return ok();
}

std::uint32_t big_endian32(std::span<const std::uint8_t> b) {
  return (std::uint32_t{b[0]} << 24U) | (std::uint32_t{b[1]} << 16U) | (std::uint32_t{b[2]} << 8U) |
         b[3];
}

}  // namespace

Error refused(std::string why) {
  Error e(ErrorCode::invalid_request, std::move(why));
  e.field = "credential";
  e.extra = {{"reason", "passkey_invalid"}};
  return std::move(e).with_message(
      "La clé d'accès n'a pas pu être vérifiée. Réessayez, ou connectez-vous avec votre mot de "
      "passe.",
      "The passkey could not be verified. Try again, or sign in with your password.");
}

RelyingParty relying_party(std::string_view public_url) {
  RelyingParty rp;
  const auto scheme = public_url.find("://");
  if (scheme == std::string_view::npos) return rp;
  const auto path = public_url.find('/', scheme + 3);
  rp.origin = std::string(public_url.substr(0, path));
  std::transform(rp.origin.begin(), rp.origin.end(), rp.origin.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto authority = std::string_view(rp.origin).substr(scheme + 3);
  rp.id = std::string(authority.substr(0, authority.find(':')));
  return rp;
}

Result<ClientData> parse_client_data(std::string_view json) {
  if (json.size() > kMaxClientData) return refused("clientDataJSON too large");
  const auto doc = nlohmann::json::parse(json, nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return refused("clientDataJSON not a JSON object");
  ClientData out;
  const auto text = [&](const char* key, std::string& target) {
    const auto it = doc.find(key);
    if (it == doc.end() || !it->is_string()) return false;
    target = it->get<std::string>();
    return true;
  };
  if (!text("type", out.type) || !text("challenge", out.challenge) || !text("origin", out.origin))
    return refused("clientDataJSON without type, challenge or origin");
  if (const auto it = doc.find("crossOrigin"); it != doc.end()) {
    if (!it->is_boolean()) return refused("crossOrigin not a boolean");
    out.cross_origin = it->get<bool>();
  }
  return out;
}

Result<AuthenticatorData> parse_authenticator_data(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kFixedPart) return refused("authenticatorData too short");
  if (bytes.size() > kMaxAuthenticatorData) return refused("authenticatorData too large");
  AuthenticatorData out;
  out.rp_id_hash.assign(reinterpret_cast<const char*>(bytes.data()), kRpIdHash);
  out.flags = bytes[kRpIdHash];
  out.sign_count = big_endian32(bytes.subspan(kRpIdHash + 1, 4));
  auto rest = bytes.subspan(kFixedPart);
  if ((out.flags & kAttested) != 0) {
    if (rest.size() < kAaguid + 2) return refused("attested credential data truncated");
    AttestedCredential c;
    c.aaguid.assign(reinterpret_cast<const char*>(rest.data()), kAaguid);
    const std::size_t id_length = (std::size_t{rest[kAaguid]} << 8U) | rest[kAaguid + 1];
    rest = rest.subspan(kAaguid + 2);
    if (id_length == 0 || id_length > kMaxCredentialId) return refused("credential id length");
    if (id_length > rest.size()) return refused("credential id truncated");
    c.id.assign(reinterpret_cast<const char*>(rest.data()), id_length);
    rest = rest.subspan(id_length);
    auto key = cbor::parse_prefix(rest);
    if (!key) return refused("COSE key: " + key.error().detail);
    auto alg = cose::check_key(key->first);
    if (!alg) return refused(alg.error().detail);
    c.alg = *alg;
    c.public_key.assign(reinterpret_cast<const char*>(rest.data()), key->second);
    rest = rest.subspan(key->second);
    out.credential = std::move(c);
  }
  if ((out.flags & kExtensions) != 0) {
    auto extensions = cbor::parse(rest);
    if (!extensions) return refused("extensions: " + extensions.error().detail);
    if (!extensions->is_map()) return refused("extensions not a map");
  } else if (!rest.empty()) {
    return refused("trailing bytes after authenticatorData");
  }
  return out;
}

Result<AuthenticatorData> parse_attestation_object(std::span<const std::uint8_t> bytes) {
  auto doc = cbor::parse(bytes);
  if (!doc) return refused("attestationObject: " + doc.error().detail);
  if (!doc->is_map()) return refused("attestationObject not a map");
  const auto* fmt = doc->find("fmt");
  const auto* statement = doc->find("attStmt");
  const auto* auth = doc->find("authData");
  if (fmt == nullptr || !fmt->is_text() || statement == nullptr || !statement->is_map() ||
      auth == nullptr || !auth->is_bytes())
    return refused("attestationObject without fmt, attStmt or authData");
  // The platform asks for attestation "none" (docs/security.md, "Passkeys"): which maker built
  // the authenticator is not a question Cabinet asks, so no attestation is ever evaluated.
  if (fmt->bytes != "none") return refused("attestation format " + fmt->bytes);
  if (!statement->entries.empty()) return refused("attStmt not empty for none");
  return parse_authenticator_data(bytes_of(auth->bytes));
}

Result<NewCredential> verify_registration(const RelyingParty& rp, std::string_view challenge,
                                          const RegistrationResponse& response) {
  if (auto r = check_client_data(rp, challenge, response.client_data_json, "webauthn.create"); !r)
    return std::move(r).error();
  auto auth = parse_attestation_object(bytes_of(response.attestation_object));
  if (!auth) return std::move(auth).error();
  if (auto r = check_authenticator(rp, *auth); !r) return std::move(r).error();
  if (!auth->credential) return refused("no attested credential");
  NewCredential out;
  out.id = auth->credential->id;
  out.public_key = auth->credential->public_key;
  out.alg = auth->credential->alg;
  out.sign_count = auth->sign_count;
  out.aaguid = auth->credential->aaguid;
  return out;
}

Result<std::uint32_t> verify_assertion(const RelyingParty& rp, std::string_view challenge,
                                       const StoredCredential& stored,
                                       const AssertionResponse& response) {
  if (auto r = check_client_data(rp, challenge, response.client_data_json, "webauthn.get"); !r)
    return std::move(r).error();
  auto auth = parse_authenticator_data(bytes_of(response.authenticator_data));
  if (!auth) return std::move(auth).error();
  if (auto r = check_authenticator(rp, *auth); !r) return std::move(r).error();
  const auto message = response.authenticator_data + cose::sha256(response.client_data_json);
  auto good = cose::verify(stored.public_key, message, response.signature);
  if (!good) return refused(good.error().detail);
  if (!*good) return refused("signature");
  // WebAuthn §7.2 step 21: a counter that does not go forward, when the authenticator keeps
  // one at all, means two copies of the same key exist.
  if ((auth->sign_count != 0 || stored.sign_count != 0) && auth->sign_count <= stored.sign_count)
    return refused("sign count");
  return auth->sign_count;
}

}  // namespace cabinet::crypto::webauthn
