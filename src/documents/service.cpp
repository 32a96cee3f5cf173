// Reading documents (docs/documents.md): who may see which, the patient's list, one PDF, the
// closing form's draft, and the WebSocket that tells the patient a document arrived.
#include "documents/service.hpp"

#include "accounts/administrative.hpp"
#include "agenda/local_time.hpp"
#include "audit/log.hpp"
#include "crypto/keyring.hpp"
#include "documents/internal.hpp"
#include "documents/parts.hpp"
#include "documents/rules.hpp"
#include "documents/sealing.hpp"
#include "http/input.hpp"
#include "notify/mime.hpp"
#include "realtime/hub.hpp"

namespace cabinet::documents {
namespace {

std::string documents_room(std::int64_t account) { return "documents:" + std::to_string(account); }

}  // namespace

Service::Service(Deps deps) : d_(std::move(deps)) {}

Task<Result<void>> Service::audited(const audit::Entry& entry) {
  co_return co_await d_.db.transact([this, &entry](storage::Transaction& tx) -> Task<Result<void>> {
    co_return co_await d_.audit.append(tx, entry);
  });
}

Task<Result<booking::View>> Service::own_consultation(const Principal& who, const std::string& id) {
  // Only the consultation's own practitioner: an assistant keeps the agenda, never the
  // clinical side, and another practitioner does not know this consultation exists.
  if (who.role != Role::practitioner) co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.visible_to(who, id);
  if (!v) co_return Error(ErrorCode::not_found);
  if (v->a.practitioner_id != who.account_id) co_return Error(ErrorCode::not_found);
  if (v->a.mode != "video") co_return Error(ErrorCode::not_found);
  co_return std::move(*v);
}

Task<Result<Service::Context>> Service::practitioner_context(const Principal& who,
                                                             const std::string& id) {
  auto v = co_await own_consultation(who, id);
  if (!v) co_return std::move(v).error();
  Context ctx;
  ctx.who = who;
  ctx.v = std::move(*v);
  auto practitioner = co_await directory::store::profile(d_.db, ctx.v.a.practitioner_id);
  if (!practitioner) co_return std::move(practitioner).error();
  if (!*practitioner) co_return Error(ErrorCode::not_found);
  ctx.practitioner = std::move(**practitioner);
  auto profiles = co_await accounts::store::profiles_of(d_.db, ctx.v.a.patient_account_id);
  if (!profiles) co_return std::move(profiles).error();
  bool found = false;
  for (auto& p : *profiles) {
    if (p.id == ctx.v.a.profile_id) {
      ctx.patient = std::move(p);
      found = true;
    }
  }
  if (!found) co_return Error(ErrorCode::not_found);
  auto admin =
      accounts::open_administrative(d_.keys, ctx.patient.administrative, ctx.patient.public_id);
  if (!admin) co_return std::move(admin).error();
  ctx.administrative = std::move(*admin);
  // The NIR, coverage and médecin traitant are health data: reading them is traced, as the
  // estimate and the side panel do.
  audit::Entry read;
  read.actor_account_id = who.account_id;
  read.actor_role = "practitioner";
  read.profile_id = ctx.patient.id;
  read.action = "profile.administrative.read";
  read.object = ctx.patient.public_id;
  read.detail = "documents";
  if (auto r = co_await audited(read); !r) co_return std::move(r).error();
  ctx.zone = booking::zone_named(ctx.v.timezone);
  ctx.now = d_.clock.unix_seconds();
  ctx.today = agenda::format_date(agenda::local_date(ctx.now, ctx.zone));
  ctx.consultation_day = agenda::format_date(
      agenda::local_date(ctx.v.a.started_at.value_or(ctx.v.a.start_at), ctx.zone));
  const auto& mt = ctx.administrative["medecin_traitant"];
  ctx.medecin_traitant = mt.is_object() && mt.contains("rpps") && mt["rpps"].is_string() &&
                         mt["rpps"].get<std::string>() == ctx.practitioner.rpps;
  ctx.prescriber = prescriber_of(ctx.practitioner, ctx.v);
  ctx.person = person_of(ctx.patient);
  co_return ctx;
}

Task<Result<nlohmann::json>> Service::draft(const Principal& who, const std::string& consultation) {
  auto v = co_await own_consultation(who, consultation);
  if (!v) co_return std::move(v).error();
  auto sealed = co_await store::draft(d_.db, v->a.id);
  if (!sealed) co_return std::move(sealed).error();
  if (!*sealed) co_return nlohmann::json::object();
  auto text = d_.keys.open(**sealed, draft_context(v->a.id));
  if (!text) co_return std::move(text).error();
  co_return nlohmann::json::parse(*text, nullptr, false);
}

Task<Result<void>> Service::save_draft(const Principal& who, const std::string& consultation,
                                       const nlohmann::json& body) {
  if (!body.is_object())
    co_return http::invalid_field("draft", "Objet JSON attendu.", "A JSON object expected.");
  const auto text = body.dump();
  if (text.size() > kDraftMaxBytes) co_return Error(ErrorCode::payload_too_large);
  // Saved as typed (every few hundred milliseconds): the access check alone, nothing else read.
  auto v = co_await own_consultation(who, consultation);
  if (!v) co_return std::move(v).error();
  if (v->a.status != "confirmed" && v->a.status != "done")
    co_return Error(ErrorCode::conflict, "appointment " + v->a.status);
  const auto sealed = d_.keys.seal(text, draft_context(v->a.id));
  co_return co_await store::put_draft(d_.db, v->a.id, who.account_id, sealed,
                                      d_.clock.unix_seconds());
}

nlohmann::json Service::to_json(const store::DocumentRow& d) const {
  auto nullable = [](const std::optional<std::string>& s) -> nlohmann::json {
    if (s) return *s;
    return nullptr;
  };
  nlohmann::json out{
      {"id", d.public_id},
      {"kind", d.kind},
      {"title", title_of(d.kind)},
      {"issued_at", d.issued_at},
      {"practitioner", {{"id", d.practitioner_public_id}, {"name", d.practitioner_name}}},
      {"consultation_id", d.appointment_public_id},
      {"profile_id", d.profile_public_id},
      {"version", d.version},
      {"replaces", nullable(d.replaces_public_id)},
      {"replaced_by", nullable(d.replaced_by_public_id)},
      {"standin", d.standin}};
  if (d.kind == "prescription") {
    out["number"] = nullable(d.number);
    out["dispensed"] = d.dispensed_at.has_value();
    if (d.pharmacy_public_id) {
      const std::string status = d.dispensed_at ? "dispensed" : d.pharmacy_status.value_or("sent");
      out["pharmacy"] = {
          {"id", *d.pharmacy_public_id},
          {"name", d.pharmacy_name.value_or("")},
          {"city", d.pharmacy_city.value_or("")},
          {"status", status},
          {"updated_at", d.dispensed_at.value_or(d.pharmacy_updated_at.value_or(0))}};
    } else {
      out["pharmacy"] = nullptr;
    }
  }
  return out;
}

void Service::push(std::int64_t account, const char* type, const store::DocumentRow& d) {
  d_.hub.broadcast(documents_room(account),
                   nlohmann::json{{"type", type}, {"document", to_json(d)}}.dump());
}

Task<Result<void>> Service::watch(realtime::Connection& c) {
  const auto& who = c.principal();
  if (who.role != Role::patient || who.account_id == 0) co_return Error(ErrorCode::forbidden);
  d_.hub.join(documents_room(who.account_id), c.id());
  c.send(nlohmann::json{{"type", "watching_documents"}}.dump());
  co_return ok();
}

Task<Result<nlohmann::json>> Service::of_consultation(const Principal& who,
                                                      const std::string& consultation) {
  if (who.role != Role::practitioner && who.role != Role::patient)
    co_return Error(ErrorCode::not_found);
  auto v = co_await d_.appointments.visible_to(who, consultation);
  if (!v) co_return Error(ErrorCode::not_found);
  const bool mine = who.role == Role::patient ? v->a.patient_account_id == who.account_id
                                              : v->a.practitioner_id == who.account_id;
  if (!mine) co_return Error(ErrorCode::not_found);
  auto rows = co_await store::of_appointment(d_.db, v->a.id);
  if (!rows) co_return std::move(rows).error();
  audit::Entry e;
  e.actor_account_id = who.account_id;
  e.actor_role = std::string(to_string(who.role));
  e.profile_id = v->a.profile_id;
  e.action = "documents.list";
  e.object = v->a.public_id;
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& d : *rows) items.push_back(to_json(d));
  co_return nlohmann::json{{"items", std::move(items)}};
}

Task<Result<Pdf>> Service::pdf(const Principal& who, const std::string& document, bool medical) {
  auto row = co_await store::document(d_.db, document);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::not_found);
  const auto& d = **row;
  const bool patient = who.role == Role::patient && d.account_id == who.account_id;
  const bool practitioner = who.role == Role::practitioner && d.practitioner_id == who.account_id;
  if (!patient && !practitioner) co_return Error(ErrorCode::not_found);
  // The medical copy of a sick leave names the reason: its practitioner's alone.
  if (medical && (!practitioner || d.kind != "sick_leave")) co_return Error(ErrorCode::not_found);
  auto sealed = co_await store::sealed(d_.db, d.id);
  if (!sealed) co_return std::move(sealed).error();
  if (!*sealed) co_return Error(ErrorCode::not_found);
  std::string bytes;
  if (medical) {
    auto content = d_.keys.open((*sealed)->content, content_context(d.public_id));
    if (!content) co_return std::move(content).error();
    const auto json = nlohmann::json::parse(*content, nullptr, false);
    auto copy = notify::decode_base64(json.is_object() ? json.value("medical_copy", "") : "");
    if (!copy || copy->empty()) co_return Error(ErrorCode::not_found);
    bytes = std::move(*copy);
  } else {
    auto opened = d_.keys.open((*sealed)->pdf, pdf_context(d.public_id));
    if (!opened) co_return std::move(opened).error();
    bytes = std::move(*opened);
  }
  audit::Entry e;
  e.actor_account_id = who.account_id;
  e.actor_role = std::string(to_string(who.role));
  e.profile_id = d.profile_id;
  e.action = medical ? "document.read_medical_copy" : "document.read";
  e.object = d.public_id;
  e.detail = d.kind;
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  const auto date = agenda::format_date(agenda::local_date(d.issued_at, booking::zone_named("")));
  co_return Pdf{std::move(bytes), file_stem(d.kind) + (medical ? "-volet-medical-" : "-") + date +
                                      (d.version > 1 ? "-v" + std::to_string(d.version) : "") +
                                      ".pdf"};
}

nlohmann::json Service::certificates(Locale locale) {
  nlohmann::json items = nlohmann::json::array();
  const bool en = locale == Locale::en;
  for (const auto& c : certificate_catalogue()) {
    items.push_back({{"type", c.type},
                     {"label", en ? c.label_en : c.label_fr},
                     {"requires_examination", c.requires_examination},
                     {"reason", en ? c.reason_en : c.reason_fr}});
  }
  return {{"items", std::move(items)}};
}

}  // namespace cabinet::documents
