#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

// A software passkey authenticator for tests: it makes, with OpenSSL-generated keys, the bytes
// a browser's authenticator returns from navigator.credentials.create() and .get(), and each
// field can be spoiled to check that the server refuses it.
namespace cabinet::test {

// CBOR writing, for building authenticator answers (the server only reads CBOR).
std::string cbor_head(unsigned major, std::uint64_t n);
std::string cbor_int(std::int64_t v);
std::string cbor_bytes(std::string_view b);
std::string cbor_text(std::string_view t);

// What to spoil in an authenticator's answer; the defaults give a valid one.
struct AuthenticatorTweaks {
  std::optional<std::string> type;
  std::optional<std::string> origin;
  std::optional<std::string> rp_id;
  std::optional<std::string> challenge;  // base64url text put in clientDataJSON
  std::uint8_t flags = 0x05;             // UP | UV
  bool cross_origin = false;
  std::string fmt = "none";
  bool bad_signature = false;
  std::optional<std::uint32_t> counter;  // instead of the next value
};

class TestAuthenticator {
 public:
  enum class Kind { es256, ed25519 };

  using Tweaks = AuthenticatorTweaks;

  struct Registration {
    std::string client_data_json;
    std::string attestation_object;
    std::string authenticator_data;
  };
  struct Assertion {
    std::string client_data_json;
    std::string authenticator_data;
    std::string signature;
  };

  explicit TestAuthenticator(Kind kind, std::string rp_id = "localhost",
                             std::string origin = "http://localhost:8080");
  ~TestAuthenticator();
  TestAuthenticator(const TestAuthenticator&) = delete;
  TestAuthenticator& operator=(const TestAuthenticator&) = delete;

  // `challenge`: the raw bytes the server sent.
  Registration make_credential(std::string_view challenge, const Tweaks& t = {});
  Assertion get_assertion(std::string_view challenge, const Tweaks& t = {});

  // As the web app posts them (base64url fields), from the server's options JSON.
  nlohmann::json registration_json(const nlohmann::json& options, const Tweaks& t = {});
  nlohmann::json assertion_json(const nlohmann::json& options, const std::string& user_handle,
                                const Tweaks& t = {});

  [[nodiscard]] const std::string& credential_id() const { return id_; }
  [[nodiscard]] std::string cose_key() const;
  std::uint32_t counter = 0;  // the last value given; each answer adds one (0 stays 0)
  bool counts = true;

 private:
  std::string authenticator_data(const Tweaks& t, bool attested);
  std::string client_data(std::string_view type, std::string_view challenge, const Tweaks& t);
  std::string sign(std::string_view message);

  Kind kind_;
  std::string rp_id_;
  std::string origin_;
  std::string id_;
  struct Key;
  std::unique_ptr<Key> key_;
};

}  // namespace cabinet::test
