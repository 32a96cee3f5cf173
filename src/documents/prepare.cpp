// Each part of the closing form made into a document (docs/documents.md): registered with its
// teleservice (number, reference, receipt), worded into a Rendering and drawn as a PDF on the
// blocking pool. Nothing is stored here: commit() in issue.cpp does that in one transaction.
#include "billing/reimbursement.hpp"
#include "consultation/service.hpp"
#include "crypto/signing.hpp"
#include "documents/internal.hpp"
#include "documents/pdf.hpp"
#include "documents/rules.hpp"
#include "notify/mime.hpp"

namespace cabinet::documents {
namespace {

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
    if (checked.contains("weight_kg"))
      r.patient.weight_kg = checked["weight_kg"].get<std::string>();
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
    body.outings = checked["outings"] == "free"
                       ? "Sorties libres"
                       : "Sorties autorisées de 9 h à 11 h et de 14 h à 16 h";
    body.reference = receipt->reference;
    out.content["reference"] = receipt->reference;
    // The medical copy keeps the reason; the patient's PDF is the employer's copy (volet 3).
    Rendering medical = r;
    medical.title = "Avis d'arrêt de travail — volet médical";
    medical.sick_leave = body;
    medical.sick_leave->medical_reason = req.medical_reason;
    auto draw_medical = [&medical] { return render_pdf(medical); };
    auto copy = co_await d_.blocking.call(draw_medical);
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
    const auto facts =
        booking::patient_facts(ctx.administrative, ctx.patient.birth_date, ctx.today);
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
    // Through Cabinet only when a card hold was there; otherwise paid to the practitioner.
    const auto euros = billing::format_euros(static_cast<int>(amount), Locale::fr);
    const bool by_card = ctx.v.a.payment_state == "held" || ctx.v.a.payment_state == "captured";
    if (req.css_ame || amount == 0)
      body.paid_by_patient = "Aucune avance de frais";
    else if (by_card)
      body.paid_by_patient = "Le patient a réglé " + euros + " par carte bancaire";
    else
      body.paid_by_patient = "Montant de " + euros + " réglé directement au praticien";
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
  // A named lambda holding a reference: a capture by copy inside the co_await expression is a
  // temporary GCC 12 destroys twice (bad free under ASan).
  auto draw = [&r] { return render_pdf(r); };
  out.pdf = co_await d_.blocking.call(draw);
  co_return out;
}

}  // namespace cabinet::documents
