#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "accounts/service.hpp"
#include "crypto/webauthn.hpp"

// Passkeys (ACC9, docs/security.md "Passkeys"): registering, naming, listing and revoking an
// account's WebAuthn credentials, and signing in with one alone. A passkey with user
// verification is two factors: no emailed code follows it.
namespace cabinet::accounts {

struct PasskeyRegistration {
  std::string challenge_id;
  std::string name;
  crypto::webauthn::RegistrationResponse response;
  std::vector<std::string> transports;
};

struct PasskeySignIn {
  std::string challenge_id;
  std::string credential_id;  // raw bytes
  std::string user_handle;    // raw bytes; empty when the browser sent none
  crypto::webauthn::AssertionResponse response;
};

class Passkeys {
 public:
  explicit Passkeys(Deps deps);

  // The options for navigator.credentials.create(), and the challenge's id to send back.
  Task<Result<nlohmann::json>> registration_options(const Principal& who, const Caller& caller);
  Task<Result<nlohmann::json>> add(const Principal& who, PasskeyRegistration form,
                                   const Caller& caller);
  Task<Result<nlohmann::json>> list(const Principal& who);
  Task<Result<nlohmann::json>> rename(const Principal& who, const std::string& id,
                                      const std::string& name);
  Task<Result<void>> revoke(const Principal& who, const std::string& id, const Caller& caller);

  // The options for navigator.credentials.get() with a discoverable credential: no email
  // first, the authenticator offers the passkeys it holds for this site.
  Task<Result<nlohmann::json>> sign_in_options(const Caller& caller);
  Task<Result<LoginDone>> sign_in(const PasskeySignIn& form, const Caller& caller);

  static constexpr std::size_t kMaxPerAccount = 20;
  static constexpr std::size_t kMaxName = 60;  // characters

 private:
  Task<Result<std::string>> new_challenge(std::string_view purpose,
                                          std::optional<std::int64_t> account, const Caller& caller,
                                          std::string& challenge);
  Task<Result<void>> audit(std::int64_t account, std::string_view role, std::string action,
                           const std::string& object, const Caller& caller, std::string detail);

  Deps d_;
  crypto::webauthn::RelyingParty rp_;
};

}  // namespace cabinet::accounts
