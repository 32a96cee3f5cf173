#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/runtime.hpp"
#include "documents/teleservices_http.hpp"

// What the four teleservice adapters share: one JSON POST (token or client certificate,
// idempotency key, timeout), and how its failures become errors a user can read. Which calls
// are made and what the answers mean is each adapter's (teleservices_http_*.cpp).
namespace cabinet::documents::teleservice_client {

// How a service is named to users and in logs.
struct Service {
  std::string_view log_name;  // "eprescription"
  std::string_view fr;        // "ordonnance numérique"
  std::string_view en;        // "e-prescription"
};

struct Request {
  std::string path;  // appended to the base URL
  nlohmann::json body;
  std::string content_type = "application/json";
  std::string idempotency_key;
  bool return_representation = false;  // FHIR's "Prefer: return=representation"
};

struct Reply {
  long status = 0;      // 0: no answer at all
  std::string failure;  // why, when there was no answer
  nlohmann::json body;  // discarded when the answer was not JSON
};

// The call, on the BlockingPool. It never fails: a Reply with status 0 says why there was no
// answer (refused connection, timeout, TLS).
Task<Reply> exchange(BlockingPool& blocking, const TeleserviceOptions& options, Request request);

// Printable ASCII, at most 200 characters: it becomes a header line.
bool valid_idempotency_key(std::string_view key);
// An RPPS number: 11 digits.
bool valid_rpps(std::string_view rpps);
// A NIR with its key: 15 characters, digits or the A/B of Corsica.
bool valid_nir(std::string_view nir);

// `text` with every occurrence of each secret (token, patient data) cut out, and at most
// 300 bytes: what the service said may quote what it was sent, and details reach the logs.
std::string scrub(std::string text, std::initializer_list<std::string_view> secrets);

// The service's own words in an error answer: a FHIR OperationOutcome's issues, or the JSON
// mapping's {"error": {"code", "message"}}.
std::string reason_of(const nlohmann::json& body);

// The national service did not answer, or answered something unusable (503 to the user).
Error unavailable(const Service& service, std::string detail);
// A failed Reply as an error: no answer, 408, 429 or 5xx → unavailable; 401/403 (the
// platform's credentials) → unavailable with its own message; another 4xx → invalid_request
// with the service's reason in the detail. `secrets` are scrubbed from the detail.
Error failure(const Service& service, const Reply& reply,
              std::initializer_list<std::string_view> secrets);
// Bad options found at construction: every call fails the same way.
Error misconfigured(const Service& service, const Error& why);

// RFC 4648 base64 with padding, no line breaks (JSON attachments).
std::string base64(std::string_view bytes);

}  // namespace cabinet::documents::teleservice_client
