// The sick-leave notice and the electronic care sheet: Cabinet's JSON mapping of services whose
// real interface is given to accredited editors only (docs/teleservices.md).
#include <algorithm>
#include <cctype>

#include "documents/teleservice_client.hpp"
#include "documents/teleservices_http.hpp"

namespace cabinet::documents {
namespace {

using nlohmann::json;
using namespace teleservice_client;  // NOLINT(google-build-using-namespace): this file's toolbox

constexpr Service kSickLeave{"sick_leave", "arrêt de travail en ligne", "sick-leave notice"};
constexpr Service kCareSheet{"care_sheet", "feuille de soins électronique",
                             "electronic care sheet"};
constexpr std::size_t kMaxReference = 64;

json person(const Person& p) {
  json out = {{"first_name", p.first_name},
              {"last_name", p.last_name},
              {"birth_date", p.birth_date},
              {"sex", p.sex}};
  if (p.nir) out["nir"] = *p.nir;
  return out;
}

bool valid_date(std::string_view d) {
  return d.size() == 10 && d[4] == '-' && d[7] == '-' &&
         std::all_of(d.begin(), d.end(), [](char c) {
           return c == '-' || std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

bool valid_reference(std::string_view r) {
  return !r.empty() && r.size() <= kMaxReference && std::all_of(r.begin(), r.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_';
  });
}

// What every request checks before anything is sent: values that go into headers, and the
// identifiers the services key on.
Result<void> validate(std::string_view key, std::string_view rpps, const Person& patient) {
  if (!valid_idempotency_key(key)) return Error::invalid("idempotency_key", "", "");
  if (!valid_rpps(rpps)) return Error::invalid("rpps", "Numéro RPPS invalide.", "Invalid RPPS.");
  if (patient.nir && !valid_nir(*patient.nir))
    return Error::invalid("nir", "NIR invalide.", "Invalid NIR.");
  return ok();
}

std::string reference_of(const json& body) {
  if (!body.is_object()) return {};
  const auto it = body.find("reference");
  return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

HttpSickLeave::HttpSickLeave(TeleserviceOptions options, BlockingPool& blocking)
    : options_(std::move(options)), usable_(check(options_)), blocking_(blocking) {}

Task<Result<SickLeaveReceipt>> HttpSickLeave::submit(const SickLeaveRequest& request) {
  if (!usable_) co_return misconfigured(kSickLeave, usable_.error());
  if (auto valid = validate(request.idempotency_key, request.rpps, request.patient); !valid)
    co_return std::move(valid).error();
  if (!valid_date(request.from) || !valid_date(request.to))
    co_return Error::invalid("sick_leave.from", "Dates d’arrêt invalides.",
                             "Invalid sick-leave dates.");
  Request call;
  call.path = "/sick-leave-notices";
  call.body = {{"prescriber", {{"rpps", request.rpps}}},
               {"patient", person(request.patient)},
               {"from", request.from},
               {"to", request.to},
               {"prolongation", request.prolongation},
               {"medical_reason", request.medical_reason}};
  call.idempotency_key = request.idempotency_key;
  auto reply = co_await exchange(blocking_, options_, std::move(call));
  const std::string nir = request.patient.nir.value_or("");
  if (reply.status != 200 && reply.status != 201)
    co_return failure(kSickLeave, reply,
                      {options_.token, nir, request.patient.last_name, request.patient.first_name,
                       request.patient.birth_date, request.medical_reason});
  std::string reference = reference_of(reply.body);
  if (!valid_reference(reference))
    co_return unavailable(kSickLeave, "the answer carries no usable reference");
  co_return SickLeaveReceipt{std::move(reference)};
}

HttpCareSheetTransmission::HttpCareSheetTransmission(TeleserviceOptions options,
                                                     BlockingPool& blocking)
    : options_(std::move(options)), usable_(check(options_)), blocking_(blocking) {}

Task<Result<CareSheetReceipt>> HttpCareSheetTransmission::submit(const CareSheetRequest& request) {
  if (!usable_) co_return misconfigured(kCareSheet, usable_.error());
  if (auto valid = validate(request.idempotency_key, request.rpps, request.patient); !valid)
    co_return std::move(valid).error();
  // The national service identifies the insured by the NIR; without it the patient sends the
  // paper sheet, as with the stand-in.
  if (!request.patient.nir) co_return CareSheetReceipt{false, {}};
  if (!valid_date(request.date) || request.amount_cents < 0 || request.excess_cents < 0 ||
      request.excess_cents > request.amount_cents)
    co_return Error::invalid("amount_cents", "Feuille de soins invalide.", "Invalid care sheet.");
  Request call;
  call.path = "/care-sheets";
  call.body = {{"prescriber", {{"rpps", request.rpps}}},
               {"patient", person(request.patient)},
               {"act", request.act},
               {"date", request.date},
               {"amount_cents", request.amount_cents},
               {"excess_cents", request.excess_cents},
               {"tiers_payant", request.tiers_payant},
               {"css_ame", request.css_ame}};
  call.idempotency_key = request.idempotency_key;
  auto reply = co_await exchange(blocking_, options_, std::move(call));
  if (reply.status != 200 && reply.status != 201)
    co_return failure(kCareSheet, reply,
                      {options_.token, *request.patient.nir, request.patient.last_name,
                       request.patient.first_name, request.patient.birth_date});
  const bool transmitted = reply.body.is_object() && reply.body.contains("transmitted") &&
                           reply.body["transmitted"].is_boolean() &&
                           reply.body["transmitted"].get<bool>();
  std::string reference = reference_of(reply.body);
  if (transmitted && !valid_reference(reference))
    co_return unavailable(kCareSheet, "the answer carries no usable reference");
  co_return CareSheetReceipt{transmitted, transmitted ? std::move(reference) : std::string()};
}

}  // namespace cabinet::documents
