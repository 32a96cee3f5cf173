// The e-prescription adapter: FHIR R4 (docs/teleservices.md, "Ordonnance numérique").
#include <algorithm>
#include <cctype>
#include <ctime>

#include "documents/teleservice_client.hpp"
#include "documents/teleservices_http.hpp"

namespace cabinet::documents {
namespace {

using nlohmann::json;
using namespace teleservice_client;  // NOLINT(google-build-using-namespace): this file's toolbox

constexpr Service kService{"eprescription", "ordonnance numérique", "e-prescription"};

// The French identifier systems (FR Core): the national health professional identifier
// (IDNPS, "8" followed by the RPPS number) and the patient's INS-NIR.
constexpr std::string_view kIdnpsSystem = "urn:oid:1.2.250.1.71.4.2.1";
constexpr std::string_view kInsNirSystem = "urn:oid:1.2.250.1.213.1.4.8";
constexpr std::size_t kMaxLines = 100;
constexpr std::size_t kMaxNumber = 64;

// Fixed, so that a retried request is byte for byte the first one (the service compares them
// under the same idempotency key). Only references inside the Bundle: never stored.
constexpr std::string_view kPatientUrl = "urn:uuid:4d3c2b1a-0000-4000-8000-000000000001";

std::string line_url(std::size_t index) {
  std::string n = std::to_string(index + 1);
  return "urn:uuid:4d3c2b1a-0000-4000-8000-" + std::string(12 - n.size(), '0') + n;
}

std::string iso_instant(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  std::array<char, 32> out{};
  const auto n = std::strftime(out.data(), out.size(), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {out.data(), n};
}

std::string fhir_gender(const std::string& sex) {
  if (sex == "female" || sex == "male" || sex == "other") return sex;
  return "unknown";
}

json patient_resource(const Person& p) {
  json patient = {
      {"resourceType", "Patient"},
      {"name", json::array({{{"family", p.last_name}, {"given", json::array({p.first_name})}}})},
      {"gender", fhir_gender(p.sex)}};
  if (!p.birth_date.empty()) patient["birthDate"] = p.birth_date;
  if (p.nir) patient["identifier"] = json::array({{{"system", kInsNirSystem}, {"value", *p.nir}}});
  return patient;
}

json line_resource(const PrescriptionRequest& r, const std::string& line) {
  // The interface gives worded lines, not coded drugs: the text is all there is to send.
  return {{"resourceType", "MedicationRequest"},
          {"status", "active"},
          {"intent", "order"},
          {"medicationCodeableConcept", {{"text", line}}},
          {"subject", {{"reference", kPatientUrl}}},
          {"requester", {{"identifier", {{"system", kIdnpsSystem}, {"value", "8" + r.rpps}}}}},
          {"authoredOn", iso_instant(r.issued_at)}};
}

json transaction(const PrescriptionRequest& r) {
  json patient_entry = {{"fullUrl", kPatientUrl},
                        {"resource", patient_resource(r.patient)},
                        {"request", {{"method", "POST"}, {"url", "Patient"}}}};
  // With a NIR the service's existing Patient is used (FHIR conditional create).
  if (r.patient.nir)
    patient_entry["request"]["ifNoneExist"] =
        "identifier=" + std::string(kInsNirSystem) + "|" + *r.patient.nir;
  json entries = json::array({std::move(patient_entry)});
  for (std::size_t i = 0; i < r.items.size(); ++i)
    entries.push_back({{"fullUrl", line_url(i)},
                       {"resource", line_resource(r, r.items[i])},
                       {"request", {{"method", "POST"}, {"url", "MedicationRequest"}}}});
  return {{"resourceType", "Bundle"}, {"type", "transaction"}, {"entry", std::move(entries)}};
}

bool valid_number(std::string_view n) {
  return !n.empty() && n.size() <= kMaxNumber && std::all_of(n.begin(), n.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-';
  });
}

// The prescription's number: the groupIdentifier the service gave every line, read from the
// transaction-response returned with "Prefer: return=representation".
std::string number_of(const json& bundle) {
  if (!bundle.is_object() || bundle.value("resourceType", "") != "Bundle") return {};
  const auto entries = bundle.find("entry");
  if (entries == bundle.end() || !entries->is_array()) return {};
  for (const auto& entry : *entries) {
    if (!entry.is_object() || !entry.contains("resource")) continue;
    const auto& resource = entry["resource"];
    if (!resource.is_object() || resource.value("resourceType", "") != "MedicationRequest")
      continue;
    const auto group = resource.find("groupIdentifier");
    if (group != resource.end() && group->is_object() && group->contains("value") &&
        (*group)["value"].is_string())
      return (*group)["value"].get<std::string>();
  }
  return {};
}

Result<void> validate(const PrescriptionRequest& r) {
  if (!valid_idempotency_key(r.idempotency_key)) return Error::invalid("idempotency_key", "", "");
  if (!valid_rpps(r.rpps)) return Error::invalid("rpps", "Numéro RPPS invalide.", "Invalid RPPS.");
  if (r.patient.nir && !valid_nir(*r.patient.nir))
    return Error::invalid("nir", "NIR invalide.", "Invalid NIR.");
  if (r.items.empty() || r.items.size() > kMaxLines)
    return Error::invalid("prescription", "Ordonnance vide ou trop longue.",
                          "Empty or too long prescription.");
  return ok();
}

}  // namespace

HttpEPrescription::HttpEPrescription(TeleserviceOptions options, BlockingPool& blocking,
                                     Random& random)
    : options_(std::move(options)),
      usable_(check(options_)),
      blocking_(blocking),
      random_(random) {}

Task<Result<PrescriptionRegistration>> HttpEPrescription::register_prescription(
    const PrescriptionRequest& request) {
  if (!usable_) co_return misconfigured(kService, usable_.error());
  if (auto valid = validate(request); !valid) co_return std::move(valid).error();
  Request call;
  call.body = transaction(request);
  call.content_type = "application/fhir+json";
  call.idempotency_key = request.idempotency_key;
  call.return_representation = true;
  auto reply = co_await exchange(blocking_, options_, std::move(call));
  const std::string nir = request.patient.nir.value_or("");
  if (reply.status != 200 && reply.status != 201)
    co_return failure(kService, reply,
                      {options_.token, nir, request.patient.last_name, request.patient.first_name,
                       request.patient.birth_date});
  std::string number = number_of(reply.body);
  if (!valid_number(number))
    co_return unavailable(kService, "the transaction-response carries no usable groupIdentifier");
  co_return PrescriptionRegistration{std::move(number), random_hex(random_, 16)};
}

}  // namespace cabinet::documents
