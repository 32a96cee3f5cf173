// The prescription outside the platform (docs/documents.md "Pharmacist"): the QR's page checks
// the platform's signature and shows the items to whoever holds the key; the pharmacy marks it
// dispensed once and says when it is ready; the patient sends it to a pharmacy of their choice.
#include "audit/log.hpp"
#include "auth/rate_limit.hpp"
#include "crypto/keyring.hpp"
#include "crypto/signing.hpp"
#include "documents/internal.hpp"
#include "documents/sealing.hpp"
#include "http/input.hpp"

namespace cabinet::documents {
namespace {

// Numbers are digits; anything else is not one of ours (and never reaches the database).
bool plausible_number(const std::string& number) {
  if (number.empty() || number.size() > 40) return false;
  for (const char c : number)
    if ((c < '0' || c > '9') && (c < 'A' || c > 'Z') && c != '-') return false;
  return true;
}

audit::Entry pharmacy_entry(const store::PrescriptionRow& p, std::string action,
                            const std::string& ip) {
  audit::Entry e;
  e.actor_role = "pharmacist";
  e.profile_id = p.profile_id;
  e.action = std::move(action);
  e.object = p.number;
  e.ip = ip;
  return e;
}

}  // namespace

Task<Result<void>> Service::limited(const std::string& ip) {
  if (d_.limits == nullptr) co_return ok();
  co_return co_await d_.limits->hit(&auth::Limits::prescription_per_ip, ip);
}

Task<Result<store::PrescriptionRow>> Service::keyed(const std::string& number,
                                                    const std::string& key) {
  if (!plausible_number(number) || key.empty() || key.size() > 64)
    co_return Error(ErrorCode::not_found);
  auto row = co_await store::prescription(d_.db, number);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return Error(ErrorCode::not_found);
  auto stored = d_.keys.open((*row)->sealed_key, key_context((*row)->document_public_id));
  if (!stored) co_return std::move(stored).error();
  if (stored->size() != key.size() || !crypto::equal(*stored, key))
    co_return Error(ErrorCode::not_found);
  co_return std::move(**row);
}

Task<Result<nlohmann::json>> Service::verify(const std::string& number, const std::string& key,
                                             const std::string& ip) {
  if (auto r = co_await limited(ip); !r) co_return std::move(r).error();
  const nlohmann::json unknown{{"valid", false}, {"dispensed", false}};
  if (!plausible_number(number)) co_return unknown;
  auto row = co_await store::prescription(d_.db, number);
  if (!row) co_return std::move(row).error();
  if (!*row) co_return unknown;
  const auto& p = **row;
  // A corrected prescription is replaced: the old paper is no longer valid.
  const bool valid = !p.replaced_by_id.has_value();
  nlohmann::json out{{"valid", valid}, {"dispensed", p.dispensed_at.has_value()}};
  auto full = co_await keyed(number, key);
  if (!full) co_return out;  // without the key: valid, dispensed, nothing else
  auto payload = d_.keys.open(p.payload, payload_context(p.document_public_id));
  if (!payload) co_return std::move(payload).error();
  const auto doc = nlohmann::json::parse(*payload, nullptr, false);
  out["authentic"] = d_.signer.verify(*payload, p.signature);
  out["replaced"] = !valid;
  out["standin"] = p.standin;
  out["number"] = p.number;
  out["issued_at"] = doc.value("issued_at", p.issued_at);
  out["practitioner"] = doc.value("practitioner", nlohmann::json::object());
  out["patient"] = doc.value("patient", nlohmann::json::object());
  out["items"] = doc.value("items", nlohmann::json::array());
  out["dispensed_at"] = p.dispensed_at ? nlohmann::json(*p.dispensed_at) : nlohmann::json(nullptr);
  // Reading the items is an access to health data, even without an account.
  if (auto r = co_await audited(pharmacy_entry(p, "prescription.verify", ip)); !r)
    co_return std::move(r).error();
  co_return out;
}

Task<Result<nlohmann::json>> Service::dispense(const std::string& number, const std::string& key,
                                               const std::string& ip) {
  if (auto r = co_await limited(ip); !r) co_return std::move(r).error();
  auto p = co_await keyed(number, key);
  if (!p) co_return std::move(p).error();
  if (p->replaced_by_id)
    co_return Error(Error(ErrorCode::conflict, "replaced")
                        .with_message("Cette ordonnance a été remplacée par une version corrigée.",
                                      "This prescription was replaced by a corrected version."));
  const auto now = d_.clock.unix_seconds();
  auto changed = co_await store::dispense(d_.db, p->document_id, now);
  if (!changed) co_return std::move(changed).error();
  auto entry =
      pharmacy_entry(*p, *changed ? "prescription.dispense" : "prescription.dispense_refused", ip);
  if (auto r = co_await audited(entry); !r) co_return std::move(r).error();
  if (!*changed) {
    Error e(ErrorCode::already_dispensed);
    if (p->dispensed_at) e.extra["dispensed_at"] = *p->dispensed_at;
    co_return e;
  }
  if (auto row = co_await store::document_by_id(d_.db, p->document_id); row && *row)
    push(p->account_id, "document_updated", **row);
  co_return nlohmann::json{{"valid", true}, {"dispensed", true}, {"dispensed_at", now}};
}

Task<Result<nlohmann::json>> Service::pharmacy_status(const std::string& number,
                                                      const std::string& key,
                                                      const nlohmann::json& body,
                                                      const std::string& ip) {
  const http::Input in(body);
  auto status = in.text("status", 20);
  if (!status) co_return std::move(status).error();
  if (*status != "prepared" && *status != "ready")
    co_return http::invalid_field("status", "Statut : « prepared » ou « ready ».",
                                  "Status: \"prepared\" or \"ready\".");
  if (auto r = co_await limited(ip); !r) co_return std::move(r).error();
  auto p = co_await keyed(number, key);
  if (!p) co_return std::move(p).error();
  auto changed =
      co_await store::set_pharmacy_status(d_.db, p->document_id, *status, d_.clock.unix_seconds());
  if (!changed) co_return std::move(changed).error();
  if (!*changed)
    co_return Error(
        Error(ErrorCode::conflict, "no pharmacy")
            .with_message("Le patient n'a pas adressé cette ordonnance à une pharmacie.",
                          "The patient did not send this prescription to a pharmacy."));
  if (auto r = co_await audited(pharmacy_entry(*p, "prescription.pharmacy_" + *status, ip)); !r)
    co_return std::move(r).error();
  auto row = co_await store::document_by_id(d_.db, p->document_id);
  if (!row) co_return std::move(row).error();
  if (*row) push(p->account_id, "document_updated", **row);
  co_return nlohmann::json{{"status", *status}};
}

Task<Result<nlohmann::json>> Service::send_to_pharmacy(const Principal& who,
                                                       const std::string& document,
                                                       const nlohmann::json& body) {
  if (who.role != Role::patient) co_return Error(ErrorCode::not_found);
  auto row = co_await store::document(d_.db, document);
  if (!row) co_return std::move(row).error();
  if (!*row || (*row)->account_id != who.account_id) co_return Error(ErrorCode::not_found);
  const auto& d = **row;
  if (d.kind != "prescription")
    co_return http::invalid_field("document", "Seule une ordonnance s'envoie à une pharmacie.",
                                  "Only a prescription can be sent to a pharmacy.");
  if (d.replaced_by_id)
    co_return http::invalid_field("document",
                                  "Cette ordonnance a été remplacée : envoyez la "
                                  "nouvelle version.",
                                  "This prescription was replaced: send the new version.");
  if (d.dispensed_at) co_return Error(ErrorCode::already_dispensed);
  const http::Input in(body);
  auto pharmacy_id = in.text("pharmacy_id", 64);
  if (!pharmacy_id) co_return std::move(pharmacy_id).error();
  if (!d_.find_pharmacy) co_return Error(ErrorCode::unavailable, "no pharmacy directory");
  auto pharmacy = co_await d_.find_pharmacy(*pharmacy_id);
  if (!pharmacy) co_return std::move(pharmacy).error();
  if (!*pharmacy)
    co_return http::invalid_field("pharmacy_id", "Pharmacie introuvable.", "Pharmacy not found.");
  // A pharmacy from the FINESS extract has no secure-mail address until the operator adds it.
  if ((*pharmacy)->mssante.empty())
    co_return http::invalid_field(
        "pharmacy_id",
        "Cette pharmacie ne reçoit pas encore d'ordonnances par messagerie sécurisée : présentez-"
        "lui l'ordonnance imprimée ou son QR code.",
        "This pharmacy does not receive prescriptions by secure mail yet: show it the printed "
        "prescription or its QR code.");
  auto p = co_await store::prescription_of(d_.db, d.id);
  if (!p) co_return std::move(p).error();
  if (!*p) co_return Error(ErrorCode::not_found);
  auto key = d_.keys.open((*p)->sealed_key, key_context(d.public_id));
  if (!key) co_return std::move(key).error();
  const auto link = d_.options.public_url + "/verifier/" + (*p)->number + "?cle=" + *key;
  SecureMessage m;
  m.idempotency_key = d.public_id + ":" + (*pharmacy)->public_id;
  m.to = (*pharmacy)->mssante;
  m.subject = "Ordonnance à préparer — n° " + (*p)->number;
  m.text = "Bonjour,\n\nUn patient vous adresse son ordonnance établie par téléconsultation par " +
           d.practitioner_name + " (n° " + (*p)->number +
           ").\n\nOuvrez ce lien pour la vérifier (signature de la plateforme), voir les "
           "produits prescrits, indiquer qu'elle est préparée ou à retirer, et la marquer "
           "délivrée :\n\n" +
           link + "\n\nCe message ne contient aucune autre donnée de santé.";
  auto sent = co_await d_.services.secure_mail.send(m);
  if (!sent) co_return std::move(sent).error();
  const auto now = d_.clock.unix_seconds();
  if (auto r = co_await store::set_pharmacy(d_.db, d.id, (*pharmacy)->public_id, (*pharmacy)->name,
                                            (*pharmacy)->city, now);
      !r)
    co_return std::move(r).error();
  audit::Entry e;
  e.actor_account_id = who.account_id;
  e.actor_role = "patient";
  e.profile_id = d.profile_id;
  e.action = "prescription.send_to_pharmacy";
  e.object = d.public_id;
  e.detail = (*pharmacy)->public_id;
  if (auto r = co_await audited(e); !r) co_return std::move(r).error();
  auto updated = co_await store::document_by_id(d_.db, d.id);
  if (!updated) co_return std::move(updated).error();
  if (!*updated) co_return Error(ErrorCode::not_found);
  push(who.account_id, "document_updated", **updated);
  co_return to_json(**updated);
}

}  // namespace cabinet::documents
