#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

// Server-side WebAuthn (Level 2) verification of passkey registrations and sign-ins: nothing
// the browser parsed is trusted, every byte the authenticator signed is read here. Refusals are
// refused(): a 400 whose error carries "reason": "passkey_invalid", the cause in `detail` (for
// logs and the audit entry, never sent).
namespace cabinet::crypto::webauthn {

// Who the passkeys are for: the host of http.public_url (the RP ID) and its origin.
struct RelyingParty {
  std::string id;      // "cabinet.example.fr"
  std::string origin;  // "https://cabinet.example.fr"
};
// From a public URL such as "https://cabinet.example.fr" or "http://localhost:8080".
RelyingParty relying_party(std::string_view public_url);

// 400 invalid_request, field "credential", "reason": "passkey_invalid", a message that says what
// to do; `why` goes to `detail`.
Error refused(std::string why);

constexpr std::size_t kMaxCredentialId = 1023;
constexpr std::size_t kMaxClientData = 4096;
constexpr std::size_t kMaxAuthenticatorData = 8192;

struct ClientData {
  std::string type;
  std::string challenge;  // as sent: base64url
  std::string origin;
  bool cross_origin = false;
};
Result<ClientData> parse_client_data(std::string_view json);

struct AttestedCredential {
  std::string aaguid;  // 16 bytes
  std::string id;
  std::string public_key;  // the COSE key's bytes, as the authenticator encoded them
  std::int64_t alg = 0;
};

struct AuthenticatorData {
  std::string rp_id_hash;  // 32 bytes
  std::uint8_t flags = 0;
  std::uint32_t sign_count = 0;
  std::optional<AttestedCredential> credential;
};
constexpr std::uint8_t kUserPresent = 0x01;
constexpr std::uint8_t kUserVerified = 0x04;
constexpr std::uint8_t kAttested = 0x40;
constexpr std::uint8_t kExtensions = 0x80;

Result<AuthenticatorData> parse_authenticator_data(std::span<const std::uint8_t> bytes);
// The attestation object's authenticator data; only the "none" format is accepted.
Result<AuthenticatorData> parse_attestation_object(std::span<const std::uint8_t> bytes);

// What the browser hands back from navigator.credentials.create(), decoded from base64url.
struct RegistrationResponse {
  std::string client_data_json;
  std::string attestation_object;
};
struct NewCredential {
  std::string id;
  std::string public_key;  // COSE
  std::int64_t alg = 0;
  std::uint32_t sign_count = 0;
  std::string aaguid;
};
// `challenge` is the raw bytes the server generated for this ceremony.
Result<NewCredential> verify_registration(const RelyingParty& rp, std::string_view challenge,
                                          const RegistrationResponse& response);

// What navigator.credentials.get() hands back, decoded from base64url.
struct AssertionResponse {
  std::string client_data_json;
  std::string authenticator_data;
  std::string signature;
};
struct StoredCredential {
  std::string public_key;  // COSE
  std::uint32_t sign_count = 0;
};
// The new signature counter on success. A counter that did not move forward while either
// value is non-zero is refused with detail "sign count": the mark of a cloned authenticator.
Result<std::uint32_t> verify_assertion(const RelyingParty& rp, std::string_view challenge,
                                       const StoredCredential& stored,
                                       const AssertionResponse& response);

}  // namespace cabinet::crypto::webauthn
