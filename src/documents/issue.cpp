// Issuing documents (docs/documents.md): the closing form checked whole before anything is
// issued, each part registered with its teleservice, drawn as a PDF off the network threads,
// stored sealed with its audit entry and the patient's notice in one transaction, then the
// payment captured. A retried close finds what it already issued and captures once.
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "consultation/service.hpp"
#include "crypto/keyring.hpp"
#include "crypto/signing.hpp"
#include "documents/internal.hpp"
#include "documents/parts.hpp"
#include "documents/pdf.hpp"
#include "documents/rules.hpp"
#include "documents/sealing.hpp"
#include "http/input.hpp"
#include "notify/mime.hpp"
#include "notify/outbox.hpp"
#include "notify/templates.hpp"

namespace cabinet::documents {
namespace {

constexpr std::size_t kMaxCertificates = 5;

// A part of the closing form, checked.
struct Part {
  std::string kind;
  std::string close_part;  // "prescription", "certificate:1"
  nlohmann::json content;
};

Kind kind_of(std::string_view kind) {
  if (kind == "prescription") return Kind::prescription;
  if (kind == "sick_leave") return Kind::sick_leave;
  if (kind == "certificate") return Kind::certificate;
  if (kind == "care_sheet") return Kind::care_sheet;
  return Kind::report;
}

Person person(const Service::Context& ctx) {
  Person p;
  p.first_name = ctx.patient.first_name;
  p.last_name = ctx.patient.last_name;
  p.birth_date = ctx.patient.birth_date.value_or("");
  p.sex = ctx.patient.sex.value_or("");
  const auto& nir = ctx.administrative["nir"];
  if (nir.is_string() && !nir.get<std::string>().empty()) p.nir = nir.get<std::string>();
  return p;
}

std::string drug_line(const nlohmann::json& d) {
  std::string line = d.value("name", "");
  if (!d.value("strength", "").empty()) line += " " + d.value("strength", "");
  if (!d.value("form", "").empty()) line += ", " + d.value("form", "");
  line += " — " + d.value("posology", "") + " — " + d.value("duration", "");
  if (d.value("renewals", 0) > 0)
    line += " — à renouveler " + std::to_string(d.value("renewals", 0)) + " fois";
  return line;
}

std::string nir_printed(const std::string& nir) {
  // "1 88 03 75 123 456 78", the way the carte Vitale prints it.
  if (nir.size() != 15) return nir;
  return nir.substr(0, 1) + " " + nir.substr(1, 2) + " " + nir.substr(3, 2) + " " +
         nir.substr(5, 2) + " " + nir.substr(7, 3) + " " + nir.substr(10, 3) + " " +
         nir.substr(13, 2);
}

std::string default_certificate_text(const Service::Context& ctx, std::string_view type) {
  const auto who = ctx.person.first_name + " " + ctx.person.last_name;
  const auto on = french_date(ctx.today);
  if (type == "sick_child")
    return "Je soussigné(e), " + ctx.prescriber.name + ", certifie que l'état de santé de " + who +
           ", vu(e) ce jour en téléconsultation, nécessite la présence d'un parent.";
  if (type == "school_absence")
    return "Je soussigné(e), " + ctx.prescriber.name + ", certifie avoir vu ce jour, " + on +
           ", en téléconsultation, " + who + ", dont l'état de santé justifie une absence.";
  if (type == "pe_exemption")
    return "Je soussigné(e), " + ctx.prescriber.name + ", certifie que l'état de santé de " + who +
           " contre-indique temporairement la pratique de l'éducation physique et sportive.";
  return "Je soussigné(e), " + ctx.prescriber.name + ", atteste avoir reçu " + who +
         " en téléconsultation le " + on + ".";
}

}  // namespace

Task<Result<Service::Issued>> Service::prepare(const Context& ctx, const std::string& kind,
                                               const nlohmann::json& checked, int index) {
  Issued out;
  out.kind = kind;
  out.content = checked;
  const auto key = ctx.v.a.public_id + ":" + kind + ":" + std::to_string(index);
  Rendering r;
  if (kind == "report") {
    auto call = co_await d_.consultation.call_summary(ctx.v.a.id);
    if (!call) co_return std::move(call).error();
    r = base_rendering(ctx, Kind::report, false);
    r.report = report_body(ctx, *call, checked);
    out.content["motif"] = r.report->motif;
    out.content["participants"] = r.report->participants;
    out.content["incidents"] = r.report->incidents;
  } else if (kind == "prescription") {
    PrescriptionRequest req;
    req.idempotency_key = key;
    req.rpps = ctx.practitioner.rpps;
    req.patient = person(ctx);
    req.issued_at = ctx.now;
    for (const auto& d : checked["drugs"]) req.items.push_back(drug_line(d));
    for (const auto& t : checked["tests"]) req.items.push_back(t.get<std::string>());
    for (const auto& o : checked["other"]) req.items.push_back(o.get<std::string>());
    auto reg = co_await d_.services.eprescription.register_prescription(req);
    if (!reg) co_return std::move(reg).error();
    out.standin = d_.services.eprescription.standin();
    out.number = reg->number;
    out.key = reg->key;
    r = base_rendering(ctx, Kind::prescription, out.standin);
    PrescriptionBody body;
    for (const auto& d : checked["drugs"]) {
      body.drugs.push_back(Drug{d.value("name", ""), d.value("strength", ""), d.value("form", ""),
                                d.value("posology", ""), d.value("duration", ""),
                                d.value("renewals", 0)});
    }
    for (const auto& t : checked["tests"]) body.tests.push_back(t.get<std::string>());
    for (const auto& o : checked["other"]) body.other.push_back(o.get<std::string>());
    body.number = out.number;
    body.verify_url = d_.options.public_url + "/verifier/" + out.number + "?cle=" + out.key;
    if (checked.contains("weight_kg")) r.patient.weight_kg = checked["weight_kg"].get<std::string>();
    r.prescription = std::move(body);
    // What the pharmacist's page shows and the signature covers: one changed byte and the
    // page says "signature invalide".
    const nlohmann::json payload{
        {"number", out.number},
        {"issued_at", ctx.now},
        {"practitioner", {{"name", ctx.prescriber.name}, {"rpps", ctx.prescriber.rpps}}},
        {"patient",
         {{"name", ctx.person.first_name + " " + ctx.person.last_name},
          {"birth_date", ctx.patient.birth_date.value_or("")}}},
        {"items", req.items}};
    out.payload = payload.dump();
    out.signature = d_.signer.sign(out.payload);
    out.content["number"] = out.number;
  } else if (kind == "sick_leave") {
    SickLeaveRequest req;
    req.idempotency_key = key;
    req.rpps = ctx.practitioner.rpps;
    req.patient = person(ctx);
    req.from = checked["from"];
    req.to = checked["to"];
    req.prolongation = checked["prolongation"];
    req.medical_reason = checked["reason"];
    auto receipt = co_await d_.services.sick_leave.submit(req);
    if (!receipt) co_return std::move(receipt).error();
    out.standin = d_.services.sick_leave.standin();
    r = base_rendering(ctx, Kind::sick_leave, out.standin);
    SickLeaveBody body;
    body.from = french_date(req.from);
    body.to = french_date(req.to);
    body.days = checked["days"];
    body.prolongation = req.prolongation;
    body.outings = checked["outings"] == "free" ? "Sorties libres"
                                                : "Sorties autorisées de 9 h à 11 h et de 14 h à 16 h";
    body.reference = receipt->reference;
    out.content["reference"] = receipt->reference;
    // The medical copy keeps the reason; the patient's PDF is the employer's copy (volet 3).
    Rendering medical = r;
    medical.title = "Avis d'arrêt de travail — volet médical";
    medical.sick_leave = body;
    medical.sick_leave->medical_reason = req.medical_reason;
    auto copy = co_await d_.blocking.call([medical] { return render_pdf(medical); });
    out.content["medical_copy"] = notify::encode_base64_lines(copy);
    r.title = "Avis d'arrêt de travail — volet 3, à adresser à l'employeur";
    r.sick_leave = std::move(body);
  } else if (kind == "certificate") {
    const auto* type = certificate_type(checked["type"].get<std::string>());
    auto text = checked.value("text", "");
    if (text.empty()) text = default_certificate_text(ctx, type->type);
    out.content["text"] = text;
    r = base_rendering(ctx, Kind::certificate, false);
    r.certificate = CertificateBody{std::string(type->label_fr), text};
  } else {
    const auto amount = checked.value("amount_cents", std::int64_t{0});
    const bool css_ame = checked.value("css_ame", false);
    const auto facts = booking::patient_facts(ctx.administrative, ctx.patient.birth_date, ctx.today);
    billing::Practitioner doctor;
    doctor.specialty = ctx.practitioner.specialty;
    doctor.sector = ctx.practitioner.sector;
    doctor.tiers_payant = ctx.practitioner.tiers_payant;
    doctor.is_medecin_traitant_of_patient = ctx.medecin_traitant;
    billing::Visit visit{"video", static_cast<int>(amount), false, ctx.today};
    const auto e = billing::estimate(facts, doctor, visit);
    const auto act = teleconsultation_act(ctx.practitioner.specialty);
    CareSheetRequest req;
    req.idempotency_key = key;
    req.rpps = ctx.practitioner.rpps;
    req.patient = person(ctx);
    req.act = act;
    req.date = ctx.today;
    req.amount_cents = amount;
    req.excess_cents = e.base_cents > 0 && amount > e.base_cents ? amount - e.base_cents : 0;
    req.tiers_payant = e.tiers_payant;
    req.css_ame = css_ame || facts.css || facts.ame;
    auto receipt = co_await d_.services.care_sheet.submit(req);
    if (!receipt) co_return std::move(receipt).error();
    out.standin = d_.services.care_sheet.standin();
    r = base_rendering(ctx, Kind::care_sheet, out.standin);
    if (req.patient.nir) r.patient.nir = nir_printed(*req.patient.nir);
    CareSheetBody body;
    body.lines.push_back(CareSheetLine{french_date(ctx.today), act, act_label(act, Locale::fr),
                                       amount, req.excess_cents});
    body.total_cents = amount;
    body.tiers_payant_amo = req.tiers_payant || req.css_ame;
    body.tiers_payant_amc = req.css_ame;
    body.css_ame = req.css_ame;
    body.paid_by_patient = req.css_ame || amount == 0
                               ? "Aucune avance de frais"
                               : "Le patient a réglé " + billing::format_euros(static_cast<int>(amount), Locale::fr) +
                                     " par carte bancaire";
    body.practitioner_ids = "RPPS " + ctx.prescriber.rpps;
    body.transmission =
        receipt->transmitted
            ? "Transmise à l'Assurance Maladie (FSE n° " + receipt->reference + ")"
            : "Non transmise électroniquement : adressez cette feuille de soins à votre caisse "
              "d'assurance maladie.";
    r.care_sheet = std::move(body);
    out.content["act"] = act;
    out.content["excess_cents"] = req.excess_cents;
    out.content["transmitted"] = receipt->transmitted;
  }
  if (r.title.empty()) r.title = title_of(kind);
  out.pdf = co_await d_.blocking.call([r] { return render_pdf(r); });
  co_return out;
}

Task<Result<std::vector<store::DocumentRow>>> Service::commit(const Context& ctx,
                                                              std::vector<Issued> issued,
                                                              std::optional<std::int64_t> replaces) {
  std::vector<std::int64_t> ids;
  int version = 1;
  if (replaces) {
    auto old = co_await store::document_by_id(d_.db, *replaces);
    if (!old) co_return std::move(old).error();
    if (*old) version = (*old)->version + 1;
  }
  const auto& v = ctx.v;
  auto committed = co_await d_.db.transact([&](storage::Transaction& tx) -> Task<Result<void>> {
    ids.clear();
    for (auto& doc : issued) {
      store::NewDocument row;
      row.public_id = "d" + random_base32(d_.random, 12);
      row.appointment_id = v.a.id;
      row.practitioner_id = v.a.practitioner_id;
      row.account_id = v.a.patient_account_id;
      row.profile_id = v.a.profile_id;
      row.kind = doc.kind;
      row.close_part = doc.close_part;
      row.version = version;
      row.replaces_id = replaces;
      row.standin = doc.standin;
      row.sealed_content = d_.keys.seal(doc.content.dump(), content_context(row.public_id));
      row.sealed_pdf = d_.keys.seal(doc.pdf, pdf_context(row.public_id));
      row.issued_at = ctx.now;
      auto id = co_await store::insert_document(tx, row);
      if (!id) co_return std::move(id).error();
      ids.push_back(*id);
      if (doc.kind == "prescription") {
        const auto sealed_key = d_.keys.seal(doc.key, key_context(row.public_id));
        const auto sealed_payload = d_.keys.seal(doc.payload, payload_context(row.public_id));
        if (auto r = co_await store::insert_prescription(tx, *id, doc.number, sealed_key,
                                                         sealed_payload, doc.signature);
            !r)
          co_return r;
      }
      if (replaces) {
        auto marked = co_await store::mark_replaced(tx, *replaces, *id);
        if (!marked) co_return std::move(marked).error();
        if (!*marked)
          co_return Error(ErrorCode::conflict, "document already replaced");
      }
      audit::Entry e;
      e.actor_account_id = ctx.who.account_id;
      e.actor_role = "practitioner";
      e.profile_id = v.a.profile_id;
      e.action = replaces ? "document.correct" : "document.issue";
      e.object = row.public_id;
      e.detail = doc.kind + (doc.number.empty() ? "" : " " + doc.number);
      if (auto r = co_await d_.audit.append(tx, e); !r) co_return r;
    }
    // Says that documents are there, never what they are (NTF1: queued with them).
    if (v.patient_email && !issued.empty()) {
      notify::Variables vars{{"name", v.holder_first_name},
                             {"practitioner", booking::practitioner_name(v)},
                             {"link", d_.options.public_url + "/patient/documents"}};
      const auto locale = v.patient_locale == "en" ? Locale::en : Locale::fr;
      if (auto r = co_await d_.outbox.email(tx, *v.patient_email,
                                            notify::render("documents_ready", locale, vars));
          !r)
        co_return r;
    }
    co_return ok();
  });
  if (!committed) co_return std::move(committed).error();
  d_.outbox.wake();
  std::vector<store::DocumentRow> rows;
  for (const auto id : ids) {
    auto row = co_await store::document_by_id(d_.db, id);
    if (!row) co_return std::move(row).error();
    if (*row) {
      push(v.a.patient_account_id, "document_issued", **row);
      rows.push_back(std::move(**row));
    }
  }
  co_return rows;
}

Task<Result<nlohmann::json>> Service::close(const Principal& who, const std::string& consultation,
                                            const nlohmann::json& body, Locale locale) {
  if (!body.is_object()) co_return Error(ErrorCode::invalid_json);
  auto ctx = co_await practitioner_context(who, consultation);
  if (!ctx) co_return std::move(ctx).error();
  const auto& a = ctx->v.a;
  auto existing = co_await store::of_appointment(d_.db, a.id);
  if (!existing) co_return std::move(existing).error();
  auto answer = [&](const nlohmann::json& appointment) {
    nlohmann::json docs = nlohmann::json::array();
    for (const auto& d : *existing)
      if (d.close_part) docs.push_back(to_json(d));
    return nlohmann::json{{"appointment", appointment}, {"documents", std::move(docs)}};
  };
  // Closed already (a retry whose answer was lost): the same answer, nothing issued again.
  if (a.status == "done") co_return answer(d_.appointments.to_json(ctx->v, locale));
  if (a.status != "confirmed") co_return Error(ErrorCode::conflict, "appointment " + a.status);
  if (!a.started_at && a.start_at > ctx->now)
    co_return http::invalid_field("amount_cents",
                                  "La consultation n'a pas encore eu lieu : rien ne peut être "
                                  "encaissé ni établi avant.",
                                  "The consultation has not taken place yet: nothing can be "
                                  "charged or issued before.");
  if (!body.contains("amount_cents") || !body["amount_cents"].is_number_integer())
    co_return http::missing_field("amount_cents");
  const auto amount = body["amount_cents"].get<std::int64_t>();
  if (amount < 0 || amount > a.price_cents)
    co_return http::invalid_field("amount_cents",
                                  "Le montant doit être compris entre 0 et le maximum affiché.",
                                  "The amount must be between 0 and the maximum shown.");
  const auto& css = body.contains("css_ame") ? body["css_ame"] : nlohmann::json(false);
  if (!css.is_boolean())
    co_return http::invalid_field("css_ame", "Vrai ou faux attendu.", "true or false expected.");
  if (css.get<bool>() && amount > 0)
    co_return http::invalid_field("amount_cents",
                                  "Avec la CSS ou l'AME, le patient n'avance aucun frais : le "
                                  "montant encaissé doit être 0.",
                                  "With CSS or AME the patient advances nothing: the amount "
                                  "charged must be 0.");

  // Every part checked before anything is issued: one refusal, nothing done.
  PartFacts facts{ctx->today, ctx->medecin_traitant,
                  booking::patient_facts(ctx->administrative, ctx->patient.birth_date, ctx->today)
                      .age_years};
  std::vector<Part> parts;
  for (const char* kind : {"report", "prescription", "sick_leave"}) {
    if (!body.contains(kind) || body[kind].is_null()) continue;
    auto checked = check_part(kind, body[kind], facts, kind);
    if (!checked) co_return std::move(checked).error();
    parts.push_back({kind, kind, std::move(*checked)});
  }
  if (body.contains("certificates") && !body["certificates"].is_null()) {
    const auto& list = body["certificates"];
    if (!list.is_array() || list.size() > kMaxCertificates)
      co_return http::invalid_field("certificates", "Cinq certificats au plus.",
                                    "At most five certificates.");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto field = "certificates[" + std::to_string(i) + "]";
      auto checked = check_part("certificate", list[i], facts, field);
      if (!checked) co_return std::move(checked).error();
      parts.push_back({"certificate", "certificate:" + std::to_string(i), std::move(*checked)});
    }
  }
  if (body.contains("care_sheet") && !body["care_sheet"].is_null()) {
    if (!body["care_sheet"].is_boolean())
      co_return http::invalid_field("care_sheet", "Vrai ou faux attendu.",
                                    "true or false expected.");
    if (body["care_sheet"].get<bool>())
      parts.push_back({"care_sheet", "care_sheet",
                       nlohmann::json{{"amount_cents", amount}, {"css_ame", css.get<bool>()}}});
  }

  // What a retried close already issued is not issued again.
  std::vector<Issued> issued;
  int index = 0;
  for (const auto& p : parts) {
    ++index;
    bool done = false;
    for (const auto& d : *existing) done = done || d.close_part == p.close_part;
    if (done) continue;
    auto doc = co_await prepare(*ctx, p.kind, p.content, index);
    if (!doc) co_return std::move(doc).error();
    doc->close_part = p.close_part;
    issued.push_back(std::move(*doc));
  }
  if (!issued.empty()) {
    auto rows = co_await commit(*ctx, std::move(issued), std::nullopt);
    if (!rows) co_return std::move(rows).error();
    for (auto& r : *rows) existing->push_back(std::move(r));
  }
  // Captured last, once everything the patient came for exists (PAY2).
  const nlohmann::json payment{{"amount_cents", amount}};
  auto closed = co_await d_.appointments.close(who, consultation, payment, locale);
  if (!closed) co_return std::move(closed).error();
  co_return answer(*closed);
}

Task<Result<nlohmann::json>> Service::issue(const Principal& who, const std::string& consultation,
                                            const nlohmann::json& body, Locale locale) {
  (void)locale;
  if (!body.is_object()) co_return Error(ErrorCode::invalid_json);
  auto ctx = co_await practitioner_context(who, consultation);
  if (!ctx) co_return std::move(ctx).error();
  const auto& a = ctx->v.a;
  if (a.status != "done" && !(a.status == "confirmed" && a.started_at))
    co_return Error(Error(ErrorCode::conflict, "not started")
                        .with_message("La consultation n'a pas encore commencé.",
                                      "The consultation has not started yet."));
  const http::Input in(body);
  auto kind = in.text("kind", 20);
  if (!kind) co_return std::move(kind).error();
  if (*kind != "report" && *kind != "prescription" && *kind != "sick_leave" &&
      *kind != "certificate" && *kind != "care_sheet")
    co_return http::invalid_field("kind", "Type de document inconnu.", "Unknown document kind.");
  auto replaces = in.optional_text("replaces", 64);
  if (!replaces) co_return std::move(replaces).error();
  std::optional<std::int64_t> replaced;
  if (*replaces) {
    auto old = co_await store::document(d_.db, **replaces);
    if (!old) co_return std::move(old).error();
    if (!*old || (*old)->appointment_id != a.id || (*old)->kind != *kind)
      co_return http::invalid_field("replaces", "Document à remplacer introuvable.",
                                    "Document to replace not found.");
    if ((*old)->replaced_by_id)
      co_return Error(Error(ErrorCode::conflict, "already replaced")
                          .with_message("Ce document a déjà été remplacé par une version plus "
                                        "récente.",
                                        "This document was already replaced by a newer version."));
    replaced = (*old)->id;
  }
  PartFacts facts{ctx->today, ctx->medecin_traitant,
                  booking::patient_facts(ctx->administrative, ctx->patient.birth_date, ctx->today)
                      .age_years};
  nlohmann::json checked;
  if (*kind == "care_sheet") {
    // The amount is what was charged at the close; before it, the price agreed.
    const auto amount = a.status == "done" ? static_cast<std::int64_t>(a.captured_cents)
                                           : static_cast<std::int64_t>(a.price_cents);
    const Reader in(body, "");
    auto css = in.flag("css_ame");
    if (!css) co_return std::move(css).error();
    checked = {{"amount_cents", amount}, {"css_ame", *css}};
  } else {
    auto c = check_part(*kind, body, facts, *kind);
    if (!c) co_return std::move(c).error();
    checked = std::move(*c);
  }
  auto doc = co_await prepare(*ctx, *kind, checked, static_cast<int>(ctx->now % 100000));
  if (!doc) co_return std::move(doc).error();
  std::vector<Issued> one;
  one.push_back(std::move(*doc));
  auto rows = co_await commit(*ctx, std::move(one), replaced);
  if (!rows) co_return std::move(rows).error();
  if (rows->empty()) co_return Error(ErrorCode::internal, "issued document not found");
  co_return to_json(rows->front());
}

}  // namespace cabinet::documents
