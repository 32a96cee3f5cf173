#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "booking/appointments.hpp"
#include "core/clock.hpp"
#include "core/locale.hpp"
#include "core/principal.hpp"
#include "core/random.hpp"
#include "core/runtime.hpp"
#include "documents/rendering.hpp"
#include "documents/store.hpp"
#include "documents/teleservices.hpp"
#include "storage/database.hpp"

namespace cabinet::crypto {
class KeyRing;
class Signer;
}  // namespace cabinet::crypto
namespace cabinet::audit {
class Log;
struct Entry;
}  // namespace cabinet::audit
namespace cabinet::realtime {
class Hub;
class Connection;
}  // namespace cabinet::realtime
namespace cabinet::notify {
class Outbox;
}
namespace cabinet::consultation {
class Service;
}
namespace cabinet::auth {
class RateLimiter;
}

// Documents after the consultation (issue 14; docs/documents.md): the closing form and its
// draft, issuing (and correcting) the compte-rendu, ordonnance, arrêt de travail, certificates
// and feuille de soins, their PDFs, the patient's list, the pharmacist's verification and the
// prescription sent to a pharmacy.
namespace cabinet::documents {

// A pharmacy as the documents feature needs it (src/reference/ owns the directory).
struct PharmacyRef {
  std::string public_id;
  std::string name;
  std::string city;
  std::string mssante;  // its secure-mail address
};
using FindPharmacy =
    std::function<Task<Result<std::optional<PharmacyRef>>>(const std::string& public_id)>;

struct Teleservices {
  EPrescription& eprescription;
  SickLeave& sick_leave;
  CareSheetTransmission& care_sheet;
  SecureMail& secure_mail;
};

struct Options {
  std::string public_url = "http://localhost:8080";  // the QR's and the emails' links
};

struct Deps {
  storage::Database& db;
  const Clock& clock;
  Random& random;
  const crypto::KeyRing& keys;
  const crypto::Signer& signer;
  const audit::Log& audit;
  realtime::Hub& hub;
  BlockingPool& blocking;  // PDF rendering
  notify::Outbox& outbox;
  booking::Appointments& appointments;
  consultation::Service& consultation;
  Teleservices services;
  FindPharmacy find_pharmacy;
  Options options;
  auth::RateLimiter* limits = nullptr;  // the pharmacist's routes (no account), per address
};

struct Pdf {
  std::string bytes;
  std::string filename;  // "ordonnance-2026-12-07.pdf"
};

class Service {
 public:
  explicit Service(Deps deps);

  // The practitioner (routes.cpp): the closing form's draft, the close, one more document.
  Task<Result<nlohmann::json>> draft(const Principal& who, const std::string& consultation);
  Task<Result<void>> save_draft(const Principal& who, const std::string& consultation,
                                const nlohmann::json& body);
  Task<Result<nlohmann::json>> close(const Principal& who, const std::string& consultation,
                                     const nlohmann::json& body, Locale locale);
  Task<Result<nlohmann::json>> issue(const Principal& who, const std::string& consultation,
                                     const nlohmann::json& body, Locale locale);
  // The consultation's documents, for its practitioner and its patient.
  Task<Result<nlohmann::json>> of_consultation(const Principal& who,
                                               const std::string& consultation);
  static nlohmann::json certificates(Locale locale);

  // A document as every list shows it (the health space lists them: src/health/).
  [[nodiscard]] nlohmann::json json_of(const store::DocumentRow& d) const { return to_json(d); }

  // The patient: one PDF, and a prescription sent to a pharmacy.
  // `medical`: the sick leave's medical copy, for its practitioner only.
  Task<Result<Pdf>> pdf(const Principal& who, const std::string& document, bool medical);
  Task<Result<nlohmann::json>> send_to_pharmacy(const Principal& who, const std::string& document,
                                                const nlohmann::json& body);
  // The WebSocket's `watch_documents`: document_issued / document_updated for the account.
  Task<Result<void>> watch(realtime::Connection& c);

  // The pharmacist, with the QR's key (no account).
  Task<Result<nlohmann::json>> verify(const std::string& number, const std::string& key,
                                      const std::string& ip);
  Task<Result<nlohmann::json>> dispense(const std::string& number, const std::string& key,
                                        const std::string& ip);
  Task<Result<nlohmann::json>> pharmacy_status(const std::string& number, const std::string& key,
                                               const nlohmann::json& body, const std::string& ip);

  // Defined in internal.hpp, for the feature's own files.
  struct Context;
  struct Issued;

 private:
  // The consultation as its practitioner sees it, with everything a document names; 404 for
  // anyone else (assistants included).
  Task<Result<Context>> practitioner_context(const Principal& who, const std::string& id);
  // The access check alone (the draft, saved as typed): the consultation, for its practitioner.
  Task<Result<booking::View>> own_consultation(const Principal& who, const std::string& id);
  // Validates one part of the form and issues it: teleservice, PDF, sealed row, audit.
  Task<Result<Issued>> prepare(const Context& ctx, const std::string& kind,
                               const nlohmann::json& part, int index);
  Task<Result<std::vector<store::DocumentRow>>> commit(const Context& ctx,
                                                       std::vector<Issued> issued,
                                                       std::optional<std::int64_t> replaces);
  Task<Result<store::PrescriptionRow>> keyed(const std::string& number, const std::string& key);
  // The pharmacist's routes answer anyone: a budget per address keeps numbers from being walked.
  Task<Result<void>> limited(const std::string& ip);
  [[nodiscard]] nlohmann::json to_json(const store::DocumentRow& d) const;
  void push(std::int64_t account, const char* type, const store::DocumentRow& d);
  Task<Result<void>> audited(const audit::Entry& entry);

  Deps d_;
};

}  // namespace cabinet::documents
