// Issuing documents (docs/documents.md): the closing form checked whole before anything is
// issued, each part registered with its teleservice, drawn as a PDF off the network threads,
// stored sealed with its audit entry and the patient's notice in one transaction, then the
// payment captured. A retried close finds what it already issued and captures once.
#include "audit/log.hpp"
#include "billing/reimbursement.hpp"
#include "crypto/keyring.hpp"
#include "documents/internal.hpp"
#include "documents/parts.hpp"
#include "documents/rules.hpp"
#include "documents/sealing.hpp"
#include "http/input.hpp"
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

}  // namespace

Task<Result<std::vector<store::DocumentRow>>> Service::commit(
    const Context& ctx, std::vector<Issued> issued, std::optional<std::int64_t> replaces) {
  std::vector<std::int64_t> ids;
  int version = 1;
  if (replaces) {
    auto old = co_await store::document_by_id(d_.db, *replaces);
    if (!old) co_return std::move(old).error();
    if (*old) version = (*old)->version + 1;
  }
  const auto& v = ctx.v;
  auto body = [&](storage::Transaction& tx) -> Task<Result<void>> {
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
        if (!*marked) co_return Error(ErrorCode::conflict, "document already replaced");
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
  };
  auto committed = co_await d_.db.transact(body);
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
  PartFacts facts{
      ctx->consultation_day, ctx->medecin_traitant,
      booking::patient_facts(ctx->administrative, ctx->patient.birth_date, ctx->today).age_years};
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
  PartFacts facts{
      ctx->consultation_day, ctx->medecin_traitant,
      booking::patient_facts(ctx->administrative, ctx->patient.birth_date, ctx->today).age_years};
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
